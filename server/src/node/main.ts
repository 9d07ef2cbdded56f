/** Process entry of the language server: `corroborate-ls --stdio` (or --node-ipc / --socket=N). */
import { spawn } from 'node:child_process';
import { totalmem } from 'node:os';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../lsp/server';
import { serverProcessOptions } from '../../../shared/protocol';

if (process.argv.includes('--version')) {
  process.stdout.write('corroborate-ls 0.1.0\n');
  process.exit(0);
}
if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  if (process.argv.includes('--help') || process.stdin.isTTY) {
    process.stderr.write('usage: corroborate-ls --stdio | --node-ipc | --socket=PORT\n');
    process.exit(process.argv.includes('--help') ? 0 : 2);
  }
  process.argv.push('--stdio');
}

/**
 * `corroborate-ls` as another editor's client starts it (bin/corroborate-ls.js asks for this): Node is started again
 * with the options the VS Code extension gives the server (`serverProcessOptions`), since a first indexing of 50,000
 * articles needs more heap than Node's default limit (~4 GB). Not when the caller set a heap limit of its own, nor
 * over an IPC channel, which a child cannot inherit. This process only relays signals and the exit status.
 */
function relaunched(): boolean {
  if (process.env.CORROBORATE_LS_RELAUNCH !== '1') return false;
  if (process.argv.includes('--node-ipc') || process.execArgv.some((a) => a.startsWith('--max-old-space-size'))) return false;
  const o = serverProcessOptions(totalmem());
  const child = spawn(process.execPath, [...o.execArgv, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    // (the caller's environment wins)
    env: { ...o.env, ...process.env, CORROBORATE_LS_RELAUNCH: '0' },
  });
  for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(sig, () => child.kill(sig));
  child.on('error', (err) => {
    process.stderr.write(`corroborate-ls: could not start Node again (${err.message}); running in this process\n`);
    startServer(createConnection(ProposedFeatures.all));
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return true;
}

if (!relaunched()) startServer(createConnection(ProposedFeatures.all));
