import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverHeapLimitMB, serverProcessOptions } from '../../shared/protocol';

test('the server heap limit is half the machine memory, at least the V8 default and at most 16 GB', () => {
  const GB = 1024 ** 3;
  assert.equal(serverHeapLimitMB(4 * GB), 4096);
  assert.equal(serverHeapLimitMB(8 * GB), 4096);
  assert.equal(serverHeapLimitMB(24 * GB), 12288);
  assert.equal(serverHeapLimitMB(128 * GB), 16384);
});

test('the benchmark starts the server with the flags and environment the extension does (from the built launcher)', async () => {
  // (a plain-JS script: imported by a computed path, typed here)
  const script = '../../scripts/bench/client.mjs';
  const bench = (await import(script)) as { serverProcessOptions: typeof serverProcessOptions };
  const GB = 1024 ** 3;
  for (const mem of [2 * GB, 24 * GB, 256 * GB]) assert.deepEqual(bench.serverProcessOptions(mem), serverProcessOptions(mem));
  assert.ok(serverProcessOptions(24 * GB).execArgv.includes('--max-semi-space-size=8'));
});
