/**
 * Preloaded (`node --require guard.cjs`) into the server or CLI under test; never part of the product.
 *  - network: every way to open a socket (net/tls connect, http(s) requests, dgram, dns lookups, fetch,
 *    WebSocket) throws and is recorded;
 *  - writes: every fs call that creates, changes or removes a file is recorded with its path;
 *  - memory: on SIGUSR2, runs a full GC (when started with --expose-gc) and reports process.memoryUsage();
 * Records are written to stderr as single lines `CORROBORATE_GUARD {json}` so the test can read them.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const emit = (rec) => {
  try {
    fs.writeSync(2, `CORROBORATE_GUARD ${JSON.stringify(rec)}\n`);
  } catch {
    // stderr closed: nothing to report to
  }
};

// ---- network -------------------------------------------------------------
function blocked(what) {
  return function () {
    emit({ kind: 'network', what, stack: new Error().stack.split('\n').slice(2, 6).join(' | ') });
    throw new Error(`network access blocked by the robustness guard: ${what}`);
  };
}
const net = require('node:net');
net.connect = net.createConnection = blocked('net.connect');
net.Socket.prototype.connect = blocked('net.Socket.connect');
const origListen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  emit({ kind: 'network', what: 'net.Server.listen' });
  throw new Error('network access blocked by the robustness guard: listen');
};
void origListen;
const tls = require('node:tls');
tls.connect = blocked('tls.connect');
for (const mod of ['node:http', 'node:https']) {
  const m = require(mod);
  m.request = blocked(`${mod}.request`);
  m.get = blocked(`${mod}.get`);
}
const dgram = require('node:dgram');
dgram.createSocket = blocked('dgram.createSocket');
const dns = require('node:dns');
dns.lookup = blocked('dns.lookup');
dns.resolve = blocked('dns.resolve');
if (dns.promises) {
  dns.promises.lookup = blocked('dns.promises.lookup');
  dns.promises.resolve = blocked('dns.promises.resolve');
}
if (typeof globalThis.fetch === 'function') globalThis.fetch = blocked('fetch');
if (typeof globalThis.WebSocket === 'function') globalThis.WebSocket = blocked('WebSocket');

// ---- writes --------------------------------------------------------------
const WRITE_FLAGS = /[wa+]/;
const isWriteFlag = (flags) =>
  typeof flags === 'number'
    ? (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_TRUNC | fs.constants.O_APPEND)) !== 0
    : typeof flags === 'string' && WRITE_FLAGS.test(flags);
const abs = (p) => {
  try {
    if (typeof p === 'number') return `<fd ${p}>`;
    if (p instanceof URL) p = p.pathname;
    if (Buffer.isBuffer(p)) p = p.toString();
    return path.resolve(String(p));
  } catch {
    return String(p);
  }
};
const record = (fn, p) => emit({ kind: 'write', fn, path: abs(p) });
const always = [
  'writeFile',
  'appendFile',
  'mkdir',
  'mkdtemp',
  'rm',
  'rmdir',
  'unlink',
  'rename',
  'copyFile',
  'cp',
  'symlink',
  'link',
  'truncate',
  'chmod',
  'chown',
  'utimes',
  'lchown',
  'lutimes',
];
for (const name of always) {
  for (const variant of [name, `${name}Sync`]) {
    const orig = fs[variant];
    if (typeof orig !== 'function') continue;
    fs[variant] = function (p, ...rest) {
      record(variant, p);
      return orig.call(this, p, ...rest);
    };
  }
  const origP = fs.promises[name];
  if (typeof origP === 'function') {
    fs.promises[name] = function (p, ...rest) {
      record(`promises.${name}`, p);
      return origP.call(this, p, ...rest);
    };
  }
}
for (const variant of ['open', 'openSync']) {
  const orig = fs[variant];
  fs[variant] = function (p, flags, ...rest) {
    if (isWriteFlag(flags)) record(variant, p);
    return orig.call(this, p, flags, ...rest);
  };
}
{
  const orig = fs.promises.open;
  fs.promises.open = function (p, flags, ...rest) {
    if (isWriteFlag(flags)) record('promises.open', p);
    return orig.call(this, p, flags, ...rest);
  };
}
{
  const orig = fs.createWriteStream;
  fs.createWriteStream = function (p, ...rest) {
    record('createWriteStream', p);
    return orig.call(this, p, ...rest);
  };
}

// ---- memory probe --------------------------------------------------------
process.on('SIGUSR2', () => {
  if (typeof globalThis.gc === 'function') {
    globalThis.gc();
    globalThis.gc();
  }
  const m = process.memoryUsage();
  emit({ kind: 'memory', rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers });
});
emit({ kind: 'ready', pid: process.pid });
