/** Which files are sources, and where their sidecars are (no parser: the listing worker bundles this alone). */
import * as nodePath from 'node:path';
import type { SourceFormat } from '../core/model';

export const FORMAT_BY_EXTENSION: Readonly<Record<string, SourceFormat>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.json': 'claimreview',
  '.jsonld': 'claimreview',
};

/** The format a path would be read as, or undefined when the extension is not supported. */
export function formatOf(path: string): SourceFormat | undefined {
  const base = path.replace(/^.*[\\/]/, '').toLowerCase();
  if (base.endsWith('.meta.json')) return undefined; // sidecars are metadata, not sources
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return undefined;
  return FORMAT_BY_EXTENSION[base.slice(dot)];
}

/** The sidecar of a source: NAME.meta.json beside NAME.ext. */
export function sidecarPath(path: string): string {
  const dir = nodePath.dirname(path);
  const base = nodePath.basename(path);
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  return nodePath.join(dir, `${stem}.meta.json`);
}
