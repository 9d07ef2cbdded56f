import type { BuildOptions } from 'esbuild';

/** The esbuild options of the server's own bundles (see bundleAsServer.mjs). */
export const bundleOptions: BuildOptions;
/** Bundles `entry` into `outfile` as the server's own bundles are (see bundleAsServer.mjs). */
export function bundleAsServer(entry: string, outfile: string): void;
