/**
 * Safety:
 *  - nothing in a corpus folder is ever written: a read-only copy of the corpus (bundled seeds, the test
 *    fixtures, a Markdown and an HTML article) is indexed by the CLI and by the server (open, edit, every
 *    request, reindex, check-all-drafts, a file change seen by the watcher), its hashes compared before and
 *    after, and the guard's record of every fs write call shows none inside it (the server writes only under
 *    its storage folder);
 *  - no network at run time: the CLI and the server run with every socket API patched to throw and record
 *    (no attempt recorded), and the CLI also inside an empty network namespace (`unshare -n`) when the
 *    system allows it, with the same output;
 *  - quick fixes edit only the draft they were asked for, through a versioned WorkspaceEdit;
 *  - an untrusted workspace cannot point the server outside the workspace and the bundled corpus: absolute
 *    paths, `..`, a symlink to an outside folder, a glob through that symlink, nested symlinks.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, test, before, after } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { GUARD, GuardedServer, parseGuard, root, sleep, treeHashes, withTimeout } from './helpers';

const CLI = path.join(root, 'bin/corroborate.js');

function chmodTree(dir: string, file: number, folder: number) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) chmodTree(p, file, folder);
    else chmodSync(p, file);
  }
  chmodSync(dir, folder);
}

const inside = (p: string, dir: string) => {
  const rel = path.relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

describe('no write in the corpus, no network', () => {
  let tmp: string;
  let corpus: string;
  let storage: string;
  before(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'corroborate-safety-'));
    corpus = path.join(tmp, 'corpus');
    storage = path.join(tmp, 'storage');
    mkdirSync(storage);
    cpSync(path.join(root, 'corpus/seeds'), path.join(corpus, 'seeds'), { recursive: true });
    cpSync(path.join(root, 'test/fixtures/corpus'), path.join(corpus, 'fixtures'), { recursive: true, dereference: false });
    writeFileSync(
      path.join(corpus, 'harbour.md'),
      '---\ntitle: Harbour fire\noutlet: Coastal Courier\npublished: 2021-04-02\n---\n\nFirefighter Marta Quillon said the Veldhaven harbour fire destroyed three warehouses.\n',
    );
    writeFileSync(
      path.join(corpus, 'page.html'),
      '<html><head><title>Dock strike</title></head><body><article><p>Union leader Oskar Brandvik said the Veldhaven dock strike would continue.</p></article></body></html>',
    );
    chmodTree(corpus, 0o444, 0o555);
  });
  after(() => {
    chmodTree(corpus, 0o644, 0o755);
    rmSync(tmp, { recursive: true, force: true });
  });

  test(
    'the CLI indexes a read-only corpus and checks a draft: corpus unchanged, no write inside it, no socket',
    { timeout: 120000 },
    () => {
      const before = treeHashes(corpus);
      const draft = path.join(tmp, 'draft.md');
      writeFileSync(draft, 'Marta Quillon spoke. Abdelhamid Abaoud was the public face. The attacks in Brussels killed 50 people.\n');
      const args = ['--require', GUARD, CLI, 'check', '--corpus', corpus, '--format', 'json', '--fail-on', 'never', draft];
      const r = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: tmp });
      assert.equal(r.status, 0, r.stderr);
      const findings = JSON.parse(r.stdout) as { code: string }[];
      assert.ok(
        findings.some((f) => f.code === 'unknown-spelling'),
        'the check ran on the corpus',
      );
      const g = parseGuard(r.stderr);
      assert.deepEqual(
        g.filter((x) => x.kind === 'network'),
        [],
        'no socket opened',
      );
      assert.deepEqual(
        g.filter((x) => x.kind === 'write' && inside(x.path!, corpus)),
        [],
        'no write call inside the corpus',
      );
      assert.deepEqual(treeHashes(corpus), before, 'every corpus file byte-identical, same modes and mtimes');
    },
  );

  test('the CLI gives the same findings with no network at all (unshare -n), when the system allows it', { timeout: 120000 }, (t) => {
    const probe = spawnSync('unshare', ['-n', 'true']);
    if (probe.error || probe.status !== 0) {
      t.skip('unshare -n is not permitted here; the guard test above covers the network');
      return;
    }
    const draft = path.join(tmp, 'draft2.md');
    writeFileSync(draft, 'Salah Abdeslem is still on the run. The Islamic State carried out the Brussels attacks.\n');
    const args = [CLI, 'check', '--corpus', corpus, '--format', 'json', '--fail-on', 'never', draft];
    const normal = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: tmp });
    const offline = spawnSync('unshare', ['-n', process.execPath, ...args], { encoding: 'utf8', cwd: tmp });
    assert.equal(offline.status, 0, offline.stderr);
    assert.equal(offline.stdout, normal.stdout);
    assert.ok(JSON.parse(offline.stdout).length > 0);
  });

  test(
    'the server indexes it, serves every request, reindexes and watches: corpus unchanged, writes only in its storage, no socket',
    { timeout: 120000 },
    async () => {
      const before = treeHashes(corpus);
      const ws = path.join(tmp, 'ws');
      mkdirSync(ws, { recursive: true });
      const s = new GuardedServer(
        { corpus: { paths: [corpus], includeBundled: true, exclude: [] }, debounceMs: 0 },
        { workspace: ws, storage },
      );
      try {
        await s.start();
        const sources = (await s.conn.sendRequest('corroborate/sources', {})) as { uri: string }[];
        assert.ok(
          sources.some((x) => x.uri.includes('harbour.md')) && sources.some((x) => x.uri.includes('page.html')),
          'the read-only corpus is indexed',
        );
        const uri = pathToFileURL(path.join(ws, 'draft.md')).toString();
        const d = await s.open(
          uri,
          'Marta Quillon spoke. Abdelhamid Abaoud was the public face.\nThe attacks in Brussels killed 50 people.\n',
        );
        for (const m of [
          'textDocument/hover',
          'textDocument/definition',
          'textDocument/references',
          'textDocument/completion',
          'textDocument/documentSymbol',
        ]) {
          await s.conn.sendRequest(m, {
            textDocument: { uri },
            position: { line: 0, character: 2 },
            context: { includeDeclaration: true },
          });
        }
        await s.conn.sendRequest('textDocument/codeAction', {
          textDocument: { uri },
          range: { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } },
          context: { diagnostics: d.diagnostics },
        });
        await s.conn.sendRequest('workspace/symbol', { query: 'Veld' });
        await s.conn.sendRequest('corroborate/checkAllDrafts', { uris: [uri, pathToFileURL(path.join(corpus, 'harbour.md')).toString()] });
        const statuses = s.statuses.length;
        await withTimeout(s.conn.sendRequest('corroborate/reindex', {}), 60000, 'reindex');
        assert.ok(s.statuses.length > statuses);
        // a change in the corpus folder (made by the writer, not us) is picked up by the watcher; still no write from the server
        chmodSync(corpus, 0o755);
        writeFileSync(
          path.join(corpus, 'late.md'),
          '---\ntitle: Late\noutlet: Coastal Courier\n---\n\nHarbourmaster Ilse Tammaro said the fire was out.\n',
        );
        chmodSync(path.join(corpus, 'late.md'), 0o444);
        chmodSync(corpus, 0o555);
        const expected = treeHashes(corpus);
        for (
          let i = 0;
          i < 50 && !((await s.conn.sendRequest('corroborate/sources', {})) as { uri: string }[]).some((x) => x.uri.includes('late.md'));
          i++
        )
          await sleep(100);
        await sleep(300);
        const g = s.guard();
        assert.deepEqual(
          g.filter((x) => x.kind === 'network'),
          [],
          'no socket opened',
        );
        const writes = g.filter((x) => x.kind === 'write');
        assert.deepEqual(
          writes.filter((x) => inside(x.path!, corpus)),
          [],
          'no write call inside the corpus',
        );
        assert.deepEqual(
          writes.filter((x) => !inside(x.path!, storage) && !x.path!.startsWith('<fd')),
          [],
          `writes only in the storage folder: ${JSON.stringify(writes)}`,
        );
        assert.deepEqual(treeHashes(corpus), expected, 'corpus byte-identical');
        delete expected['late.md'];
        const again = treeHashes(corpus);
        delete again['late.md'];
        assert.deepEqual(Object.keys(again).sort(), Object.keys(before).sort());
      } finally {
        await s.stop();
      }
    },
  );
});

describe('quick fixes edit only the requested draft, versioned', () => {
  test(
    'every code action is one versioned edit of the draft asked about, inside it, never a file operation',
    { timeout: 60000 },
    async () => {
      const s = new GuardedServer({ debounceMs: 0 });
      try {
        await s.start();
        const a = 'file:///robust/fix-a.md';
        const b = 'file:///robust/fix-b.md';
        const textB = 'Abdelhamid Abaoud was seen. The attacks in Brussels killed 50 people.\n';
        await s.open(b, textB);
        await s.open(a, '# Notes\n\nAbdelhamid Abaoud was the public face.\n');
        // edit A so its version is no longer 1, then ask for fixes at every diagnostic
        const p = s.waitDiagnostics(a, (d) => d.version === 5);
        await s.conn.sendNotification('textDocument/didChange', {
          textDocument: { uri: a, version: 5 },
          contentChanges: [{ text: '# Notes\n\nAbdelhamid Abaoud was the public face.\n\nThe attacks in Brussels killed 50 people.\n' }],
        });
        const da = await p;
        let docA = TextDocument.create(
          a,
          'markdown',
          5,
          '# Notes\n\nAbdelhamid Abaoud was the public face.\n\nThe attacks in Brussels killed 50 people.\n',
        );
        assert.ok(da.diagnostics.length >= 2, 'spelling and claim findings');
        let actions = 0;
        for (let line = 0; line < docA.lineCount; line++) {
          const range = { start: { line, character: 0 }, end: { line, character: 3 } };
          // the diagnostics of B passed along with A's: still only A is edited
          const res = (await s.conn.sendRequest('textDocument/codeAction', {
            textDocument: { uri: a },
            range,
            context: { diagnostics: [...da.diagnostics, ...s.diagnostics.get(b)!.diagnostics] },
          })) as {
            title: string;
            edit?: {
              documentChanges?: {
                textDocument?: { uri: string; version: number };
                kind?: string;
                edits?: { range: never; newText: string }[];
              }[];
              changes?: unknown;
            };
            command?: unknown;
          }[];
          for (const act of res) {
            actions++;
            assert.ok(act.edit, `${act.title}: an edit`);
            assert.equal(act.edit!.changes, undefined, `${act.title}: no unversioned changes`);
            assert.equal(act.edit!.documentChanges!.length, 1, `${act.title}: one document`);
            const dc = act.edit!.documentChanges![0];
            assert.equal(dc.kind, undefined, `${act.title}: not a create/rename/delete`);
            assert.deepEqual(dc.textDocument, { uri: a, version: 5 }, `${act.title}: versioned edit of the requested draft`);
            const applied = TextDocument.applyEdits(docA, dc.edits!);
            assert.ok(applied.length >= docA.getText().length - 20, `${act.title}: a small edit`);
          }
        }
        assert.ok(actions >= 4, `code actions offered: ${actions}`);
        // apply the spelling fix for real and check the draft's findings follow
        const spell = da.diagnostics.find((d) => d.code === 'unknown-spelling')!;
        const res = (await s.conn.sendRequest('textDocument/codeAction', {
          textDocument: { uri: a },
          range: spell.range,
          context: { diagnostics: [spell] },
        })) as { title: string; edit: { documentChanges: { edits: { range: never; newText: string }[] }[] } }[];
        const fix = res.find((x) => x.title.startsWith('Change to'))!;
        const next = TextDocument.applyEdits(docA, fix.edit.documentChanges[0].edits);
        docA = TextDocument.create(a, 'markdown', 6, next);
        const p6 = s.waitDiagnostics(a, (d) => d.version === 6);
        await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri: a, version: 6 }, contentChanges: [{ text: next }] });
        assert.ok(!(await p6).diagnostics.some((d) => d.code === 'unknown-spelling'), 'the fix removed the spelling finding');
        // a stale request (the diagnostics of version 5 against version 6): fixes are for version 6, and land inside the text
        const stale = (await s.conn.sendRequest('textDocument/codeAction', {
          textDocument: { uri: a },
          range: spell.range,
          context: { diagnostics: da.diagnostics },
        })) as { edit: { documentChanges: { textDocument: { version: number } }[] } }[];
        for (const act of stale) assert.equal(act.edit.documentChanges[0].textDocument.version, 6);
        assert.deepEqual(
          s.guard().filter((g) => g.kind === 'write'),
          [],
          'the server itself never writes a draft',
        );
      } finally {
        await s.stop();
      }
    },
  );
});

describe('untrusted workspace', () => {
  let tmp: string;
  let ws: string;
  let outside: string;
  before(() => {
    tmp = realpathSync(mkdtempSync(path.join(tmpdir(), 'corroborate-trust-')));
    ws = path.join(tmp, 'ws');
    outside = path.join(tmp, 'private');
    mkdirSync(path.join(ws, 'sources', 'nested'), { recursive: true });
    mkdirSync(outside, { recursive: true });
    writeFileSync(
      path.join(outside, 'secret.md'),
      '---\ntitle: Private notes\noutlet: Diary\n---\n\nInformant Zoltan Quaresma met the minister twice.\n',
    );
    writeFileSync(
      path.join(ws, 'sources', 'ok.md'),
      '---\ntitle: Public\noutlet: Coastal Courier\n---\n\nFirefighter Marta Quillon said the fire was out.\n',
    );
    symlinkSync(outside, path.join(ws, 'link'));
    symlinkSync(outside, path.join(ws, 'sources', 'nested', 'escape'));
    symlinkSync(path.join(outside, 'secret.md'), path.join(ws, 'sources', 'secret-link.md'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  const attempts: [string, string][] = [
    ['an absolute path outside', '%OUTSIDE%'],
    ['a relative path up and out', '../private'],
    ['a path with .. in the middle', 'sources/../../private'],
    ['a symlink to an outside folder', 'link'],
    ['a glob through that symlink', 'link/*.md'],
    ['a glob that climbs out', '../*/secret.md'],
    ['a brace glob that climbs out', '{../private,nothing}/*.md'],
    ['a glob under a symlinked folder that does not exist yet', 'link/later/*.md'],
    ['a file behind the symlink', 'link/secret.md'],
    ['a home-relative path', '~/../../' + 'tmp'],
  ];

  for (const [what, spec] of attempts) {
    test(`untrusted: ${what} (${spec}) is not indexed; the bundled corpus and workspace corpus still are`, { timeout: 60000 }, async () => {
      const p = spec.replace('%OUTSIDE%', outside);
      const s = new GuardedServer(
        { corpus: { paths: [p, 'sources/ok.md'], includeBundled: true, exclude: [] } },
        { workspace: ws, trusted: false },
      );
      try {
        await s.start();
        const sources = (await s.conn.sendRequest('corroborate/sources', {})) as { uri: string }[];
        const files = sources.map((x) => realpathSync(fileURLToPath(x.uri)));
        assert.ok(
          files.some((f) => f.endsWith('ok.md')),
          'the workspace corpus is indexed',
        );
        assert.ok(
          files.some((f) => f.startsWith(path.join(root, 'corpus'))),
          'the bundled corpus is indexed',
        );
        const escaped = files.filter((f) => !inside(f, ws) && !inside(f, path.join(root, 'corpus')));
        assert.deepEqual(escaped, [], `files outside the workspace indexed from ${JSON.stringify(p)}`);
        const hits = (await s.conn.sendRequest('corroborate/searchEntities', { query: 'Zoltan Quaresma' })) as { name: string }[];
        assert.ok(!hits.some((h) => /Quaresma/.test(h.name)), 'nothing from the private folder is known');
      } finally {
        await s.stop();
      }
    });
  }

  test('untrusted: symlinks inside a workspace corpus folder that lead outside are not followed', { timeout: 60000 }, async () => {
    const s = new GuardedServer({ corpus: { paths: ['sources'], includeBundled: false, exclude: [] } }, { workspace: ws, trusted: false });
    try {
      await s.start();
      const sources = (await s.conn.sendRequest('corroborate/sources', {})) as { uri: string }[];
      const files = sources.map((x) => realpathSync(fileURLToPath(x.uri)));
      assert.ok(files.some((f) => f.endsWith('ok.md')));
      assert.deepEqual(
        files.filter((f) => !inside(f, ws)),
        [],
        'no file reached through a symlink out of the workspace',
      );
    } finally {
      await s.stop();
    }
  });

  test('trusted: the same settings do reach the outside folder (the restriction is the trust, not a bug)', { timeout: 60000 }, async () => {
    const s = new GuardedServer({ corpus: { paths: [outside], includeBundled: false, exclude: [] } }, { workspace: ws, trusted: true });
    try {
      await s.start();
      const sources = (await s.conn.sendRequest('corroborate/sources', {})) as { uri: string }[];
      assert.ok(sources.some((x) => x.uri.endsWith('secret.md')));
    } finally {
      await s.stop();
    }
  });
});
