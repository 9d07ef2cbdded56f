import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { corroborate, fileUri, isCorpusFile, openDraft, waitForFinding } from './helpers';

suite('diagnostics', () => {
  suiteSetup(async () => {
    await corroborate();
  });

  test('brussels.md line 5 has a disputed-claim with related passages in the corpus', async () => {
    await openDraft('brussels.md');
    const d = await waitForFinding(fileUri('brussels.md'), 'disputed-claim', 4);
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning, 'disputed-claim defaults to warning');
    const related = d.relatedInformation ?? [];
    assert.ok(related.length > 0, `no relatedInformation on: ${d.message}`);
    for (const r of related) assert.ok(isCorpusFile(r.location.uri), `related location outside the corpus: ${r.location.uri.toString()}`);
    // expected/brussels.json: the sides are Global Research and World Socialist Web Site (two articles)
    const files = new Set(related.map((r) => path.basename(r.location.uri.fsPath)));
    assert.ok(files.size >= 2, `expected passages from two articles, got ${[...files].join(', ')}`);
    console.log(`    "${d.message.slice(0, 120)}" + ${related.length} related (${[...files].join(', ')})`);
  });

  test('spelling.txt line 3 has an unknown-spelling hint on "Abaoud"', async () => {
    const editor = await openDraft('spelling.txt');
    const d = await waitForFinding(fileUri('spelling.txt'), 'unknown-spelling', 2);
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Hint, 'unknown-spelling defaults to hint');
    assert.ok(editor.document.getText(d.range).includes('Abaoud'), `range covers "${editor.document.getText(d.range)}"`);
  });
});
