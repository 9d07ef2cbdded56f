/** Process entry of the language server: `corroborate-ls --stdio` (or --node-ipc / --socket=N). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../lsp/server';

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
const connection = createConnection(ProposedFeatures.all);
startServer(connection);
