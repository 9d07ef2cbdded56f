// Bundles the client (vscode external), the server and the CLI into dist/. tsc only type-checks.
import * as esbuild from 'esbuild';
import { bundleOptions } from './scripts/bundleAsServer.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const common = { ...bundleOptions, sourcemap: !production, minify: production };
const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/node/main.ts'], outfile: 'dist/server.js' },
  // corroborate-ls's launcher: the server's process options, without the server
  { ...common, entryPoints: ['server/src/node/launch.ts'], outfile: 'dist/launch.js' },
  { ...common, entryPoints: ['server/src/node/indexWorker.ts'], outfile: 'dist/indexWorker.js' },
  // a warm start lists the corpus in this worker while the main thread reads the index snapshot
  { ...common, entryPoints: ['server/src/node/listWorker.ts'], outfile: 'dist/listWorker.js' },
  { ...common, entryPoints: ['cli/main.ts'], outfile: 'dist/cli.js' },
];
if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
