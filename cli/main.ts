/**
 * `corroborate check | entities | lookup`: the editor's findings on the command line, for pre-publication
 * checks in CI. Same core, same findings as the language server.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CorpusManager } from '../server/src/indexing/manager';
import { checkDraft } from '../server/src/core/check';
import type { Severity } from '../server/src/core/model';
import { LineMap } from '../server/src/core/text/sentences';
import { entityCard } from '../server/src/features/card';
import { sourceRange } from '../server/src/features/locations';
import { short } from '../server/src/core/disputes/detect';

const USAGE = `usage:
  corroborate check    [--corpus DIR]... [--no-bundled] [--format text|json] [--fail-on error|warning|information|hint|never] FILE...
  corroborate entities [--corpus DIR]... [--no-bundled] [--format text|json] FILE...
  corroborate lookup   [--corpus DIR]... [--no-bundled] [--format text|json] NAME
  corroborate --version

Checks drafts (Markdown or plain text) against a corpus of source articles: the bundled corpus
unless --no-bundled, plus every --corpus folder. 'check' exits 1 when a finding reaches the
--fail-on severity (default: warning), 2 on a usage or input error.`;

const RANK: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };

interface Args {
  command: string;
  corpus: string[];
  bundled: boolean;
  format: 'text' | 'json';
  failOn: Severity | 'never';
  rest: string[];
}

function parseArgs(argv: string[]): Args | string {
  const a: Args = { command: argv[0] ?? '', corpus: [], bundled: true, format: 'text', failOn: 'warning', rest: [] };
  for (let i = 1; i < argv.length; i++) {
    const x = argv[i];
    const val = () => {
      const v = x.includes('=') ? x.slice(x.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${x} needs a value`);
      return v;
    };
    try {
      if (x === '--corpus' || x.startsWith('--corpus=')) a.corpus.push(val());
      else if (x === '--no-bundled') a.bundled = false;
      else if (x === '--format' || x.startsWith('--format=')) {
        const f = val();
        if (f !== 'text' && f !== 'json') return `--format must be text or json, not "${f}"`;
        a.format = f;
      } else if (x === '--fail-on' || x.startsWith('--fail-on=')) {
        const f = val();
        if (!['error', 'warning', 'information', 'hint', 'never'].includes(f))
          return `--fail-on must be error, warning, information, hint or never, not "${f}"`;
        a.failOn = f as Args['failOn'];
      } else if (x === '--') (a.rest.push(...argv.slice(i + 1)), (i = argv.length));
      else if (x.startsWith('--')) return `unknown option ${x}`;
      else a.rest.push(x);
    } catch (err) {
      return (err as Error).message;
    }
  }
  return a;
}

function bundledPath(): string {
  const candidates = [path.resolve(__dirname, '..', 'corpus'), path.resolve(__dirname, '..', '..', 'corpus')];
  return candidates.find((p) => existsSync(p)) ?? candidates[0];
}

async function loadCorpus(a: Args): Promise<CorpusManager | string> {
  const roots: string[] = [];
  if (a.bundled) roots.push(bundledPath());
  for (const c of a.corpus) {
    if (!existsSync(c)) return `corpus folder not found: ${c}`;
    roots.push(path.resolve(c));
  }
  const m = new CorpusManager();
  await m.configure({ roots, exclude: [] });
  for (const p of m.problems) process.stderr.write(`corroborate: skipped ${p.path}: ${p.reason}\n`);
  // (an answer from a corpus that could not be indexed would look like a draft the sources have nothing against)
  if (m.rebuildError) {
    void m.dispose();
    return `the corpus could not be indexed (an internal error, please report it): ${m.rebuildError.message}`;
  }
  if (m.state === 'error') {
    void m.dispose();
    return 'the corpus could not be indexed (an internal error, please report it)';
  }
  return m;
}

function readDraft(file: string): { text: string } | string {
  try {
    const st = statSync(file);
    if (st.isDirectory()) return `${file} is a folder, not a draft`;
    if (st.size > 16 * 1024 * 1024) return `${file} is too large to check (${(st.size / 1048576).toFixed(1)} MB; the limit is 16 MB)`;
    const bytes = readFileSync(file);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, '') };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') return `${file}: no such file`;
    if (e.code === 'EACCES') return `${file}: permission denied`;
    if (e instanceof TypeError) return `${file}: not valid UTF-8 text`;
    return `${file}: ${e.message}`;
  }
}

const langOf = (f: string) => (/\.(md|markdown|mdx)$/i.test(f) ? 'markdown' : 'plaintext');

export async function main(argv: string[]): Promise<number> {
  if (argv[0] === '--version' || argv[0] === '-v') {
    process.stdout.write('corroborate 0.1.0\n');
    return 0;
  }
  if (!argv.length || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return argv.length ? 0 : 2;
  }
  const a = parseArgs(argv);
  if (typeof a === 'string') {
    process.stderr.write(`corroborate: ${a}\n${USAGE}\n`);
    return 2;
  }
  if (!['check', 'entities', 'lookup'].includes(a.command)) {
    process.stderr.write(`corroborate: unknown command "${a.command}"\n${USAGE}\n`);
    return 2;
  }
  if (!a.rest.length) {
    process.stderr.write(`corroborate: ${a.command === 'lookup' ? 'a NAME' : 'at least one FILE'} is needed\n${USAGE}\n`);
    return 2;
  }
  const m = await loadCorpus(a);
  if (typeof m === 'string') {
    process.stderr.write(`corroborate: ${m}\n`);
    return 2;
  }
  const index = m.index;
  const outletOf = (id: string) => index.sources.get(id)?.meta;

  if (a.command === 'lookup') {
    const name = a.rest.join(' ');
    const hits = index.search(name, 5);
    if (!hits.length) {
      process.stderr.write(`corroborate: no entity matches "${name}"\n`);
      return 1;
    }
    const card = entityCard(index, hits[0].entity, { claimsPerSource: 4 });
    if (a.format === 'json')
      process.stdout.write(`${JSON.stringify({ ...card, alternatives: hits.slice(1).map((h) => h.entity.name) }, null, 2)}\n`);
    else {
      process.stdout.write(`${card.markdown.replace(/ \[open\]\([^)]*\)/g, '').replace(/\\([\\`*_{}[\]<>|])/g, '$1')}\n`);
      if (hits.length > 1)
        process.stdout.write(
          `\nOther matches: ${hits
            .slice(1)
            .map((h) => h.entity.name)
            .join(', ')}\n`,
        );
    }
    return 0;
  }

  let failing = 0;
  let inputErrors = 0;
  const json: unknown[] = [];
  for (const file of a.rest) {
    const d = readDraft(file);
    if (typeof d === 'string') {
      process.stderr.write(`corroborate: ${d}\n`);
      inputErrors++;
      continue;
    }
    const check = checkDraft(index, d.text, { languageId: langOf(file) });
    const lines = new LineMap(d.text);
    const range = (s: { start: number; end: number }) => ({ start: lines.position(s.start), end: lines.position(s.end) });
    if (a.command === 'entities') {
      for (const mm of check.mentions) {
        const e = index.entity(mm.entityId)!;
        const item = {
          file,
          range: range(mm.span),
          text: mm.text,
          entity: { id: e.id, name: e.name, type: e.type, aliases: e.aliases, sources: index.sourceCountOf(e) },
          candidates: mm.candidates?.map((id) => index.entity(id)?.name ?? id),
        };
        if (a.format === 'json') json.push(item);
        else
          process.stdout.write(
            `${file}:${item.range.start.line + 1}:${item.range.start.character + 1}: ${mm.text} → ${e.name} (${e.type}, ${item.entity.sources} source${item.entity.sources === 1 ? '' : 's'})\n`,
          );
      }
      continue;
    }
    for (const f of check.findings) {
      if (a.failOn !== 'never' && RANK[f.severity] >= RANK[a.failOn]) failing++;
      const related = f.related.map((r) => {
        const meta = outletOf(r.sourceId);
        return {
          file: index.sources.get(r.sourceId)?.path ?? r.sourceId,
          range: sourceRange(index, r.sourceId, r.span),
          outlet: meta?.outlet,
          title: meta?.title,
          published: meta?.published,
          excerpt: short(index.sources.get(r.sourceId)?.text.slice(r.span.start, r.span.end) ?? '', 300),
        };
      });
      if (a.format === 'json')
        json.push({
          file,
          range: range(f.span),
          severity: f.severity,
          code: f.code,
          message: f.message,
          related,
          suggestions: f.suggestions ?? [],
        });
      else {
        const r = range(f.span);
        process.stdout.write(`${file}:${r.start.line + 1}:${r.start.character + 1}: ${f.severity} [${f.code}] ${f.message}\n`);
        for (const x of related.slice(0, 6))
          process.stdout.write(
            `    ${x.outlet ?? x.title ?? x.file}${x.published ? ` (${x.published})` : ''}: “${short(x.excerpt, 150)}” — ${path.relative(process.cwd(), x.file)}:${x.range.start.line + 1}\n`,
          );
        if (f.suggestions?.length) process.stdout.write(`    did you mean: ${f.suggestions.join(', ')}\n`);
      }
    }
  }
  if (a.format === 'json') process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  else if (a.command === 'check')
    process.stdout.write(
      `${json.length || ''}${failing ? `\n${failing} finding(s) at ${a.failOn} or worse\n` : '\nno findings at the failing severity\n'}`,
    );
  m.dispose();
  if (inputErrors) return 2;
  return failing ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
