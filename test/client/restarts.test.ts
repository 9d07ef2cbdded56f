import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RestartPolicy } from '../../client/src/restarts';

describe('RestartPolicy', () => {
  it('restarts 4 times in 3 minutes, then gives up', () => {
    const p = new RestartPolicy();
    const results = [0, 10, 20, 30, 40].map((s) => p.crashed(s * 1000).restart);
    assert.deepEqual(results, [true, true, true, true, false]);
  });
  it('forgets crashes older than the window', () => {
    const p = new RestartPolicy(2, 1000);
    assert.equal(p.crashed(0).restart, true);
    assert.equal(p.crashed(100).restart, true);
    assert.equal(p.crashed(1500).restart, true);
    assert.equal(p.crashed(1600).restart, true);
    assert.equal(p.crashed(1700).restart, false);
  });
  it('starts afresh after a reset', () => {
    const p = new RestartPolicy(1, 1000);
    p.crashed(0);
    assert.equal(p.crashed(1).restart, false);
    p.reset();
    assert.equal(p.crashed(2).restart, true);
  });
});
