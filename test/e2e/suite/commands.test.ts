import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { IndexStatus } from '../../../shared/protocol';
import {
  closeQuickInput,
  contributedCommands,
  corroborate,
  CorroborateApi,
  fileUri,
  hoverAt,
  openDraft,
  positionOf,
  waitForCorpusEditor,
  waitForEvent,
  waitForFinding,
  withTimeout,
} from './helpers';

/** Runs a command with a timeout: a command that ignored its test argument would wait on a quick pick forever. */
async function run<T>(command: string, ...args: unknown[]): Promise<T> {
  try {
    return await withTimeout(vscode.commands.executeCommand<T>(command, ...args), 30_000, `${command}(${JSON.stringify(args)})`);
  } finally {
    await closeQuickInput();
  }
}

/** Runs `command` and resolves with the first 'ready' status the server sends after it started. */
async function runUntilReady(api: CorroborateApi, command: string): Promise<IndexStatus> {
  const seen: IndexStatus[] = [];
  const sub = api.onStatus((s) => seen.push(s));
  try {
    await run(command);
    return await waitForEvent(
      api.onStatus,
      () => seen.find((s) => s.state === 'ready'),
      60_000,
      `a 'ready' status after ${command}`,
      () => JSON.stringify(seen.map((s) => s.state)),
    );
  } finally {
    sub.dispose();
  }
}

const EXPECTED = [
  'corroborate.lookUpEntity',
  'corroborate.showDisputes',
  'corroborate.openSource',
  'corroborate.reindex',
  'corroborate.checkAllDrafts',
  'corroborate.showOutput',
  'corroborate.restartServer',
];

suite('commands', () => {
  let api: CorroborateApi;
  const ran = new Set<string>();
  suiteSetup(async () => {
    api = await corroborate();
  });
  setup(async () => {
    await openDraft('paris.md'); // the commands run from a draft, as a user would
  });

  test('the manifest contributes the commands and they are registered', async () => {
    const contributed = contributedCommands();
    for (const c of EXPECTED) assert.ok(contributed.includes(c), `${c} is not in contributes.commands (${contributed.join(', ')})`);
    const registered = await vscode.commands.getCommands(true);
    for (const c of contributed) assert.ok(registered.includes(c), `${c} is contributed but not registered`);
  });

  test('Look Up Entity… { query: "Abaoud", open: "passage" } opens a corpus article', async () => {
    const result = await run<{ entity?: { name: string }; opened?: string; uri?: string }>('corroborate.lookUpEntity', {
      query: 'Abaoud',
      pick: 0,
      open: 'passage',
    });
    ran.add('corroborate.lookUpEntity');
    const editor = await waitForCorpusEditor();
    assert.ok(result?.entity?.name.includes('Abaaoud'), `the misspelling found ${JSON.stringify(result?.entity)}`);
    console.log(`    opened ${path.basename(editor.document.uri.fsPath)}:${editor.selection.active.line + 1}`);
  });

  test('Look Up Entity… { open: "card" } opens the entity card', async () => {
    const result = await run<{ opened?: string; uri?: string }>('corroborate.lookUpEntity', {
      query: 'Abdelhamid Abaaoud',
      pick: 0,
      open: 'card',
    });
    assert.strictEqual(result?.opened, 'card', JSON.stringify(result));
    const doc = vscode.window.activeTextEditor?.document;
    assert.ok(doc && doc.uri.toString() === result.uri, `active editor ${doc?.uri.toString()} is not the card ${result.uri}`);
    assert.ok(doc.getText().includes('Reuters'), 'the card does not name Reuters');
  });

  test("Show Disputes… { pick: 0, side: 0 } opens a side's passage", async () => {
    await run('corroborate.showDisputes', { pick: 0, side: 0 });
    ran.add('corroborate.showDisputes');
    await waitForCorpusEditor();
  });

  test('Open Source… { pick: 0 } opens a corpus article', async () => {
    await run('corroborate.openSource', { pick: 0 });
    ran.add('corroborate.openSource');
    await waitForCorpusEditor();
  });

  test('Open Source… { pick: "The Fixture Gazette" } opens the workspace source', async () => {
    await run('corroborate.openSource', { pick: 'The Fixture Gazette' });
    const editor = await waitForCorpusEditor();
    assert.strictEqual(path.basename(editor.document.uri.fsPath), 'fixture-gazette-memorial.md');
  });

  test('Reindex Corpus leaves a ready index', async () => {
    const s = await runUntilReady(api, 'corroborate.reindex');
    ran.add('corroborate.reindex');
    assert.ok(s.sources >= 4, JSON.stringify(s));
  });

  test("Check All Drafts reports the drafts' findings", async () => {
    await run('corroborate.checkAllDrafts');
    ran.add('corroborate.checkAllDrafts');
    await waitForFinding(fileUri('brussels.md'), 'disputed-claim', 4);
  });

  test('Show Output', async () => {
    await run('corroborate.showOutput');
    ran.add('corroborate.showOutput');
  });

  test('Restart Server: the server comes back and answers hovers', async () => {
    await runUntilReady(api, 'corroborate.restartServer');
    ran.add('corroborate.restartServer');
    const editor = await openDraft('paris.md');
    const text = await hoverAt(editor.document.uri, positionOf(editor.document, 'Bataclan'));
    assert.ok(text.includes('Bataclan'), `no hover after the restart: ${JSON.stringify(text.slice(0, 200))}`);
  });

  test('every other contributed command runs without error', async () => {
    for (const c of contributedCommands().filter((x) => !ran.has(x) && !EXPECTED.includes(x))) {
      console.log(`    running ${c}`);
      await run(c);
    }
    const missed = EXPECTED.filter((c) => !ran.has(c));
    assert.deepStrictEqual(missed, [], 'commands not exercised (an earlier test failed before running them)');
  });
});
