/**
 * The acceptance cases (copied from the product's shared acceptance folder into test/acceptance/cases):
 * each draft must produce its findings and entities on the bundled corpus, through the CLI (--format json)
 * and through the language server over stdio.
 */
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { TestClient, root } from '../protocol/lspClient';

interface Case {
  draft: string;
  entities: { line: number; text: string; type?: string; sameAs?: string; optional?: boolean }[];
  findings: { line: number; code: string; sides?: string[]; text?: string; suggest?: string }[];
  clean: { line: number; codes: string[] }[];
}
interface Finding {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  code: string;
  outlets: string[];
  suggestions: string[];
}

const casesDir = path.join(root, 'test/acceptance/cases');
const cases = readdirSync(path.join(casesDir, 'expected')).map(
  (f) => JSON.parse(readFileSync(path.join(casesDir, 'expected', f), 'utf8')) as Case,
);

function checkFindings(c: Case, findings: Finding[], draftText: string): void {
  const lines = draftText.split('\n');
  for (const exp of c.findings) {
    const hits = findings.filter((f) => f.code === exp.code && f.range.start.line + 1 === exp.line);
    assert.ok(
      hits.length > 0,
      `${c.draft}:${exp.line}: expected ${exp.code}, got ${JSON.stringify(findings.filter((f) => f.range.start.line + 1 === exp.line).map((f) => f.code))}`,
    );
    for (const side of exp.sides ?? [])
      assert.ok(
        hits.some((h) => h.outlets.includes(side)),
        `${c.draft}:${exp.line}: ${exp.code} should cite ${side}; cites ${JSON.stringify(hits.map((h) => h.outlets))}`,
      );
    if (exp.text) {
      const line = lines[exp.line - 1];
      assert.ok(
        hits.some((h) => line.slice(h.range.start.character, h.range.end.character) === exp.text),
        `${c.draft}:${exp.line}: range should cover "${exp.text}"`,
      );
    }
    if (exp.suggest)
      assert.ok(
        hits.some((h) => h.suggestions.some((s) => s.includes(exp.suggest!))),
        `${c.draft}:${exp.line}: should suggest ${exp.suggest}`,
      );
  }
  for (const cl of c.clean) {
    const bad = findings.filter((f) => f.range.start.line + 1 === cl.line && cl.codes.includes(f.code));
    assert.equal(
      bad.length,
      0,
      `${c.draft}:${cl.line}: must be clean of ${cl.codes.join(', ')}, got ${JSON.stringify(bad.map((b) => b.code))}`,
    );
  }
}

describe('acceptance through the CLI', () => {
  for (const c of cases) {
    test(c.draft, () => {
      const file = path.join(casesDir, c.draft);
      let out: string;
      try {
        out = execFileSync(process.execPath, [path.join(root, 'bin/corroborate.js'), 'check', '--format', 'json', file], {
          encoding: 'utf8',
        });
      } catch (err) {
        const e = err as { status: number; stdout: string };
        assert.ok(e.status === 1, `exit status ${e.status}`);
        out = e.stdout;
      }
      const json = JSON.parse(out) as { range: Finding['range']; code: string; related: { outlet?: string }[]; suggestions: string[] }[];
      const findings = json.map((f) => ({
        range: f.range,
        code: f.code,
        outlets: f.related.map((r) => r.outlet ?? ''),
        suggestions: f.suggestions,
      }));
      checkFindings(c, findings, readFileSync(file, 'utf8'));
      // entities
      const ents = JSON.parse(
        execFileSync(process.execPath, [path.join(root, 'bin/corroborate.js'), 'entities', '--format', 'json', file], { encoding: 'utf8' }),
      ) as {
        range: Finding['range'];
        text: string;
        entity: { id: string; name: string; type: string; aliases: string[] };
      }[];
      const lines = readFileSync(file, 'utf8').split('\n');
      const at = (line: number, text: string) => {
        const col = lines[line - 1].indexOf(text);
        return ents.filter(
          (e) => e.range.start.line === line - 1 && e.range.start.character <= col + text.length - 1 && e.range.end.character >= col + 1,
        );
      };
      for (const e of c.entities) {
        const hits = at(e.line, e.text);
        if (e.optional && !hits.length) continue;
        assert.ok(hits.length, `${c.draft}:${e.line}: "${e.text}" should be recognised`);
        if (e.type)
          assert.ok(
            hits.some((h) => h.entity.type === e.type),
            `${c.draft}:${e.line}: "${e.text}" should be a ${e.type}, got ${hits.map((h) => h.entity.type)}`,
          );
        if (e.sameAs) {
          const names = new Set(hits.flatMap((h) => [h.entity.name, ...h.entity.aliases]));
          assert.ok(names.has(e.sameAs), `${c.draft}:${e.line}: "${e.text}" should be the same entity as ${e.sameAs}; names ${[...names]}`);
        }
      }
    });
  }
});

describe('acceptance through the language server (stdio)', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.start();
  });
  after(() => client.stop());
  for (const c of cases) {
    test(c.draft, async () => {
      const file = path.join(casesDir, c.draft);
      const text = readFileSync(file, 'utf8');
      const { uri, diagnostics } = await client.openFile(file, text, file.endsWith('.md') ? 'markdown' : 'plaintext');
      const findings: Finding[] = [];
      for (const d of diagnostics.diagnostics) {
        const outlets: string[] = [];
        for (const r of d.relatedInformation ?? []) outlets.push(r.message.split(' — ')[0]);
        findings.push({
          range: d.range,
          code: String(d.code),
          outlets,
          suggestions: (d.data as { suggestions?: string[] })?.suggestions ?? [],
        });
        assert.equal(d.source, 'corroborate');
        assert.ok(d.codeDescription?.href.includes(String(d.code)));
      }
      checkFindings(c, findings, text);
      const lines = text.split('\n');
      for (const e of c.entities) {
        const col = lines[e.line - 1].indexOf(e.text);
        const h = (await client.conn.sendRequest('textDocument/hover', {
          textDocument: { uri },
          position: { line: e.line - 1, character: col + 1 },
        })) as { contents: { value: string } } | null;
        if (e.optional && !h) continue;
        assert.ok(h, `${c.draft}:${e.line}: hover on "${e.text}"`);
        if (e.type) assert.match(h.contents.value, new RegExp(`· ${e.type}`), `${c.draft}:${e.line}: card type`);
        if (e.sameAs) assert.ok(h.contents.value.includes(e.sameAs), `${c.draft}:${e.line}: card for "${e.text}" should name ${e.sameAs}`);
      }
    });
  }
});
