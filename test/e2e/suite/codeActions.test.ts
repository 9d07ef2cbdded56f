import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { corroborate, fileUri, openDraft, waitForDiagnostics, waitForFinding, workspaceDir, codeOf } from './helpers';

function snapshotDisk(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) for (const [k, v] of snapshotDisk(p)) out.set(k, v);
    else out.set(p, fs.readFileSync(p, 'utf8'));
  }
  return out;
}

function editText(edit: vscode.WorkspaceEdit): string {
  return edit
    .entries()
    .flatMap(([, edits]) => edits.map((e) => e.newText))
    .join('\n');
}

suite('code actions', () => {
  suiteSetup(async () => {
    await corroborate();
  });

  test('the unknown-spelling quick fix writes "Abaaoud" and changes only spelling.txt', async () => {
    const uri = fileUri('spelling.txt');
    const editor = await openDraft('spelling.txt');
    const doc = editor.document;
    const original = doc.getText();
    const diag = await waitForFinding(uri, 'unknown-spelling', 2);

    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      uri,
      diag.range,
      vscode.CodeActionKind.QuickFix.value,
      10,
    );
    const fixes = (actions ?? []).filter((a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
    const fix = fixes.find((a) => a.title.includes('Abaaoud') || (a.edit && editText(a.edit).includes('Abaaoud')));
    assert.ok(fix, `no quick fix mentioning Abaaoud; offered: ${JSON.stringify((actions ?? []).map((a) => a.title))}`);
    assert.ok(fix.edit || fix.command, 'the fix has neither an edit nor a command');

    const others = vscode.workspace.textDocuments.filter((d) => d.uri.toString() !== uri.toString() && d.uri.scheme === 'file');
    const before = new Map(others.map((d) => [d.uri.toString(), { text: d.getText(), dirty: d.isDirty }]));
    const disk = snapshotDisk(workspaceDir().fsPath);

    if (fix.edit) {
      for (const [u] of fix.edit.entries()) assert.strictEqual(u.toString(), uri.toString(), `the fix edits another file: ${u.toString()}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit), 'applyEdit refused the fix');
    }
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));

    try {
      const line = doc.lineAt(2).text;
      assert.ok(line.includes('Abdelhamid Abaaoud'), `line 3 after the fix: ${JSON.stringify(line)}`);
      const a = original.split('\n');
      const b = doc.getText().split('\n');
      assert.strictEqual(b.length, a.length, 'the fix changed the number of lines');
      for (let i = 0; i < a.length; i++) if (i !== 2) assert.strictEqual(b[i], a[i], `line ${i + 1} changed`);
      for (const d of others) {
        const was = before.get(d.uri.toString());
        assert.ok(was && was.text === d.getText() && was.dirty === d.isDirty, `${d.uri.fsPath} changed`);
      }
      assert.deepStrictEqual(snapshotDisk(workspaceDir().fsPath), disk, 'files on disk changed');
      // the server sees the edit: the finding on line 3 goes away
      await waitForDiagnostics(
        uri,
        (ds) => (ds.some((d) => codeOf(d) === 'unknown-spelling' && d.range.start.line === 2) ? undefined : true),
        30_000,
        'the unknown-spelling on line 3 to go away',
      );
    } finally {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.strictEqual(doc.getText(), original, 'revert did not restore spelling.txt');
  });
});
