/** `corroborate-ls`, as Neovim or Emacs start it: the server runs with the extension's Node options. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { totalmem } from 'node:os';
import * as path from 'node:path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { serverProcessOptions } from '../../shared/protocol';
import { root } from './lspClient';

const childrenOf = (pid: number): number[] =>
  readdirSync(`/proc/${pid}/task`).flatMap((t) =>
    readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
  );
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test(
  'bin/corroborate-ls.js starts the server with the heap limit, semi-spaces and malloc arenas the extension uses, relays stdio, and stops with it',
  { timeout: 30000, skip: process.platform !== 'linux' && 'reads /proc' },
  async () => {
    const env = { ...process.env };
    delete env.MALLOC_ARENA_MAX;
    delete env.MALLOC_MMAP_THRESHOLD_;
    delete env.CORROBORATE_LS_RELAUNCH;
    const proc = spawn(process.execPath, [path.join(root, 'bin/corroborate-ls.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
    let stderr = '';
    proc.stderr.on('data', (d) => (stderr += d));
    try {
      let kids: number[] = [];
      for (let i = 0; i < 100 && !kids.length; i++) {
        await sleep(50);
        kids = childrenOf(proc.pid!);
      }
      assert.equal(kids.length, 1, `one server process under the launcher (${stderr})`);
      const cmdline = readFileSync(`/proc/${kids[0]}/cmdline`, 'utf8').split('\0');
      const environ = readFileSync(`/proc/${kids[0]}/environ`, 'utf8').split('\0');
      const want = serverProcessOptions(totalmem());
      for (const flag of want.execArgv) assert.ok(cmdline.includes(flag), `${flag} in ${cmdline.join(' ')}`);
      for (const [k, v] of Object.entries(want.env)) assert.ok(environ.includes(`${k}=${v}`), `${k}=${v} in the server's environment`);
      // the protocol goes through the launcher's stdio to the server
      const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
      conn.listen();
      const init = (await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} })) as {
        serverInfo?: { name: string };
      };
      assert.equal(init.serverInfo?.name, 'corroborate-ls');
      conn.dispose();
      // a client stopping the launcher stops the server
      proc.kill('SIGTERM');
      for (let i = 0; i < 100 && existsSync(`/proc/${kids[0]}`); i++) await sleep(50);
      assert.ok(
        !existsSync(`/proc/${kids[0]}`) || readFileSync(`/proc/${kids[0]}/stat`, 'utf8').split(') ')[1].startsWith('Z'),
        'the server is gone',
      );
    } finally {
      proc.kill('SIGKILL');
    }
  },
);
