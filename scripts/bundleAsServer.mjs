// The esbuild options of the server's own bundles (esbuild.mjs), and an entry point bundled as they are, without
// source maps: measurements of the code as it ships (npm run eval's throughput, npm run bench:phases).
import { buildSync } from 'esbuild';

/**
 * What every bundle is built with. `supported`: esbuild (0.25) rewrites a regular expression literal with a Unicode
 * property escape (`/^\p{Lu}/u`) into `new RegExp("^\\p{Lu}", "u")` even for Node 20, which has them, and that
 * expression then makes a new RegExp object each time it runs: the name recogniser ran ~30 such constructions per
 * candidate name. Declared supported, the literals stay literals (each compiled once).
 */
export const bundleOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  supported: { 'regexp-unicode-property-escapes': true },
};

/** Bundles `entry` into `outfile` (CommonJS, Node 20). */
export function bundleAsServer(entry, outfile) {
  buildSync({ ...bundleOptions, entryPoints: [entry], outfile });
}
