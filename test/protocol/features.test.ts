/** The real server over stdio: capabilities and every feature on a draft, plus the custom requests. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { TestClient, root } from './lspClient';

let client: TestClient;
let uri: string;
const file = path.join(root, 'test/acceptance/cases/drafts/paris.md');
const text = readFileSync(file, 'utf8');
const pos = (line: number, needle: string) => ({ line: line - 1, character: text.split('\n')[line - 1].indexOf(needle) + 1 });

before(async () => {
  client = new TestClient();
  await client.start();
  uri = (await client.openFile(file, text, 'markdown')).uri;
});
after(() => client.stop());

test('definition points into the corpus articles, one passage per source', async () => {
  const locs = (await client.conn.sendRequest('textDocument/definition', { textDocument: { uri }, position: pos(5, 'Abaaoud') })) as {
    uri: string;
  }[];
  assert.ok(locs.length >= 2);
  assert.ok(locs.every((l) => l.uri.includes('/corpus/seeds/')));
  assert.equal(new Set(locs.map((l) => l.uri)).size, locs.length);
});

test('references list corpus mentions', async () => {
  const locs = (await client.conn.sendRequest('textDocument/references', {
    textDocument: { uri },
    position: pos(13, 'Mostefai'),
    context: { includeDeclaration: true },
  })) as { uri: string }[];
  assert.ok(locs.length >= 3, `got ${locs.length}`);
});

test('completion offers entity names for a capitalised prefix', async () => {
  const edited = `${text}\nMostef`;
  await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
  const lines = edited.split('\n');
  const list = (await client.conn.sendRequest('textDocument/completion', {
    textDocument: { uri },
    position: { line: lines.length - 1, character: 6 },
  })) as { items: { label: string; detail: string }[] };
  assert.ok(
    list.items.some((i) => i.label === 'Ismail Omar Mostefai' || i.label === 'Mostefai'),
    JSON.stringify(list.items.map((i) => i.label)),
  );
  await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
});

test('document symbols are the entities named in the draft; workspace symbols search the corpus', async () => {
  const syms = (await client.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as { name: string }[];
  assert.ok(syms.some((s) => s.name === 'Abdelhamid Abaaoud'));
  const ws = (await client.conn.sendRequest('workspace/symbol', { query: 'Bataclan' })) as { name: string }[];
  assert.equal(ws[0]?.name, 'Bataclan');
});

test('code actions: attribution and citation on a sentence, suppression on a finding', async () => {
  const diags = (await client.nextDiagnosticsOrCurrent(uri)).diagnostics;
  const d = diags.find((x) => x.code === 'disputed-claim')!;
  assert.ok(d, 'a disputed-claim to act on');
  // what a diagnostic carries for its actions, and no more (it is sent again with each re-check)
  for (const x of diags)
    assert.deepEqual(
      Object.keys(x.data as object).filter((k) => !['code', 'suggestions', 'entityId'].includes(k)),
      [],
    );
  const actions = (await client.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: d.range,
    context: { diagnostics: [d] },
  })) as { title: string; edit?: { documentChanges: { textDocument: { uri: string; version: number } }[] } }[];
  const titles = actions.map((a) => a.title);
  assert.ok(
    titles.some((t) => t.startsWith('Ignore disputed-claim here')),
    JSON.stringify(titles),
  );
  assert.ok(titles.some((t) => t.startsWith('Ignore disputed-claim in this file')));
  for (const a of actions) for (const c of a.edit?.documentChanges ?? []) assert.equal(c.textDocument.uri, uri, 'edits only this draft');
  const line5 = { start: pos(5, 'Abdelhamid'), end: pos(5, 'Abdelhamid') };
  const more = (await client.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: line5,
    context: { diagnostics: [] },
  })) as { title: string }[];
  assert.ok(
    more.some((a) => a.title.startsWith('Insert citation')),
    JSON.stringify(more.map((a) => a.title)),
  );
  const cite = (more as { title: string; edit?: { documentChanges: { edits: { newText: string }[] }[] } }[]).find((a) =>
    a.title.startsWith('Insert citation'),
  )!;
  const footnote = cite.edit!.documentChanges[0].edits.map((e) => e.newText).join('');
  assert.match(footnote, /\[\^1\]: (Reuters|World Socialist Web Site), “/, 'the footnote names the outlet and the title');
  assert.ok(!footnote.includes('file:'), 'no path on this machine in a citation');
  assert.ok(more.some((a) => a.title.startsWith('Attribute to')));
});

test('custom requests: search, entity card, disputes, sources', async () => {
  const hits = (await client.conn.sendRequest('corroborate/searchEntities', { query: 'Abaoud' })) as { id: string; name: string }[];
  assert.equal(hits[0].name, 'Abdelhamid Abaaoud');
  const card = (await client.conn.sendRequest('corroborate/entity', { id: hits[0].id })) as {
    markdown: string;
    passages: unknown[];
    sources: unknown[];
  };
  assert.match(card.markdown, /Reuters/);
  assert.ok(card.passages.length >= 2);
  const disputes = (await client.conn.sendRequest('corroborate/disputes', {})) as { kind: string; sides: unknown[] }[];
  assert.ok(disputes.some((d) => d.kind === 'responsibility'));
  const sources = (await client.conn.sendRequest('corroborate/sources', {})) as { outlet: string }[];
  assert.deepEqual(sources.map((s) => s.outlet).sort(), ['Global Research', 'Reuters', 'World Socialist Web Site']);
});

test('a suppression directive removes the finding on the next line', async () => {
  const lines = text.split('\n');
  lines.splice(10, 0, '<!-- corroborate-disable-next-line disputed-claim -->');
  const edited = lines.join('\n');
  const p = client.nextDiagnostics(uri);
  await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 10 }, contentChanges: [{ text: edited }] });
  const diags = (await p).diagnostics;
  assert.ok(!diags.some((d) => d.code === 'disputed-claim' && d.range.start.line === 11), 'suppressed');
  assert.ok(
    diags.some((d) => d.code === 'disputed-claim' && d.range.start.line === 6),
    'the other finding stays',
  );
});

test("after two idle seconds the server makes the hover cards of the draft's entities ahead of a hover", async () => {
  const made = () => client.logs.find((l) => /^hover cards made ahead: \d+ in \d+ ms$/.test(l));
  for (let waited = 0; !made() && waited < 10000; waited += 250) await new Promise((r) => setTimeout(r, 250));
  assert.ok(made(), client.logs.slice(-5).join('\n'));
  const h = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: pos(5, 'Abaaoud') })) as {
    contents: { value: string };
  };
  assert.match(h.contents.value, /Abdelhamid Abaaoud/);
});
