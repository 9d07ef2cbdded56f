import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { corroborate, fileUri, hoverAt, isCorpusFile, locationsOf, openDraft, OUTLETS, positionOf } from './helpers';

suite('hover and go to definition', () => {
  suiteSetup(async () => {
    await corroborate();
  });

  test('hover on "Abdelhamid Abaaoud" in paris.md is a card naming the outlets', async () => {
    const editor = await openDraft('paris.md');
    const pos = positionOf(editor.document, 'Abdelhamid Abaaoud');
    assert.strictEqual(pos.line, 4, 'paris.md line 5');
    const text = await hoverAt(fileUri('paris.md'), pos);
    assert.ok(text.length > 0, 'no hover on "Abdelhamid Abaaoud"');
    assert.ok(text.includes('Abaaoud'), `the card does not name the entity: ${JSON.stringify(text.slice(0, 400))}`);
    assert.ok(text.includes('Reuters'), `the card does not name Reuters: ${JSON.stringify(text.slice(0, 600))}`);
    const named = OUTLETS.filter((o) => text.includes(o));
    console.log(`    outlets in the card: ${named.join(', ')}`);
  });

  test('go to definition on "Abaaoud" lands on passages inside the corpus articles', async () => {
    const editor = await openDraft('paris.md');
    const pos = positionOf(editor.document, 'Abdelhamid Abaaoud', 0, 12);
    const result = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      fileUri('paris.md'),
      pos,
    );
    const locations = locationsOf(result);
    assert.ok(locations.length > 0, 'no definition for "Abdelhamid Abaaoud"');
    for (const loc of locations) {
      assert.ok(isCorpusFile(loc.uri), `definition outside the corpus: ${loc.uri.toString()}`);
      const doc = await vscode.workspace.openTextDocument(loc.uri);
      assert.ok(loc.range.end.line < doc.lineCount, `range beyond the end of ${loc.uri.fsPath}`);
      const lines = doc.getText(new vscode.Range(loc.range.start.line, 0, loc.range.end.line, Number.MAX_SAFE_INTEGER));
      assert.ok(
        /Abaaoud/i.test(lines),
        `the passage at ${path.basename(loc.uri.fsPath)}:${loc.range.start.line + 1} does not name Abaaoud: ${JSON.stringify(lines.slice(0, 200))}`,
      );
    }
    console.log(
      `    ${locations.length} passage(s): ${locations.map((l) => `${path.basename(l.uri.fsPath)}:${l.range.start.line + 1}`).join(', ')}`,
    );
  });
});
