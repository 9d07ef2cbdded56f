import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, corroborate, fileUri, openDraft, waitForDiagnostics } from './helpers';

const SENTENCE = 'The attacks in Brussels killed 50 people.'; // the sources say 34 killed (expected/brussels.json)

/** 0-based lines that carry a disputed-claim. */
function disputedLines(ds: vscode.Diagnostic[]): number[] {
  return [...new Set(ds.filter((d) => codeOf(d) === 'disputed-claim').map((d) => d.range.start.line))].sort((a, b) => a - b);
}

suite('editing a draft', () => {
  suiteSetup(async () => {
    await corroborate();
  });

  test('inserting a disputed figure adds a finding, removing it takes it away again', async () => {
    const uri = fileUri('brussels.md');
    const editor = await openDraft('brussels.md');
    const doc = editor.document;
    const original = doc.getText();
    const before = await waitForDiagnostics(
      uri,
      (ds) => (disputedLines(ds).includes(4) ? disputedLines(ds) : undefined),
      30_000,
      'the disputed-claim on line 5',
    );
    try {
      // insert the sentence as a new paragraph after the title: it becomes line 3, everything below moves down by 2
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(2, 0), `${SENTENCE}\n\n`)));
      // the new finding on line 3, the one of line 5 moved to line 7, nothing left on line 5 (now "On 22 March…")
      const after = await waitForDiagnostics(
        uri,
        (ds) => {
          const lines = disputedLines(ds);
          return lines.includes(2) && lines.includes(6) && !lines.includes(4) ? lines : undefined;
        },
        30_000,
        'a disputed-claim on the inserted line 3 and the one of line 5 moved to line 7',
      );
      console.log(
        `    disputed-claim lines (1-based): before ${before.map((l) => l + 1).join(',')}; after insert ${after.map((l) => l + 1).join(',')}`,
      );

      assert.ok(await editor.edit((b) => b.delete(new vscode.Range(2, 0, 4, 0))));
      assert.strictEqual(doc.getText(), original);
      const back = await waitForDiagnostics(
        uri,
        (ds) => {
          const lines = disputedLines(ds);
          return lines.includes(4) && !lines.includes(2) && !lines.includes(6) ? lines : undefined;
        },
        30_000,
        'the disputed-claim back on line 5 and none on lines 3 and 7',
      );
      console.log(`    after removing it: ${back.map((l) => l + 1).join(',')}`);
    } finally {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.strictEqual(doc.isDirty, false);
  });
});
