// Entry point the extension host loads through extensionTestsPath: runs the *.test.js files next to it with mocha
// and writes a machine-readable result for test/e2e/runExtensionTests.mjs (CORROBORATE_E2E_RESULTS).
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

/** Suites run in this order (later suites change settings and drafts, and restore them). */
const ORDER = ['activation', 'navigation', 'diagnostics', 'codeActions', 'commands', 'editing', 'settings', 'deliberateFailure'];

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, slow: 5_000 });
  if (process.env.CORROBORATE_E2E_GREP) mocha.grep(new RegExp(process.env.CORROBORATE_E2E_GREP));
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js'));
  const rank = (f: string) => {
    const i = ORDER.indexOf(f.replace(/\.test\.js$/, ''));
    return i < 0 ? ORDER.length : i;
  };
  files.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  const failures: { title: string; message: string }[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failed) => {
      const passed = runner.stats?.passes ?? 0;
      const pending = runner.stats?.pending ?? 0;
      const out = process.env.CORROBORATE_E2E_RESULTS;
      if (out) fs.writeFileSync(out, JSON.stringify({ passed, failed, pending, failures }, null, 2));
      console.log(`extension host: ${passed} passed, ${failed} failed${pending ? `, ${pending} pending` : ''}`);
      if (failed > 0) reject(new Error(`${failed} test(s) failed`));
      else resolve();
    });
    runner.on('fail', (t, err: unknown) => {
      const e = err as { message?: string; stack?: string } | undefined;
      failures.push({ title: t.fullTitle(), message: e?.message ?? String(err) });
    });
  });
}
