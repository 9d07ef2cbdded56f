/** Bundles `entry` into `outfile` as the server's own bundles are (see bundleAsServer.mjs). */
export function bundleAsServer(entry: string, outfile: string): void;
