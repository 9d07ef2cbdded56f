// Snapshot and spot tests for the Corroborate TextMate injection grammars.
//
// The fixtures in ./fixtures are tokenized with vscode-textmate + vscode-oniguruma, the injections wired
// the way VS Code wires `contributes.grammars[].injectTo`, and the result compared with ./snapshots/*.snap.
// `UPDATE_SNAPSHOTS=1` rewrites the snapshots. The spot tests below assert specific scopes directly so a
// snapshot of garbage cannot pass.
//
// Hosts: VS Code's own Markdown grammar is not copied here; ./hosts/markdown.host.tmLanguage.json (with
// ./hosts/yaml.host.tmLanguage.json for front matter) is a minimal stand-in that uses the same scope names
// where it matters. Plain text uses the shipped syntaxes/corroborate-plaintext.tmLanguage.json (VS Code
// has no text.plain grammar of its own).

import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';
import { diagnosticCodes } from '../../shared/protocol';

const here = __dirname;
const root = resolve(here, '..', '..');
const fixturesDir = join(here, 'fixtures');
const snapshotsDir = join(here, 'snapshots');
const update = process.env.UPDATE_SNAPSHOTS === '1';

const DIRECTIVES = 'corroborate.directives.injection';
const FRONTMATTER = 'corroborate.frontmatter.injection';

/** What package.json must contribute (see the report); the test registry is built from the same table. */
const CONTRIBUTED_GRAMMARS = [
  { scopeName: DIRECTIVES, path: './syntaxes/corroborate-directives.tmLanguage.json', injectTo: ['text.html.markdown', 'text.plain'] },
  { language: 'plaintext', scopeName: 'text.plain', path: './syntaxes/corroborate-plaintext.tmLanguage.json' },
] as const;

/**
 * Test-only: the front matter injection is exercised against the minimal host, not contributed. Against VS Code's
 * own YAML grammar (RedCMD's, stateful begin/while rules) an injection that takes the key away from YAML breaks
 * YAML's indentation tracking (later keys turn invalid.illegal), and one limited to meta.mapping.yaml never fires;
 * see the `todo` test at the end of this file.
 */
const TEST_ONLY_INJECTIONS = [
  { scopeName: FRONTMATTER, path: './syntaxes/corroborate-frontmatter.tmLanguage.json', injectTo: ['text.html.markdown'] },
] as const;

const grammarPaths: Record<string, string> = {
  'text.html.markdown': join(here, 'hosts', 'markdown.host.tmLanguage.json'),
  'source.yaml': join(here, 'hosts', 'yaml.host.tmLanguage.json'),
};
for (const g of [...CONTRIBUTED_GRAMMARS, ...TEST_ONLY_INJECTIONS]) grammarPaths[g.scopeName] = join(root, g.path);

const injections: Record<string, string[]> = {};
for (const g of [...CONTRIBUTED_GRAMMARS, ...TEST_ONLY_INJECTIONS]) {
  if (!('injectTo' in g)) continue;
  for (const host of g.injectTo) (injections[host] ??= []).push(g.scopeName);
}

interface Tok {
  line: number; // 1-based
  start: number; // 0-based, inclusive
  end: number; // 0-based, exclusive
  text: string;
  scopes: string[];
}

let registry: vsctm.Registry;

before(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => {
      const p = grammarPaths[scopeName];
      if (!p) return null;
      return vsctm.parseRawGrammar(readFileSync(p, 'utf8'), p);
    },
    getInjections: (scopeName: string) => injections[scopeName],
  });
});

async function tokenize(text: string, hostScope: string): Promise<Tok[]> {
  const grammar = await registry.loadGrammar(hostScope);
  assert.ok(grammar, `no grammar for ${hostScope}`);
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const out: Tok[] = [];
  let state = vsctm.INITIAL;
  lines.forEach((lineText, i) => {
    const r = grammar.tokenizeLine(lineText, state);
    for (const t of r.tokens) {
      const end = Math.min(t.endIndex, lineText.length);
      if (end <= t.startIndex) continue; // the synthetic token of an empty line
      out.push({ line: i + 1, start: t.startIndex, end, text: lineText.slice(t.startIndex, end), scopes: t.scopes });
    }
    state = r.ruleStack;
  });
  return out;
}

function hostFor(file: string): string {
  return extname(file) === '.txt' ? 'text.plain' : 'text.html.markdown';
}

/** One line per token: `line:startCol-endCol "text" | scopes` (1-based line and columns, end column inclusive). */
function render(file: string, host: string, toks: Tok[]): string {
  const head = [
    `# ${file} tokenized as ${host} with injections ${(injections[host] ?? []).join(', ')}`,
    '# line:startCol-endCol "text" | scopes   (1-based, end column inclusive)',
  ];
  return (
    head.concat(toks.map((t) => `${t.line}:${t.start + 1}-${t.end} ${JSON.stringify(t.text)} | ${t.scopes.join(' ')}`)).join('\n') + '\n'
  );
}

/** A small LCS line diff, enough to read a snapshot mismatch. */
function lineDiff(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) out.push(`- ${a[i++]}`);
    else out.push(`+ ${b[j++]}`);
  }
  const shown = out.slice(0, 60);
  if (out.length > shown.length) shown.push(`… ${out.length - shown.length} more changed lines`);
  return shown.join('\n');
}

function hasScope(t: Tok, prefix: string): boolean {
  return t.scopes.some((s) => s === prefix || s.startsWith(prefix + '.'));
}

function corroborateScopes(t: Tok): string[] {
  return t.scopes.filter((s) => s.endsWith('.corroborate'));
}

/** The token with exactly `text` on the first line containing `lineContains` (optionally the nth such token). */
function tok(toks: Tok[], lines: string[], lineContains: string, text: string, nth = 0): Tok {
  const lineNo = lines.findIndex((l) => l.includes(lineContains)) + 1;
  assert.ok(lineNo > 0, `no line contains ${JSON.stringify(lineContains)}`);
  const found = toks.filter((t) => t.line === lineNo && t.text === text);
  assert.ok(
    found.length > nth,
    `line ${lineNo} has no token ${JSON.stringify(text)}; tokens: ${JSON.stringify(toks.filter((t) => t.line === lineNo).map((t) => t.text))}`,
  );
  return found[nth];
}

async function tokenizeFixture(name: string) {
  const text = readFileSync(join(fixturesDir, name), 'utf8');
  return { lines: text.split(/\r?\n/), toks: await tokenize(text, hostFor(name)) };
}

describe('grammar snapshots', () => {
  const fixtures = readdirSync(fixturesDir)
    .filter((f) => /\.(md|txt)$/.test(f))
    .sort();
  test('there are fixtures', () => assert.ok(fixtures.length >= 3));
  for (const file of fixtures) {
    test(file, async () => {
      const host = hostFor(file);
      const actual = render(file, host, await tokenize(readFileSync(join(fixturesDir, file), 'utf8'), host));
      const snap = join(snapshotsDir, `${basename(file)}.snap`);
      if (update || !existsSync(snap)) {
        if (!update) assert.fail(`missing snapshot ${snap}; run with UPDATE_SNAPSHOTS=1 to create it`);
        mkdirSync(snapshotsDir, { recursive: true });
        writeFileSync(snap, actual);
        return;
      }
      const expected = readFileSync(snap, 'utf8');
      if (expected !== actual)
        assert.fail(
          `token scopes of ${file} differ from ${snap} (- snapshot, + now; UPDATE_SNAPSHOTS=1 to accept):\n${lineDiff(expected, actual)}`,
        );
    });
  }
});

describe('directive grammar: spot checks (Markdown)', () => {
  let toks: Tok[];
  let lines: string[];
  before(async () => ({ toks, lines } = await tokenizeFixture('draft.md')));

  test('disable-next-line: punctuation, keyword, known code', () => {
    const L = '<!-- corroborate-disable-next-line disputed-claim -->';
    const open = tok(toks, lines, L, '<!--');
    assert.ok(hasScope(open, 'comment.block.directive.corroborate'));
    assert.ok(hasScope(open, 'punctuation.definition.comment'));
    const kw = tok(toks, lines, L, 'corroborate-disable-next-line');
    assert.ok(hasScope(kw, 'keyword.control.directive.corroborate'));
    const code = tok(toks, lines, L, 'disputed-claim');
    assert.ok(hasScope(code, 'constant.language.code.corroborate'), code.scopes.join(' '));
    assert.ok(hasScope(code, 'comment.block.directive.corroborate'));
    const close = tok(toks, lines, L, '-->');
    assert.ok(hasScope(close, 'punctuation.definition.comment'));
    assert.ok(!hasScope(close, 'comment.block.html'), 'the host HTML comment rule must not win');
  });

  test('every directive keyword is recognised', () => {
    for (const [line, kw] of [
      ['<!-- corroborate-disable-line disputed-claim, disputed-entity -->', 'corroborate-disable-line'],
      ['<!-- corroborate-disable disputed-entity -->', 'corroborate-disable'],
      ['<!-- corroborate-enable disputed-entity -->', 'corroborate-enable'],
      ['<!-- corroborate-disable-file unknown-spelling', 'corroborate-disable-file'],
      ['<!-- corroborate-disable -->', 'corroborate-disable'],
      ['<!-- corroborate-enable -->', 'corroborate-enable'],
    ])
      assert.ok(hasScope(tok(toks, lines, line, kw), 'keyword.control.directive.corroborate'), line);
  });

  test('a list of codes: each code and the comma', () => {
    const L = '<!-- corroborate-disable-line disputed-claim, disputed-entity -->';
    assert.ok(hasScope(tok(toks, lines, L, 'disputed-claim'), 'constant.language.code.corroborate'));
    assert.ok(hasScope(tok(toks, lines, L, 'disputed-entity'), 'constant.language.code.corroborate'));
    assert.ok(hasScope(tok(toks, lines, L, ','), 'punctuation.separator'));
  });

  test('unknown codes are invalid.illegal, known ones beside them are not', () => {
    const z = tok(toks, lines, 'disputed-claimz', 'disputed-claimz');
    assert.ok(hasScope(z, 'invalid.illegal.code.corroborate'), z.scopes.join(' '));
    assert.ok(!hasScope(z, 'constant.language.code.corroborate'));
    const caps = tok(toks, lines, 'Disputed-Claim,unknown-spelling', 'Disputed-Claim');
    assert.ok(hasScope(caps, 'invalid.illegal.code.corroborate'), 'codes are case-sensitive');
    assert.ok(hasScope(tok(toks, lines, 'Disputed-Claim,unknown-spelling', 'unknown-spelling'), 'constant.language.code.corroborate'));
  });

  test('a misspelt directive keyword is flagged', () => {
    const bad = tok(toks, lines, 'corroborate-disable-nextline', 'corroborate-disable-nextline');
    assert.ok(hasScope(bad, 'invalid.illegal'));
    assert.ok(!hasScope(bad, 'keyword.control.directive.corroborate'));
  });

  test('the reason is a comment and does not swallow the closing -->', () => {
    const L = '-- house style spells it Maelbeek -->';
    const reason = tok(toks, lines, L, ' house style spells it Maelbeek');
    assert.ok(hasScope(reason, 'comment.line.reason.corroborate'));
    assert.ok(!hasScope(reason, 'invalid.illegal'), 'reason words are not codes');
    const dashes = tok(toks, lines, L, '--');
    assert.ok(hasScope(dashes, 'comment.line.reason.corroborate'));
    const close = tok(toks, lines, L, '-->');
    assert.ok(!hasScope(close, 'comment.line.reason.corroborate'));
    assert.ok(hasScope(close, 'punctuation.definition.comment'));
  });

  test('a directive without spaces around it', () => {
    const L = '<!--corroborate-disable-line disputed-entity-->';
    assert.ok(hasScope(tok(toks, lines, L, 'disputed-entity'), 'constant.language.code.corroborate'));
    assert.ok(hasScope(tok(toks, lines, L, '-->'), 'punctuation.definition.comment'));
  });

  test('directives in the middle of prose; the prose around them is untouched', () => {
    const L = 'Abdelhamid Abaaoud was killed in Saint-Denis.';
    const before = tok(toks, lines, L, 'Abdelhamid Abaaoud was killed in Saint-Denis. ');
    assert.deepEqual(corroborateScopes(before), []);
    assert.ok(hasScope(tok(toks, lines, L, 'unknown-spelling'), 'constant.language.code.corroborate'));
    const after = tok(toks, lines, L, ' He had been in Syria.');
    assert.deepEqual(corroborateScopes(after), []);
    const typo = tok(toks, lines, 'Typos: <!--', 'Typos: ');
    assert.deepEqual(corroborateScopes(typo), []);
  });

  test('ordinary prose, headings and ordinary HTML comments get no corroborate scope', () => {
    const checks = [
      'Investigators named two of the suspects',
      'The Islamic State carried out',
      'Salah Abdeslam was arrested',
      'An ordinary comment',
      'Brussels: what we know',
    ];
    for (const c of checks) {
      const lineNo = lines.findIndex((l) => l.includes(c)) + 1;
      const lineToks = toks.filter((t) => t.line === lineNo);
      assert.ok(lineToks.length > 0);
      for (const t of lineToks) assert.deepEqual(corroborateScopes(t), [], `${c}: ${t.text} ${t.scopes.join(' ')}`);
    }
    const todo = tok(toks, lines, 'An ordinary comment', " TODO: call the prosecutor's office ");
    assert.ok(hasScope(todo, 'comment.block.html'));
  });

  test('directives in code (inline, fenced, indented) are not highlighted', () => {
    const inline = lines.findIndex((l) => l.startsWith('Inline code `'));
    const fenceOpen = lines.indexOf('```text');
    const indented = lines.findIndex((l) => l.startsWith('    <!-- corroborate-disable-file'));
    assert.ok(inline >= 0 && fenceOpen >= 0 && indented >= 0);
    for (const idx of [inline, fenceOpen + 1, indented]) {
      const lineToks = toks.filter((t) => t.line === idx + 1);
      assert.ok(lineToks.length > 0);
      for (const t of lineToks) assert.deepEqual(corroborateScopes(t), [], `${lines[idx]}: ${t.text}`);
    }
    assert.ok(toks.filter((t) => t.line === inline + 1).some((t) => hasScope(t, 'markup.inline.raw')));
    assert.ok(toks.filter((t) => t.line === fenceOpen + 2).every((t) => hasScope(t, 'markup.fenced_code')));
    assert.ok(toks.filter((t) => t.line === indented + 1).every((t) => hasScope(t, 'markup.raw')));
  });

  test('indented, quoted and list-item directives beat the host rules', () => {
    const ind = tok(toks, lines, '  <!-- corroborate-disable-next-line disputed-entity -->', 'disputed-entity');
    assert.ok(hasScope(ind, 'constant.language.code.corroborate'));
    assert.ok(!hasScope(ind, 'comment.block.html'));
    const quoted = tok(toks, lines, '> <!-- corroborate-disable-next-line disputed-claim -->', 'disputed-claim');
    assert.ok(hasScope(quoted, 'constant.language.code.corroborate'));
    assert.ok(hasScope(quoted, 'markup.quote.markdown'));
    const item = tok(toks, lines, '- <!-- corroborate-disable-line unknown-spelling -->', 'unknown-spelling');
    assert.ok(hasScope(item, 'constant.language.code.corroborate'));
    assert.ok(hasScope(item, 'markup.list'));
  });

  test('a directive spanning two lines keeps its scopes on the second line', () => {
    const L = 'disputed-claim, unknown-spelling -- spans two lines -->';
    assert.ok(hasScope(tok(toks, lines, L, 'disputed-claim'), 'constant.language.code.corroborate'));
    assert.ok(hasScope(tok(toks, lines, L, 'unknown-spelling'), 'constant.language.code.corroborate'));
    assert.ok(hasScope(tok(toks, lines, L, ' spans two lines'), 'comment.line.reason.corroborate'));
    const next = toks.filter((t) => t.line === lines.findIndex((l) => l.startsWith('The metro bomb exploded')) + 1);
    for (const t of next) assert.deepEqual(corroborateScopes(t), []);
  });
});

describe('directive grammar: spot checks (plain text)', () => {
  let toks: Tok[];
  let lines: string[];
  before(async () => ({ toks, lines } = await tokenizeFixture('draft.txt')));

  test('directives are highlighted in text.plain', () => {
    const code = tok(toks, lines, '<!-- corroborate-disable-next-line disputed-claim -->', 'disputed-claim');
    assert.equal(code.scopes[0], 'text.plain');
    assert.ok(hasScope(code, 'constant.language.code.corroborate'));
    assert.ok(
      hasScope(tok(toks, lines, 'corroborate-disable-line disputed-entitiy', 'disputed-entitiy'), 'invalid.illegal.code.corroborate'),
    );
    assert.ok(hasScope(tok(toks, lines, '-- local spelling -->', ' local spelling'), 'comment.line.reason.corroborate'));
  });

  test('directive words outside a comment stay plain', () => {
    const lineNo = lines.findIndex((l) => l.startsWith('Prose that mentions')) + 1;
    const lineToks = toks.filter((t) => t.line === lineNo);
    assert.equal(lineToks.length, 1);
    assert.deepEqual(lineToks[0].scopes, ['text.plain']);
  });
});

describe('front matter grammar: spot checks', () => {
  let toks: Tok[];
  let lines: string[];
  before(async () => ({ toks, lines } = await tokenizeFixture('article.md')));

  test('every metadata key the loader reads is a property name', () => {
    for (const key of ['title', 'outlet', 'publisher', 'author', 'authors', 'date', 'published', 'url', 'kind']) {
      const t = tok(toks, lines, `${key}:`, key);
      assert.ok(hasScope(t, 'support.type.property-name.corroborate'), `${key}: ${t.scopes.join(' ')}`);
      assert.ok(hasScope(t, 'meta.embedded.block.frontmatter'));
    }
  });

  test('a known kind value is a constant; the YAML comment after it is left to YAML', () => {
    const wire = tok(toks, lines, 'kind: wire', 'wire');
    assert.ok(hasScope(wire, 'constant.language.kind.corroborate'));
    const comment = tok(toks, lines, 'kind: wire', ' as filed');
    assert.ok(hasScope(comment, 'comment.line.number-sign.yaml'));
    assert.deepEqual(corroborateScopes(comment), []);
  });

  test('other keys, nested keys, commented keys and the body are left alone', () => {
    for (const [line, text] of [
      ['editor:', 'editor'],
      ['tags:', 'tags'],
      ['  title: a nested', 'title'],
      ['# kind: news', ' kind: news'],
    ] as const) {
      const t = tok(toks, lines, line, text);
      assert.deepEqual(corroborateScopes(t), [], `${line}: ${t.scopes.join(' ')}`);
    }
    const bodyStart = lines.indexOf('---', 1) + 1; // 0-based index of the line after the closing fence
    for (const t of toks.filter((t) => t.line > bodyStart)) assert.deepEqual(corroborateScopes(t), [], `body: ${t.text}`);
    assert.ok(toks.some((t) => t.line > bodyStart && t.text.includes('kind: news')));
  });

  test('quoted and unknown kind values', async () => {
    const q = await tokenizeFixture('article-quoted-kind.md');
    assert.ok(hasScope(tok(q.toks, q.lines, "kind: 'press-release'", 'press-release'), 'constant.language.kind.corroborate'));
    const u = await tokenizeFixture('article-unknown-kind.md');
    const blog = u.toks.filter((t) => t.line === u.lines.indexOf('kind: blog') + 1);
    assert.ok(hasScope(blog[0], 'support.type.property-name.corroborate'), 'the key is still a known key');
    assert.ok(
      blog.every((t) => !hasScope(t, 'constant.language.kind.corroborate')),
      'blog is not a kind',
    );
  });

  test('each kind the loader knows', async () => {
    for (const kind of ['news', 'wire', 'opinion', 'analysis', 'press-release', 'fact-check']) {
      const text = `---\nkind: ${kind}\n---\n`;
      const t = (await tokenize(text, 'text.html.markdown')).find((x) => x.text === kind);
      assert.ok(t && hasScope(t, 'constant.language.kind.corroborate'), kind);
    }
    const t = (await tokenize('---\nkind: newsy\n---\n', 'text.html.markdown')).find((x) => x.text.includes('newsy'));
    assert.ok(t && !hasScope(t, 'constant.language.kind.corroborate'));
  });

  test('a draft without front matter: key-like lines stay prose', async () => {
    const t = await tokenize('title: not metadata\n\nkind: news\n', 'text.html.markdown');
    for (const x of t) assert.deepEqual(corroborateScopes(x), []);
  });
});

describe('grammar files', () => {
  test('known codes are diagnostic codes the server defines', async () => {
    const raw = JSON.parse(readFileSync(grammarPaths[DIRECTIVES], 'utf8'));
    const m = /\(\?:([a-z|-]+)\)/.exec(raw.repository['known-code'].match);
    assert.ok(m, 'known-code pattern has the expected shape');
    const codes = m[1].split('|').sort();
    assert.deepEqual(codes, ['disputed-claim', 'disputed-entity', 'unknown-spelling']);
    for (const c of codes) assert.ok((diagnosticCodes as readonly string[]).includes(c), c);
  });

  test('scope names and selectors', () => {
    const d = JSON.parse(readFileSync(grammarPaths[DIRECTIVES], 'utf8'));
    assert.equal(d.scopeName, DIRECTIVES);
    assert.match(d.injectionSelector, /^L:text\.html\.markdown\b.*, L:text\.plain\b/);
    const f = JSON.parse(readFileSync(grammarPaths[FRONTMATTER], 'utf8'));
    assert.equal(f.scopeName, FRONTMATTER);
    assert.match(f.injectionSelector, /^L:text\.html\.markdown meta\.embedded\.block\.frontmatter\b/);
  });

  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const contributed: Array<Record<string, unknown>> | undefined = pkg.contributes?.grammars;
  test(
    'package.json contributes the grammars with the right injectTo',
    { skip: contributed ? false : 'package.json has no contributes.grammars yet' },
    () => {
      for (const want of CONTRIBUTED_GRAMMARS) {
        const got = contributed!.find((g) => g.scopeName === want.scopeName);
        assert.ok(got, `contributes.grammars lacks ${want.scopeName}`);
        assert.equal(resolve(root, String(got.path)), resolve(root, want.path));
        if ('injectTo' in want) assert.deepEqual([...(got.injectTo as string[])].sort(), [...want.injectTo].sort());
        if ('language' in want) assert.equal(got.language, want.language);
        assert.equal(JSON.parse(readFileSync(resolve(root, String(got.path)), 'utf8')).scopeName, want.scopeName);
      }
    },
  );
});

// Optional: the same injections against VS Code's own built-in Markdown and YAML grammars, when the
// offline code-server used by the e2e layer is installed (scripts/install-code-server.sh). Not snapshotted,
// since those grammars change between VS Code releases; the spot checks must hold for any of them.
const vscodeExtensions = join(root, '.vscode-offline', 'node_modules', 'code-server', 'lib', 'vscode', 'extensions');
describe(
  'against VS Code built-in grammars',
  { skip: existsSync(join(vscodeExtensions, 'markdown-basics')) ? false : 'no offline VS Code (.vscode-offline) installed' },
  () => {
    let real: vsctm.Registry;
    before(() => {
      const paths: Record<string, string> = {};
      for (const ext of readdirSync(vscodeExtensions)) {
        const manifest = join(vscodeExtensions, ext, 'package.json');
        if (!existsSync(manifest)) continue;
        const grammars: Array<{ scopeName?: string; path?: string }> =
          JSON.parse(readFileSync(manifest, 'utf8')).contributes?.grammars ?? [];
        for (const g of grammars)
          if (g.scopeName && g.path && !paths[g.scopeName]) paths[g.scopeName] = join(vscodeExtensions, ext, g.path);
      }
      for (const g of [...CONTRIBUTED_GRAMMARS, ...TEST_ONLY_INJECTIONS]) paths[g.scopeName] = join(root, g.path);
      real = new vsctm.Registry({
        onigLib: Promise.resolve({
          createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
          createOnigString: (s: string) => new oniguruma.OnigString(s),
        }),
        loadGrammar: async (scopeName: string) =>
          paths[scopeName] ? vsctm.parseRawGrammar(readFileSync(paths[scopeName], 'utf8'), paths[scopeName]) : null,
        getInjections: (scopeName: string) => injections[scopeName],
      });
    });

    async function tokenizeReal(file: string) {
      const text = readFileSync(join(fixturesDir, file), 'utf8');
      const grammar = await real.loadGrammar('text.html.markdown');
      assert.ok(grammar);
      const lines = text.split(/\r?\n/);
      const toks: Tok[] = [];
      let state = vsctm.INITIAL;
      lines.forEach((lineText, i) => {
        const r = grammar.tokenizeLine(lineText, state);
        for (const t of r.tokens) {
          const end = Math.min(t.endIndex, lineText.length);
          if (end > t.startIndex)
            toks.push({ line: i + 1, start: t.startIndex, end, text: lineText.slice(t.startIndex, end), scopes: t.scopes });
        }
        state = r.ruleStack;
      });
      return { toks, lines };
    }

    test('directives in a Markdown draft', async () => {
      const { toks, lines } = await tokenizeReal('draft.md');
      const L = '<!-- corroborate-disable-next-line disputed-claim -->';
      assert.ok(hasScope(tok(toks, lines, L, 'disputed-claim'), 'constant.language.code.corroborate'));
      assert.ok(!hasScope(tok(toks, lines, L, '-->'), 'comment.block.html'));
      assert.ok(hasScope(tok(toks, lines, 'disputed-claimz', 'disputed-claimz'), 'invalid.illegal.code.corroborate'));
      assert.ok(hasScope(tok(toks, lines, 'Abdelhamid Abaaoud was killed', 'unknown-spelling'), 'constant.language.code.corroborate'));
      assert.ok(
        hasScope(
          tok(toks, lines, '-- house style spells it Maelbeek -->', ' house style spells it Maelbeek'),
          'comment.line.reason.corroborate',
        ),
      );
      assert.ok(
        hasScope(
          tok(toks, lines, '  <!-- corroborate-disable-next-line disputed-entity -->', 'disputed-entity'),
          'constant.language.code.corroborate',
        ),
      );
      assert.ok(
        hasScope(
          tok(toks, lines, '> <!-- corroborate-disable-next-line disputed-claim -->', 'disputed-claim'),
          'constant.language.code.corroborate',
        ),
      );
      assert.ok(
        hasScope(
          tok(toks, lines, '- <!-- corroborate-disable-line unknown-spelling -->', 'unknown-spelling'),
          'constant.language.code.corroborate',
        ),
      );
      for (const c of ['Investigators named two', 'An ordinary comment', 'Inline code `', '    <!-- corroborate-disable-file']) {
        const n = lines.findIndex((l) => l.startsWith(c)) + 1;
        assert.ok(n > 0);
        for (const t of toks.filter((t) => t.line === n)) assert.deepEqual(corroborateScopes(t), [], `${c}: ${t.text}`);
      }
      const fenced = lines.indexOf('```text') + 2;
      for (const t of toks.filter((t) => t.line === fenced)) assert.deepEqual(corroborateScopes(t), [], `fenced: ${t.text}`);
    });

    const fmTodo = "front matter injection does not coexist with VS Code's stateful YAML grammar; not contributed (see report)";
    test('metadata keys and kind in real front matter', { todo: fmTodo }, async () => {
      const { toks, lines } = await tokenizeReal('article.md');
      for (const key of ['title', 'outlet', 'publisher', 'author', 'authors', 'date', 'published', 'url', 'kind']) {
        const t = tok(toks, lines, `${key}:`, key);
        assert.ok(hasScope(t, 'support.type.property-name.corroborate'), `${key}: ${t.scopes.join(' ')}`);
      }
      assert.ok(hasScope(tok(toks, lines, 'kind: wire', 'wire'), 'constant.language.kind.corroborate'));
      assert.deepEqual(corroborateScopes(tok(toks, lines, 'editor:', 'editor')), []);
      assert.deepEqual(corroborateScopes(tok(toks, lines, '  title: a nested', 'title')), []);
      const body = lines.indexOf('---', 1) + 1;
      for (const t of toks.filter((t) => t.line > body)) assert.deepEqual(corroborateScopes(t), [], `body: ${t.text}`);
    });
  },
);
