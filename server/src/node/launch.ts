/**
 * `corroborate-ls` as another editor's client starts it (bin/corroborate-ls.js): the server runs in a second Node
 * process with the options the VS Code extension gives it (`serverProcessOptions`), since a first indexing of 50,000
 * articles needs more heap than Node's default limit (~4 GB). Not when the caller set a heap limit of its own, nor
 * over an IPC channel, which a child cannot inherit. This module loads nothing of the server: the process that runs
 * it only relays signals and the exit status (~45 MB of RSS).
 */
import { spawn } from 'node:child_process';
import { totalmem } from 'node:os';
import { serverProcessOptions } from '../../../shared/protocol';

// (the benchmark starts the server with these too, from this bundle)
export { serverProcessOptions };

/** Starts the server in a child process with the extension's options and returns true, or returns false when this
 * process should run the server itself. */
export function relaunched(argv: string[] = process.argv, execArgv: string[] = process.execArgv): boolean {
  if (process.env.CORROBORATE_LS_RELAUNCH === '0') return false;
  if (argv.includes('--node-ipc') || execArgv.some((a) => a.startsWith('--max-old-space-size'))) return false;
  const o = serverProcessOptions(totalmem());
  const child = spawn(process.execPath, [...o.execArgv, ...execArgv, ...argv.slice(1)], {
    stdio: 'inherit',
    // (the caller's environment wins)
    env: { ...o.env, ...process.env, CORROBORATE_LS_RELAUNCH: '0' },
  });
  for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(sig, () => child.kill(sig));
  child.on('error', (err) => {
    process.stderr.write(`corroborate-ls: could not start the server process: ${err.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return true;
}
