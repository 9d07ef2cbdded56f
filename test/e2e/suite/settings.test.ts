import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  corroborate,
  CorroborateApi,
  FIXTURE_OUTLET,
  fileUri,
  hoverAt,
  openDraft,
  positionOf,
  searchEntities,
  setSetting,
  waitForEvent,
  waitForFinding,
} from './helpers';

const FICTIONAL_PERSON = 'Ottilie Vandermeulen'; // named only in sources/fixture-gazette-memorial.md

suite('settings apply without a reload', () => {
  let api: CorroborateApi;
  suiteSetup(async () => {
    api = await corroborate();
  });

  test('corroborate.severity.disputed-claim = error, then back to the default', async () => {
    const uri = fileUri('brussels.md');
    await openDraft('brussels.md');
    await waitForFinding(uri, 'disputed-claim', 4, 30_000, (d) => d.severity === vscode.DiagnosticSeverity.Warning);
    try {
      await setSetting('severity.disputed-claim', 'error');
      await waitForFinding(uri, 'disputed-claim', 4, 30_000, (d) => d.severity === vscode.DiagnosticSeverity.Error);
    } finally {
      await setSetting('severity.disputed-claim', undefined);
    }
    await waitForFinding(uri, 'disputed-claim', 4, 30_000, (d) => d.severity === vscode.DiagnosticSeverity.Warning);
  });

  test('corroborate.corpus.paths = [] drops the workspace source and its entity', async () => {
    const editor = await openDraft('brussels.md');
    const maalbeek = positionOf(editor.document, 'Maalbeek');
    const found = async () => (await searchEntities(api, FICTIONAL_PERSON)).some((e) => e.name.includes('Vandermeulen'));

    assert.ok(await found(), `${FICTIONAL_PERSON} (workspace source) is not in the index`);
    const sourcesBefore = api.status()?.sources ?? 0;
    const hoverBefore = await hoverAt(editor.document.uri, maalbeek);
    assert.ok(
      hoverBefore.includes(FIXTURE_OUTLET),
      `hover on Maalbeek should cite the workspace source: ${JSON.stringify(hoverBefore.slice(0, 400))}`,
    );

    const statusWith = (n: number) =>
      waitForEvent(
        api.onStatus,
        () => {
          const s = api.status();
          return s?.state === 'ready' && s.sources === n ? s : undefined;
        },
        60_000,
        `a ready index with ${n} sources`,
        () => JSON.stringify(api.status()),
      );

    try {
      await setSetting('corpus.paths', []);
      await statusWith(sourcesBefore - 1);
      assert.strictEqual(await found(), false, `${FICTIONAL_PERSON} is still in the index`);
      const hoverAfter = await hoverAt(editor.document.uri, maalbeek);
      assert.ok(!hoverAfter.includes(FIXTURE_OUTLET), 'hover on Maalbeek still cites the removed workspace source');
    } finally {
      await setSetting('corpus.paths', ['sources']);
    }
    await statusWith(sourcesBefore);
    assert.ok(await found(), `${FICTIONAL_PERSON} did not come back with corpus.paths = ["sources"]`);
  });
});
