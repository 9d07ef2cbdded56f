/** Process entry of the language server: `corroborate-ls --stdio` (or --node-ipc / --socket=N). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../lsp/server';
import { giveWayWhen, GIVE_WAY_SLICES } from '../core/packed';

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

// Input from the client (a request, an edit) makes work in slices (rebuilds) end its next few slices
// after the step at hand, so that the request does not wait behind a 20 ms slice of each of them at each of the turns
// of the event loop it takes. (After `startServer`, whose connection reads the same input: a listener added here reads
// each chunk too.)
let early = 0;
const noteInput = () => void (early = GIVE_WAY_SLICES);
if (process.argv.includes('--stdio')) process.stdin.on('data', noteInput);
else if (process.argv.includes('--node-ipc')) process.on('message', noteInput);
giveWayWhen(() => early > 0 && early-- > 0);
