// CORROBORATE_E2E_FAIL=1 adds a test that fails on purpose, to prove that a failure inside the extension host
// reaches runExtensionTests.mjs's exit code. Without it this file defines no test.
import * as assert from 'assert';

suite('deliberate failure (CORROBORATE_E2E_FAIL=1)', () => {
  if (process.env.CORROBORATE_E2E_FAIL === '1') {
    test('fails on purpose', () => {
      assert.fail('CORROBORATE_E2E_FAIL=1: this test fails on purpose');
    });
  }
});
