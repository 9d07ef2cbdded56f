/**
 * Protocol abuse against the real server (dist/server.js --stdio, guard preloaded): requests before
 * initialize and after shutdown, unknown documents, positions past the end, reversed ranges, malformed
 * parameters, didChange out of order or for unknown documents, a storm of cancellations, special files.
 * Each request gets a well-formed answer or a JSON-RPC error, the process stays up, and a hover on a known
 * name still answers afterwards.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test, before, after } from 'node:test';
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { GuardedServer, assertRangeInside, bundledIndex, sleep, withTimeout } from './helpers';
import { checkDraft } from '../../server/src/core/check';

const TEXT =
  '# Draft\n\nAbdelhamid Abaaoud was killed in a police raid.\r\n\r\nThe attacks in Brussels killed 50 people. 😀 Salah Abdeslem fled.\n';
const HOVER_AT = { line: 2, character: 3 }; // inside "Abdelhamid Abaaoud"

/** Answers within 10 s, either a value or a ResponseError with a numeric code. */
async function answer(p: Promise<unknown>, what: string): Promise<{ value?: unknown; error?: ResponseError<unknown> }> {
  try {
    return { value: await withTimeout(p, 10000, what) };
  } catch (err) {
    if (err instanceof ResponseError) {
      assert.equal(typeof err.code, 'number', `${what}: error code`);
      return { error: err };
    }
    throw err;
  }
}

async function assertStillServing(s: GuardedServer, uri: string): Promise<void> {
  assert.equal(s.proc.exitCode, null, 'server process still running');
  const h = (await withTimeout(
    s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: HOVER_AT }),
    10000,
    'hover after abuse',
  )) as { contents: { value: string } } | null;
  assert.ok(h && /Abaaoud/.test(h.contents.value), `hover still answers: ${JSON.stringify(h)?.slice(0, 200)}`);
}

describe('before initialize', () => {
  test(
    'requests before initialize get the ServerNotInitialized error; then the server initializes normally',
    { timeout: 60000 },
    async () => {
      const s = new GuardedServer();
      try {
        for (const [method, params] of [
          ['textDocument/hover', { textDocument: { uri: 'file:///x.md' }, position: { line: 0, character: 0 } }],
          ['textDocument/completion', { textDocument: { uri: 'file:///x.md' }, position: { line: 0, character: 0 } }],
          ['workspace/symbol', { query: 'Paris' }],
          ['corroborate/sources', {}],
          ['corroborate/reindex', {}],
          ['corroborate/checkAllDrafts', { uris: [] }],
        ] as const) {
          const r = await answer(s.conn.sendRequest(method, params), `${method} before initialize`);
          assert.equal(r.error?.code, ErrorCodes.ServerNotInitialized, `${method} before initialize: ${JSON.stringify(r)}`);
        }
        // a notification before initialize: no crash
        await s.conn.sendNotification('textDocument/didOpen', {
          textDocument: { uri: 'file:///early.md', languageId: 'markdown', version: 1, text: 'Abdelhamid Abaoud' },
        });
        await s.start();
        const uri = 'file:///robust/before.md';
        await s.open(uri, TEXT);
        await assertStillServing(s, uri);
      } finally {
        await s.stop();
      }
    },
  );
});

describe('after shutdown', () => {
  test('requests after shutdown get InvalidRequest; exit ends the process with code 0', { timeout: 60000 }, async () => {
    const s = new GuardedServer();
    try {
      await s.start();
      const uri = 'file:///robust/shutdown.md';
      await s.open(uri, TEXT);
      assert.equal(await s.conn.sendRequest('shutdown'), null);
      const r = await answer(
        s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: HOVER_AT }),
        'hover after shutdown',
      );
      assert.equal(r.error?.code, ErrorCodes.InvalidRequest, `hover after shutdown: ${JSON.stringify(r)}`);
      const r2 = await answer(s.conn.sendRequest('corroborate/sources', {}), 'sources after shutdown');
      assert.equal(r2.error?.code, ErrorCodes.InvalidRequest);
      await s.conn.sendNotification('exit');
      assert.equal(await withTimeout(s.exited, 5000, 'exit'), 0);
    } finally {
      await s.stop();
    }
  });
});

describe('abuse while running', () => {
  let s: GuardedServer;
  const uri = 'file:///robust/abuse.md';
  let doc: TextDocument;
  let dir: string;
  before(async () => {
    s = new GuardedServer();
    await s.start();
    await s.open(uri, TEXT);
    doc = TextDocument.create(uri, 'markdown', 1, TEXT);
    dir = mkdtempSync(path.join(tmpdir(), 'corroborate-proto-'));
  });
  after(async () => {
    await s.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const positions = [
    { line: 0, character: 0 },
    { line: 2, character: 10_000 },
    { line: 10_000, character: 0 },
    { line: 2_147_483_647, character: 2_147_483_647 },
    { line: -1, character: -5 },
    { line: 2, character: 1.5 },
    { line: 4, character: 44 }, // between the two halves of 😀
    { line: 2, character: 49 }, // on the \r of a CRLF
  ];

  test('unknown documents: every feature answers empty', { timeout: 60000 }, async () => {
    for (const unknown of [
      'file:///robust/never-opened.md',
      'untitled:Untitled-1',
      'not a uri',
      '',
      'file:///%E0%A4%A',
      'file:///robust/abuse.md?query#frag',
    ]) {
      const td = { uri: unknown };
      const pos = { line: 0, character: 0 };
      for (const [method, params, empty] of [
        ['textDocument/hover', { textDocument: td, position: pos }, null],
        ['textDocument/definition', { textDocument: td, position: pos }, []],
        ['textDocument/references', { textDocument: td, position: pos, context: { includeDeclaration: true } }, []],
        ['textDocument/completion', { textDocument: td, position: pos }, { isIncomplete: false, items: [] }],
        ['textDocument/documentSymbol', { textDocument: td }, []],
        ['textDocument/codeAction', { textDocument: td, range: { start: pos, end: pos }, context: { diagnostics: [] } }, []],
      ] as const) {
        const r = await answer(s.conn.sendRequest(method, params), `${method} on ${unknown}`);
        assert.deepEqual(r.value, empty, `${method} on ${JSON.stringify(unknown)}`);
      }
    }
    await assertStillServing(s, uri);
  });

  test(
    'positions past the end, negative, fractional, inside a surrogate pair: answers inside the document',
    { timeout: 60000 },
    async () => {
      for (const position of positions) {
        for (const method of ['textDocument/hover', 'textDocument/definition', 'textDocument/references', 'textDocument/completion']) {
          const r = await answer(
            s.conn.sendRequest(method, { textDocument: { uri }, position, context: { includeDeclaration: true } }),
            `${method} at ${JSON.stringify(position)}`,
          );
          const v = r.value as { range?: unknown; items?: { textEdit?: { range: never } }[] } | null;
          if (r.error) {
            assert.equal(r.error.code, ErrorCodes.InvalidParams, `${method} at ${JSON.stringify(position)}: ${r.error.message}`);
            continue;
          }
          if (method === 'textDocument/hover' && v?.range)
            assertRangeInside(doc, v.range as never, `hover range at ${JSON.stringify(position)}`);
          if (method === 'textDocument/completion')
            for (const it of v?.items ?? []) if (it.textEdit) assertRangeInside(doc, it.textEdit.range, 'completion edit');
          if (method === 'textDocument/references')
            for (const l of (v as unknown as { uri: string; range: never }[]) ?? [])
              if (l.uri === uri) assertRangeInside(doc, l.range, 'reference');
        }
      }
      await assertStillServing(s, uri);
    },
  );

  test(
    'reversed, empty and out-of-range ranges in codeAction: answers, and every edit is inside the document',
    { timeout: 60000 },
    async () => {
      const diags = s.diagnostics.get(uri)!.diagnostics;
      assert.ok(diags.length > 0, 'the draft has findings');
      const ranges = [
        { start: { line: 4, character: 30 }, end: { line: 2, character: 0 } },
        { start: { line: 9999, character: 0 }, end: { line: 0, character: 0 } },
        { start: { line: 0, character: 0 }, end: { line: 9999, character: 9999 } },
        { start: { line: -3, character: -3 }, end: { line: -1, character: 0 } },
        { start: { line: 4, character: 5 }, end: { line: 4, character: 5 } },
      ];
      const badDiag = {
        ...diags[0],
        range: { start: { line: 500, character: 3 }, end: { line: 2, character: 1 } },
        data: { code: 'unknown-spelling', suggestions: ['X'.repeat(10)] },
      };
      for (const range of ranges) {
        for (const diagnostics of [diags, [badDiag], [{ range, message: 'x', source: 'corroborate', code: 'disputed-claim' }], []]) {
          const r = await answer(
            s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } }),
            `codeAction ${JSON.stringify(range)}`,
          );
          assert.ok(!r.error, r.error?.message);
          for (const a of r.value as {
            edit?: { documentChanges?: { textDocument: { uri: string; version: number }; edits: { range: never }[] }[]; changes?: unknown };
          }[]) {
            assert.equal(a.edit?.changes, undefined, 'no unversioned changes');
            for (const dc of a.edit?.documentChanges ?? []) {
              assert.equal(dc.textDocument.uri, uri);
              for (const e of dc.edits) assertRangeInside(doc, e.range, `quick fix edit for ${JSON.stringify(range)}`);
            }
          }
        }
      }
      await assertStillServing(s, uri);
    },
  );

  test('malformed parameters: answers or InvalidParams, never a crash', { timeout: 60000 }, async () => {
    const bad: [string, unknown][] = [
      ['textDocument/hover', {}],
      ['textDocument/hover', { textDocument: null, position: null }],
      ['textDocument/hover', { textDocument: { uri: 42 }, position: { line: 'a', character: {} } }],
      ['textDocument/hover', { textDocument: { uri }, position: { line: 2 } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: null, context: null }],
      [
        'textDocument/codeAction',
        { textDocument: { uri }, range: { start: {}, end: {} }, context: { diagnostics: [null, 5, { data: { suggestions: 'x' } }] } },
      ],
      ['textDocument/references', { textDocument: { uri }, position: HOVER_AT }],
      ['workspace/symbol', { query: null }],
      ['workspace/symbol', { query: 'a'.repeat(100_000) }],
      ['workspace/symbol', {}],
      ['corroborate/searchEntities', { query: { toString: 1 }, limit: 'all' }],
      ['corroborate/searchEntities', { query: '\ud800'.repeat(1000), limit: 1e12 }],
      ['corroborate/entity', { id: { a: 1 } }],
      ['corroborate/disputes', { entityId: 7 }],
      ['corroborate/disputes', { entityId: '__proto__' }],
      ['corroborate/entity', { id: '__proto__' }],
      ['corroborate/checkAllDrafts', { uris: 'file:///etc/hostname' }],
      ['corroborate/checkAllDrafts', { uris: [5, null, {}, 'file:///nonexistent.md', 'http://example.com/x.md', 'file:///%%%'] }],
    ];
    for (const [method, params] of bad) {
      const r = await answer(s.conn.sendRequest(method, params), `${method} ${JSON.stringify(params).slice(0, 80)}`);
      if (r.error)
        assert.ok(
          [ErrorCodes.InvalidParams, ErrorCodes.InternalError].includes(r.error.code as never),
          `${method}: ${r.error.code} ${r.error.message}`,
        );
    }
    // malformed notifications
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 5, text: null } });
    await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri }, contentChanges: null });
    await s.conn.sendNotification('textDocument/didClose', {});
    await s.conn.sendNotification('workspace/didChangeConfiguration', {
      settings: { corroborate: { corpus: { paths: 5, exclude: [null] }, languages: 'markdown', severity: 'off', debounceMs: -1 } },
    });
    await s.conn.sendNotification('$/setTrace', { value: 'bogus' });
    await s.conn.sendNotification('no/such/notification', { x: 1 });
    await sleep(300);
    await assertStillServing(s, uri);
  });

  test(
    'a FIFO, /dev/zero and a folder named like drafts in checkAllDrafts: skipped, never blocks the server',
    { timeout: 60000 },
    async () => {
      const uris = [pathToFileURL('/dev/zero').toString(), pathToFileURL(dir).toString()];
      const fifo = path.join(dir, 'pipe.md');
      try {
        execFileSync('mkfifo', [fifo]);
        uris.push(pathToFileURL(fifo).toString());
      } catch {
        // no mkfifo: /dev/zero is the same kind of file
      }
      const big = path.join(dir, 'big.md');
      writeFileSync(big, Buffer.alloc(40 * 1024 * 1024, 'a'));
      uris.push(pathToFileURL(big).toString());
      const ok = path.join(dir, 'ok.md');
      writeFileSync(ok, 'Abdelhamid Abaoud was here.\n');
      uris.push(pathToFileURL(ok).toString());
      const r = await answer(s.conn.sendRequest('corroborate/checkAllDrafts', { uris }), 'checkAllDrafts on special files');
      assert.ok(!r.error, r.error?.message);
      const out = r.value as { uri: string; findings: number }[];
      assert.deepEqual(
        out.map((x) => x.uri),
        [pathToFileURL(ok).toString()],
        'only the regular, reasonably sized draft is checked',
      );
      assert.ok(existsSync(ok));
      await assertStillServing(s, uri);
    },
  );

  test(
    'didChange out of order, stale, for unknown documents and with ranges past the end: the server keeps the newest text',
    { timeout: 60000 },
    async () => {
      const u = 'file:///robust/versions.md';
      await s.open(u, 'Start.\n', 'markdown', 10);
      const change = (version: number, contentChanges: unknown[]) =>
        s.conn.sendNotification('textDocument/didChange', { textDocument: { uri: u, version }, contentChanges });
      await change(12, [{ text: 'Abdelhamid Abaaoud, version twelve.\n' }]);
      await change(11, [{ text: 'stale text from version eleven\n' }]); // older than what we have
      await change(12, [{ text: 'a duplicate of version twelve\n' }]);
      await change(13, [{ range: { start: { line: 900, character: 0 }, end: { line: 950, character: 4 } }, text: 'Salah Abdeslem.\n' }]);
      await change(14, [{ range: { start: { line: 0, character: 35 }, end: { line: 0, character: 18 } }, text: '' }]); // reversed
      await s.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri: 'file:///robust/unknown.md', version: 3 },
        contentChanges: [{ text: 'x' }],
      });
      await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///robust/unknown.md' } });
      const d = await s.waitDiagnostics(u, (p) => p.version === 14);
      // the text the server must hold: versions 10, 12, 13, 14 applied in order; the stale 11 and the second 12 dropped
      let expected = TextDocument.create(u, 'markdown', 10, 'Start.\n');
      expected = TextDocument.update(expected, [{ text: 'Abdelhamid Abaaoud, version twelve.\n' }], 12);
      expected = TextDocument.update(
        expected,
        [{ range: { start: { line: 900, character: 0 }, end: { line: 950, character: 4 } }, text: 'Salah Abdeslem.\n' }],
        13,
      );
      expected = TextDocument.update(
        expected,
        [{ range: { start: { line: 0, character: 35 }, end: { line: 0, character: 18 } }, text: '' }],
        14,
      );
      const want = checkDraft(await bundledIndex(), expected.getText(), { languageId: 'markdown' });
      assert.deepEqual(
        d.diagnostics.map((x) => [x.code, x.range]),
        want.findings.map((f) => [f.code, { start: expected.positionAt(f.span.start), end: expected.positionAt(f.span.end) }]),
        `diagnostics of ${JSON.stringify(expected.getText())}`,
      );
      const syms = (await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: u } })) as {
        name: string;
        range: never;
      }[];
      assert.ok(
        syms.some((x) => /Abaaoud/.test(x.name)),
        `the newest text names Abaaoud: ${JSON.stringify(syms.map((x) => x.name))}`,
      );
      for (const x of syms) assertRangeInside(expected, x.range, 'symbol');
      assert.ok(
        syms.length === new Set(want.mentions.map((m) => m.entityId)).size,
        `symbols of the expected text: ${JSON.stringify(syms.map((x) => x.name))}`,
      );
      await assertStillServing(s, uri);
    },
  );

  test('a storm of 2,000 cancellations: every request answers (value or RequestCancelled), none lost', { timeout: 120000 }, async () => {
    const { CancellationTokenSource } = await import('vscode-languageserver-protocol/node');
    const pending: Promise<{ value?: unknown; error?: ResponseError<unknown> }>[] = [];
    let cancelled = 0;
    for (let i = 0; i < 2000; i++) {
      const cts = new CancellationTokenSource();
      const method = [
        'textDocument/hover',
        'textDocument/completion',
        'textDocument/references',
        'workspace/symbol',
        'textDocument/codeAction',
      ][i % 5];
      const params =
        method === 'workspace/symbol'
          ? { query: 'Ab' }
          : {
              textDocument: { uri },
              position: HOVER_AT,
              range: { start: HOVER_AT, end: HOVER_AT },
              context: { includeDeclaration: true, diagnostics: [] },
            };
      pending.push(answer(s.conn.sendRequest(method, params, cts.token), `${method} #${i}`));
      if (i % 3 !== 2) cts.cancel();
      // cancellations for ids that never existed or already finished
      if (i % 50 === 0) await s.conn.sendNotification('$/cancelRequest', { id: 1e9 + i });
    }
    const results = await Promise.all(pending);
    for (const r of results) {
      if (r.error) {
        assert.equal(r.error.code, LSPErrorCodes.RequestCancelled, r.error.message);
        cancelled++;
      }
    }
    console.log(`# robustness: cancellation storm: 2000 requests, ${cancelled} answered RequestCancelled, ${2000 - cancelled} answered`);
    assert.ok(cancelled > 0, 'some requests were cancelled before they ran');
    await assertStillServing(s, uri);
  });

  test('the server wrote nothing and opened no socket during the abuse', () => {
    const g = s.guard();
    assert.deepEqual(
      g.filter((r) => r.kind === 'network'),
      [],
    );
    assert.deepEqual(
      g.filter((r) => r.kind === 'write'),
      [],
    );
  });
});
