/**
 * Faults: the server process killed (SIGKILL) in the middle of indexing a corpus of a few hundred articles is
 * restarted the way the VS Code client does it (RestartPolicy from client/src/restarts.ts decides; a fresh
 * process with the same initialize), reaches ready, and answers hover and diagnostics again; the draft is
 * re-sent by the client on restart, so nothing typed is lost. The corpus is unchanged by the crash.
 * Also: files deleted and rewritten while the server indexes do not stop it.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { RestartPolicy } from '../../client/src/restarts';
import { GuardedServer, root, sleep, treeHashes, withTimeout } from './helpers';

const N = 300;

/** A corpus of N articles: the bundled seeds, copied with their metadata under distinct names. */
function bigCorpus(dir: string): void {
  const seeds = path.join(root, 'corpus/seeds');
  const txt = readdirSync(seeds).filter((f) => f.endsWith('.txt'));
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < N; i++) {
    const f = txt[i % txt.length];
    const base = `${String(i).padStart(4, '0')}_${f.replace(/\.txt$/, '')}`;
    writeFileSync(
      path.join(dir, `${base}.txt`),
      readFileSync(path.join(seeds, f), 'utf8') + `\n\nCopy ${i}: reporter Quentin Varga${i % 10} wrote this.\n`,
    );
    cpSync(path.join(seeds, f.replace(/\.txt$/, '.meta.json')), path.join(dir, `${base}.meta.json`));
  }
}

const DRAFT = '# Draft\n\nAbdelhamid Abaoud was the public face.\n\nThe attacks in Brussels killed 50 people.\n';

test(
  'killed mid-indexing, restarted by the client policy: ready again, answers, nothing lost or changed',
  { timeout: 180_000 },
  async () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'corroborate-faults-'));
    try {
      const corpus = path.join(tmp, 'corpus');
      const ws = path.join(tmp, 'ws');
      mkdirSync(ws);
      bigCorpus(corpus);
      const before = treeHashes(corpus);
      const settings = { corpus: { paths: [corpus], includeBundled: true, exclude: [] }, debounceMs: 0 };
      const uri = pathToFileURL(path.join(ws, 'draft.md')).toString();
      const policy = new RestartPolicy();

      // 1. start, open the draft, and kill the process while it reports indexing progress
      const first = new GuardedServer(settings, { workspace: ws });
      await first.initialize();
      await first.conn.sendNotification('initialized', {});
      await first.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: DRAFT } });
      const t0 = Date.now();
      while (!first.statuses.some((s) => s.state === 'indexing' && (s.total ?? 0) > 0) && Date.now() - t0 < 30000) await sleep(5);
      const midway = first.statuses.filter((s) => s.state === 'indexing').pop();
      const wasReady = first.statuses.some((s) => s.state === 'ready' && s.sources >= N);
      first.proc.kill('SIGKILL');
      const code = await withTimeout(first.exited, 5000, 'killed process exits');
      first.conn.dispose();
      assert.equal(code, null, 'killed by a signal');
      assert.ok(midway, 'the server was indexing when killed');
      assert.ok(!wasReady, 'killed before indexing finished');

      // 2. the client's policy restarts it; the client re-sends the open drafts with their latest text
      const edited = DRAFT + '\nSalah Abdeslem is still on the run.\n';
      const decision = policy.crashed(Date.now());
      assert.equal(decision.restart, true, 'the first crash is restarted');
      const second = new GuardedServer(settings, { workspace: ws });
      try {
        await second.start(120_000);
        const ready = second.statuses.find((s) => s.state === 'ready')!;
        assert.ok(ready.sources >= N, `all ${N} articles indexed after the restart (${ready.sources})`);
        const d = await second.open(uri, edited, 'markdown', 2);
        assert.ok(
          d.diagnostics.some((x) => x.code === 'unknown-spelling'),
          'diagnostics again',
        );
        assert.ok(
          d.diagnostics.some((x) => x.range.start.line === 6),
          'the edit made before the crash is there (re-sent by the client)',
        );
        const h = (await second.conn.sendRequest('textDocument/hover', {
          textDocument: { uri },
          position: { line: 4, character: 18 },
        })) as { contents: { value: string } } | null;
        assert.ok(h && /Brussels/.test(h.contents.value), 'hover answers');
        assert.deepEqual(treeHashes(corpus), before, 'the crash changed nothing in the corpus');
        assert.deepEqual(
          second.guard().filter((g) => g.kind === 'network'),
          [],
        );
      } finally {
        await second.stop();
      }

      // 3. the policy gives up after repeated crashes and says so, as the client does
      const p = new RestartPolicy();
      const decisions = [0, 1, 2, 3, 4].map((i) => p.crashed(1000 * i).restart);
      assert.deepEqual(decisions, [true, true, true, true, false]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  },
);

test(
  'files deleted and rewritten while the server indexes: it finishes, skips what vanished, indexes the new text',
  { timeout: 180_000 },
  async () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'corroborate-churn-'));
    try {
      const corpus = path.join(tmp, 'corpus');
      bigCorpus(corpus);
      const s = new GuardedServer({ corpus: { paths: [corpus], includeBundled: false, exclude: [] }, debounceMs: 0 }, { workspace: tmp });
      try {
        await s.initialize();
        await s.conn.sendNotification('initialized', {});
        const t0 = Date.now();
        while (!s.statuses.some((x) => x.state === 'indexing' && (x.total ?? 0) > 0) && Date.now() - t0 < 30000) await sleep(5);
        const files = readdirSync(corpus)
          .filter((f) => f.endsWith('.txt'))
          .sort();
        for (const f of files.slice(-40, -20)) unlinkSync(path.join(corpus, f));
        for (const f of files.slice(-20))
          writeFileSync(path.join(corpus, f), `Rewritten while indexing: harbourmaster Ilse Tammaro${f.slice(0, 4)} said so.\n`);
        await withTimeout(s.ready, 120_000, 'ready');
        // the watcher catches up with the churn
        let sources: { uri: string }[] = [];
        for (let i = 0; i < 100; i++) {
          sources = (await s.conn.sendRequest('corroborate/sources', {})) as { uri: string }[];
          if (sources.length === N - 20) break;
          await sleep(100);
        }
        assert.equal(sources.length, N - 20, 'deleted files are dropped');
        const hits = (await s.conn.sendRequest('corroborate/searchEntities', { query: 'Ilse Tammaro' })) as { name: string }[];
        assert.ok(
          hits.some((h) => /Tammaro/.test(h.name)),
          'rewritten files are indexed with their new text',
        );
        assert.equal(s.proc.exitCode, null);
      } finally {
        await s.stop();
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  },
);
