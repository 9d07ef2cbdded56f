/**
 * Load on the real server: 50 clients' worth of concurrent requests (hover, completion, definition,
 * references, document symbols, code actions, workspace symbols) while the draft is edited 1,000 times with
 * incremental changes. Every request is answered (a value or RequestCancelled), the final diagnostics are
 * exactly those checkDraft gives for the final text, and the server's heap after a full GC returns to its
 * baseline (no leak across two rounds). p50/p99 latencies and memory are printed, not asserted beyond
 * generous sanity bounds.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkDraft } from '../../server/src/core/check';
import { GuardedServer, bundledIndex, percentile, root, sleep, withTimeout } from './helpers';

const CLIENTS = 50;
const EDITS = 1000;
const REQUESTS_PER_CLIENT = 40;

/** A deterministic PRNG, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INSERTS = [
  ' Abdelhamid Abaaoud',
  ' Abaoud',
  ' Salah Abdeslem',
  ' the Brussels attacks',
  ' killed 50 people.',
  '\n\n',
  ' ISIS',
  ' 😀',
  ' e\u0301',
  '. ',
  ' It is unclear whether',
  'x',
  ' Zaventem Airport',
  '\r\n',
];

async function round(s: GuardedServer, uri: string, start: string, seed: number) {
  const rand = rng(seed);
  let doc = TextDocument.create(uri, 'markdown', 1, start);
  let version = 1;
  s.diagnostics.delete(uri);
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text: start } });
  await s.waitDiagnostics(uri, (p) => p.version === 1);

  const latencies: number[] = [];
  let answered = 0;
  let cancelled = 0;
  let editing = true;
  const methods = [
    'textDocument/hover',
    'textDocument/completion',
    'textDocument/definition',
    'textDocument/references',
    'textDocument/documentSymbol',
    'textDocument/codeAction',
    'workspace/symbol',
  ];

  const editor = (async () => {
    for (let i = 0; i < EDITS; i++) {
      const text = doc.getText();
      const a = Math.floor(rand() * (text.length + 1));
      const del = rand() < 0.3 ? Math.floor(rand() * 12) : 0;
      const b = Math.min(text.length, a + del);
      const insert = rand() < 0.8 ? INSERTS[Math.floor(rand() * INSERTS.length)] : '';
      const range = { start: doc.positionAt(a), end: doc.positionAt(b) };
      version++;
      doc = TextDocument.update(doc, [{ range, text: insert }], version);
      await s.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range, text: insert }],
      });
      if (i % 10 === 0) await sleep(1); // a fast typist, interleaved with the clients' requests
    }
    editing = false;
  })();

  const client = async (c: number) => {
    const r = rng(seed * 1000 + c);
    for (let i = 0; i < REQUESTS_PER_CLIENT || editing; i++) {
      if (i > REQUESTS_PER_CLIENT * 4) break;
      const method = methods[Math.floor(r() * methods.length)];
      const text = doc.getText();
      const pos = doc.positionAt(Math.floor(r() * (text.length + 1)));
      const params =
        method === 'workspace/symbol'
          ? { query: ['Ab', 'Bru', 'Paris', 'Sal'][i % 4] }
          : {
              textDocument: { uri },
              position: pos,
              range: { start: pos, end: pos },
              context: { includeDeclaration: true, diagnostics: s.diagnostics.get(uri)?.diagnostics ?? [] },
            };
      const t0 = performance.now();
      try {
        await withTimeout(s.conn.sendRequest(method, params), 30000, `${method} from client ${c}`);
        answered++;
      } catch (err) {
        if (!(err instanceof ResponseError) || err.code !== LSPErrorCodes.RequestCancelled) throw err;
        cancelled++;
      }
      latencies.push(performance.now() - t0);
    }
  };
  const t0 = performance.now();
  await Promise.all([editor, ...Array.from({ length: CLIENTS }, (_, c) => client(c))]);
  const wall = performance.now() - t0;

  // the server settles on the final text: its diagnostics are checkDraft's on that text
  const finalDiags = await s.waitDiagnostics(uri, (p) => p.version === version, 30000);
  const want = checkDraft(await bundledIndex(), doc.getText(), { languageId: 'markdown' });
  assert.deepEqual(
    finalDiags.diagnostics.map((d) => ({ code: d.code, range: d.range, message: d.message })),
    want.findings.map((f) => ({
      code: f.code,
      range: { start: doc.positionAt(f.span.start), end: doc.positionAt(f.span.end) },
      message: f.message,
    })),
    'final diagnostics match checkDraft on the final text',
  );
  const syms = (await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as { children: unknown[] }[];
  assert.equal(
    syms.reduce((n, x) => n + x.children.length, 0),
    want.mentions.filter((m) => !!m.entityId).length,
    'the server holds the final text: one symbol child per mention',
  );
  await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return { latencies, answered, cancelled, wall, finalLength: doc.getText().length, findings: want.findings.length, version };
}

test(`load: ${CLIENTS} clients' concurrent requests while a draft is edited ${EDITS} times`, { timeout: 240_000 }, async () => {
  const s = new GuardedServer();
  try {
    await s.start();
    const start = readFileSync(path.join(root, 'test/acceptance/cases/drafts/paris.md'), 'utf8');
    // warm-up: the same work once, small, so lazily built caches count in the baseline
    const warm = 'file:///robust/warm.md';
    await s.open(warm, start);
    for (const m of ['textDocument/hover', 'textDocument/completion', 'textDocument/documentSymbol'])
      await s.conn.sendRequest(m, { textDocument: { uri: warm }, position: { line: 2, character: 3 } });
    await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri: warm } });
    await sleep(300);
    const before = await s.memory();

    const r1 = await round(s, 'file:///robust/load-1.md', start, 1);
    await sleep(500);
    const after1 = await s.memory();
    const r2 = await round(s, 'file:///robust/load-2.md', start, 2);
    await sleep(500);
    const after2 = await s.memory();

    const lat = [...r1.latencies, ...r2.latencies];
    const total = r1.answered + r1.cancelled + r2.answered + r2.cancelled;
    const fig = {
      clients: CLIENTS,
      editsPerRound: EDITS,
      rounds: 2,
      requests: total,
      answered: r1.answered + r2.answered,
      cancelled: r1.cancelled + r2.cancelled,
      p50ms: +percentile(lat, 50).toFixed(1),
      p99ms: +percentile(lat, 99).toFixed(1),
      maxMs: +Math.max(...lat).toFixed(1),
      wallMs: [Math.round(r1.wall), Math.round(r2.wall)],
      finalDraftChars: [r1.finalLength, r2.finalLength],
      finalFindings: [r1.findings, r2.findings],
      heapMB: { before: mb(before.heapUsed), afterRound1: mb(after1.heapUsed), afterRound2: mb(after2.heapUsed) },
      rssMB: { before: mb(before.rss), afterRound1: mb(after1.rss), afterRound2: mb(after2.rss) },
    };
    console.log(`# robustness: load ${JSON.stringify(fig)}`);
    if (process.env.CORROBORATE_FIGURES) {
      mkdirSync(path.dirname(process.env.CORROBORATE_FIGURES), { recursive: true });
      writeFileSync(process.env.CORROBORATE_FIGURES, JSON.stringify(fig, null, 2));
    }
    assert.equal(lat.length, total, 'every request got an answer');
    assert.ok(total >= CLIENTS * REQUESTS_PER_CLIENT * 2, `requests sent: ${total}`);
    // sanity bounds only: a request waiting more than 10 s means the server stalled
    assert.ok(percentile(lat, 99) < 10_000, `p99 ${percentile(lat, 99)} ms`);
    // no leak: the heap after GC comes back near its baseline, and the second round does not add to the first
    assert.ok(after2.heapUsed < before.heapUsed * 1.5 + 16 * 2 ** 20, `heap ${mb(before.heapUsed)} MB → ${mb(after2.heapUsed)} MB`);
    assert.ok(
      after2.heapUsed < after1.heapUsed * 1.2 + 8 * 2 ** 20,
      `heap grows round over round: ${mb(after1.heapUsed)} → ${mb(after2.heapUsed)} MB`,
    );
    assert.deepEqual(
      s.guard().filter((g) => g.kind === 'network' || g.kind === 'write'),
      [],
    );
  } finally {
    await s.stop();
  }
});

const mb = (b: number) => +(b / 2 ** 20).toFixed(1);
