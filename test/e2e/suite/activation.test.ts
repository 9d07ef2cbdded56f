import * as assert from 'assert';
import * as vscode from 'vscode';
import { corroborate, extension, fileUri, hoverAt, openDraft, pollUntil, positionOf } from './helpers';

suite('activation', () => {
  test('runs in a real VS Code extension host', () => {
    console.log(
      `VS Code ${vscode.version}, appName=${vscode.env.appName}, appHost=${vscode.env.appHost}, remoteName=${vscode.env.remoteName}`,
    );
    assert.ok(vscode.workspace.workspaceFolders?.length === 1, 'the fixture workspace is open');
  });

  test('opening a plain-text draft activates the extension', async () => {
    const ext = extension();
    const events = (ext.packageJSON as { activationEvents?: string[] }).activationEvents ?? [];
    assert.ok(events.includes('onLanguage:plaintext'), `activationEvents: ${JSON.stringify(events)}`);
    // Not asserted: in VS Code 1.100 the workbench creates plaintext models of its own (before any editor is
    // open), so onLanguage:plaintext can fire before the first draft is opened.
    console.log(`    (extension already active before opening a draft: ${ext.isActive})`);
    const editor = await openDraft('spelling.txt');
    assert.strictEqual(editor.document.languageId, 'plaintext');
    // VS Code has no activation event for extensions: poll isActive (without calling activate() ourselves).
    await pollUntil(() => ext.isActive, 30_000, 'activation after opening spelling.txt');
  });

  test('API.ready resolves and the index covers the bundled and workspace corpus', async () => {
    const api = await corroborate();
    assert.strictEqual(typeof api.status, 'function');
    assert.strictEqual(typeof api.onStatus, 'function');
    const status = api.status();
    assert.ok(status, 'status() is undefined after ready');
    assert.strictEqual(status.state, 'ready', JSON.stringify(status));
    // three bundled articles + sources/fixture-gazette-memorial.md
    assert.ok(status.sources >= 4, `expected >= 4 sources, got ${JSON.stringify(status)}`);
    assert.ok(status.entities > 0, `no entities: ${JSON.stringify(status)}`);
    assert.deepStrictEqual(status.problems, [], 'no corpus file should be skipped');
  });

  test('a Markdown draft is served too (onLanguage:markdown)', async () => {
    const events = (extension().packageJSON as { activationEvents?: string[] }).activationEvents ?? [];
    assert.ok(events.includes('onLanguage:markdown'), `activationEvents: ${JSON.stringify(events)}`);
    const editor = await openDraft('paris.md');
    assert.strictEqual(editor.document.languageId, 'markdown');
    const text = await hoverAt(fileUri('paris.md'), positionOf(editor.document, 'Bataclan'));
    assert.ok(text.includes('Bataclan'), `hover on "Bataclan" in paris.md: ${JSON.stringify(text.slice(0, 300))}`);
  });
});
