import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverHeapLimitMB } from '../../shared/protocol';

test('the server heap limit is half the machine memory, at least the V8 default and at most 16 GB', () => {
  const GB = 1024 ** 3;
  assert.equal(serverHeapLimitMB(4 * GB), 4096);
  assert.equal(serverHeapLimitMB(8 * GB), 4096);
  assert.equal(serverHeapLimitMB(24 * GB), 12288);
  assert.equal(serverHeapLimitMB(128 * GB), 16384);
});
