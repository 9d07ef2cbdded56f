// client/package-contributes.json must agree with the command table (client/src/commands.ts, read as
// text because it imports `vscode`) and with the shared settings defaults (shared/protocol.ts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultSettings } from '../../shared/protocol';

const root = join(__dirname, '..', '..');
const contributes = JSON.parse(readFileSync(join(root, 'client/package-contributes.json'), 'utf8'));
const table = [
  ...readFileSync(join(root, 'client/src/commands.ts'), 'utf8').matchAll(
    /\{ id: '([^']+)', title: '([^']+)', needsServer: (?:true|false),( internal: true,)?/g,
  ),
].map((m) => ({ id: m[1], title: m[2], internal: !!m[3] }));

describe('package-contributes.json', () => {
  it('has the three keys the lead merges', () => {
    assert.deepEqual(Object.keys(contributes).sort(), ['activationEvents', 'capabilities', 'contributes']);
  });

  it('contributes every public command of the table, with the same title, in category Corroborate', () => {
    assert.ok(table.length >= 7, 'the command table was read');
    const contributed = contributes.contributes.commands as { command: string; title: string; category: string }[];
    const visible = table.filter((c) => !c.internal);
    assert.deepEqual(contributed.map((c) => c.command).sort(), visible.map((c) => c.id).sort());
    for (const spec of visible) {
      const c = contributed.find((x) => x.command === spec.id)!;
      assert.equal(c.title, spec.title, spec.id);
      assert.equal(c.category, 'Corroborate', spec.id);
    }
  });

  it("disables no command, and puts Look Up Entity in the draft editors' context menu", () => {
    for (const c of contributes.contributes.commands) assert.equal(c.enablement, undefined, c.command);
    const context = contributes.contributes.menus['editor/context'] as { command: string; when: string }[];
    const lookUp = context.find((m) => m.command === 'corroborate.lookUpEntity');
    assert.ok(lookUp && /markdown/.test(lookUp.when) && /plaintext/.test(lookUp.when));
  });

  it('documents every setting, with the shared defaults', () => {
    const props = contributes.contributes.configuration.properties as Record<
      string,
      { default: unknown; markdownDescription: string; scope: string; type: string }
    >;
    const expected: Record<string, unknown> = {
      'corroborate.corpus.paths': defaultSettings.corpus.paths,
      'corroborate.corpus.includeBundled': defaultSettings.corpus.includeBundled,
      'corroborate.corpus.exclude': defaultSettings.corpus.exclude,
      'corroborate.languages': defaultSettings.languages,
      'corroborate.severity.disputed-claim': defaultSettings.severity['disputed-claim'],
      'corroborate.severity.disputed-entity': defaultSettings.severity['disputed-entity'],
      'corroborate.severity.unknown-spelling': defaultSettings.severity['unknown-spelling'],
      'corroborate.citationStyle': defaultSettings.citationStyle,
      'corroborate.debounceMs': defaultSettings.debounceMs,
      'corroborate.trace.server': 'off',
    };
    assert.deepEqual(Object.keys(props).sort(), Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) {
      assert.deepEqual(props[key].default, value, key);
      assert.ok(props[key].markdownDescription.length > 20, key);
      assert.ok(props[key].type, key);
      assert.equal(props[key].scope, key === 'corroborate.trace.server' ? 'window' : 'resource', key);
    }
  });

  it('restricts corpus paths in untrusted workspaces', () => {
    assert.deepEqual(contributes.capabilities.untrustedWorkspaces.restrictedConfigurations, ['corroborate.corpus.paths']);
  });
});
