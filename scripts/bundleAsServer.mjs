// An entry point bundled as the server's own bundles are (esbuild.mjs, without source maps): measurements of the code
// as it ships (npm run eval's throughput, npm run bench:phases).
import { buildSync } from 'esbuild';

/** Bundles `entry` into `outfile` (CommonJS, Node 20). */
export function bundleAsServer(entry, outfile) {
  buildSync({ entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
}
