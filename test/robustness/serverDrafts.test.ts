/**
 * Generated hostile drafts through the real server: each is opened (or replaces the previous text), and
 *  - the published diagnostics are exactly checkDraft's findings on that text, at the same UTF-16 ranges;
 *  - every diagnostic range lies inside the document and covers the characters the finding is about;
 *  - hover and completion at random positions (some past the end) answer within 1 s, with ranges inside;
 *  - the server neither writes a file nor opens a socket.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkDraft } from '../../server/src/core/check';
import { draftArbitrary } from './generators';
import { GuardedServer, assertRangeInside, bundledIndex, percentile, SLOW } from './helpers';

const RUNS = Number(process.env.CORROBORATE_SERVER_RUNS) || 300;

test(
  `${RUNS} generated drafts through the server: diagnostics equal checkDraft's, ranges inside, requests under 1 s`,
  { timeout: 240_000 },
  async () => {
    const index = await bundledIndex();
    const names = [...new Set([...index.table.entities.values()].flatMap((e) => [e.name, ...e.aliases]))].filter((n) => n.length > 1);
    const s = new GuardedServer({ debounceMs: 0 });
    await s.start();
    const latencies: number[] = [];
    let n = 0;
    let diagnosticsSeen = 0;
    try {
      await fc.assert(
        fc.asyncProperty(draftArbitrary(names), fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), async ({ text, languageId }, picks) => {
          n++;
          const uri = `file:///robust/gen-${n % 7}.${languageId === 'markdown' ? 'md' : 'txt'}`;
          // alternately a fresh open and a full replacement of an open draft
          let version: number;
          if (n % 2 === 1 || !s.diagnostics.has(uri)) {
            await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
            version = 1;
            await s.open(uri, text, languageId, version);
          } else {
            version = (s.diagnostics.get(uri)!.version ?? 1) + 1;
            const p = s.waitDiagnostics(uri, (d) => d.version === version);
            await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
            await p;
          }
          const doc = TextDocument.create(uri, languageId, version, text);
          const got = s.diagnostics.get(uri)!;
          const want = checkDraft(index, text, { languageId });
          diagnosticsSeen += got.diagnostics.length;
          assert.deepEqual(
            got.diagnostics.map((d) => [d.code, d.range]),
            want.findings.map((f) => [f.code, { start: doc.positionAt(f.span.start), end: doc.positionAt(f.span.end) }]),
          );
          for (const d of got.diagnostics) {
            assertRangeInside(doc, d.range, `diagnostic ${d.code}`);
            if (d.code === 'unknown-spelling')
              assert.ok(String(d.message).includes(`“${doc.getText(d.range)}”`), `${d.message} covers ${doc.getText(d.range)}`);
          }
          for (const [k, pick] of picks.entries()) {
            const offset = k === 2 ? text.length + 5 : pick % (text.length + 1);
            const position = k === 2 ? { line: doc.lineCount + 3, character: 7 } : doc.positionAt(offset);
            for (const method of ['textDocument/hover', 'textDocument/completion']) {
              const t0 = performance.now();
              const r = (await s.conn.sendRequest(method, { textDocument: { uri }, position })) as {
                range?: never;
                items?: { textEdit?: { range: never } }[];
              } | null;
              const ms = performance.now() - t0;
              latencies.push(ms);
              assert.ok(ms < 1000 * SLOW, `${method} took ${ms.toFixed(0)} ms`);
              if (r?.range) assertRangeInside(doc, r.range, 'hover range');
              for (const it of r?.items ?? []) if (it.textEdit) assertRangeInside(doc, it.textEdit.range, 'completion edit');
            }
          }
        }),
        { numRuns: RUNS, seed: Number(process.env.CORROBORATE_SEED) || undefined, endOnFailure: true },
      );
      console.log(
        `# robustness: ${n} generated drafts through the server, 0 failures, ${diagnosticsSeen} diagnostics compared, ${latencies.length} hover/completion requests, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`,
      );
      assert.ok(diagnosticsSeen > RUNS / 10, 'the drafts raise findings');
      assert.deepEqual(
        s.guard().filter((g) => g.kind === 'network' || g.kind === 'write'),
        [],
      );
    } finally {
      await s.stop();
    }
  },
);
