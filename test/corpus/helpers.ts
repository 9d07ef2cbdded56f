import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Source, Span } from '../../server/src/core/model';

export const FIXTURES = path.resolve(__dirname, '../fixtures/corpus');
export const SEEDS = path.resolve(__dirname, '../../corpus/seeds');

/** A private temp folder, removed when the test ends. */
export function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'corroborate-corpus-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export const enc = (s: string) => new TextEncoder().encode(s);

export const slices = (src: Source, spans: Span[]) => spans.map((s) => src.text.slice(s.start, s.end));

/** Is `needle` inside one of the spans? */
export function inSpans(src: Source, spans: Span[], needle: string): boolean {
  const at = src.text.indexOf(needle);
  if (at < 0) throw new Error(`not in text: ${needle}`);
  return spans.some((s) => s.start <= at && at + needle.length <= s.end);
}
