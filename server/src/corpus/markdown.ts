/**
 * Markdown sources: YAML front matter (metadata, not prose) + a body analysed like plain text.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { SourceMeta, Span } from '../core/model';
import { metaFromObject } from './meta';
import { analyseText, splitLines } from './text';

export interface MarkdownResult {
  meta: SourceMeta;
  prose: Span[];
  headings: Span[];
  warnings: string[];
}

/** The front matter block: [start of YAML, end of YAML) and where the body starts. */
export function findFrontMatter(text: string): { yamlStart: number; yamlEnd: number; bodyStart: number } | undefined {
  if (!text.startsWith('---')) return undefined;
  const lines = splitLines(text, 0, Math.min(text.length, 256 * 1024));
  if (lines.length < 2) return undefined;
  if (text.slice(lines[0].start, lines[0].end).trimEnd() !== '---') return undefined;
  for (let i = 1; i < lines.length; i++) {
    const l = text.slice(lines[i].start, lines[i].end).trimEnd();
    if (l === '---' || l === '...') {
      const next = i + 1 < lines.length ? lines[i + 1].start : text.length;
      return { yamlStart: lines[1].start, yamlEnd: lines[i].start, bodyStart: next };
    }
  }
  return undefined;
}

export function parseMarkdown(text: string): MarkdownResult {
  const warnings: string[] = [];
  let meta: SourceMeta = {};
  let from = 0;
  const fm = findFrontMatter(text);
  if (fm) {
    from = fm.bodyStart;
    const yamlText = text.slice(fm.yamlStart, fm.yamlEnd);
    try {
      const data: unknown = parseYaml(yamlText, { maxAliasCount: 100, prettyErrors: true });
      if (data && typeof data === 'object' && !Array.isArray(data)) {
        meta = metaFromObject(data as Record<string, unknown>, (m) => warnings.push(`front matter: ${m}`));
      } else if (data !== null && data !== undefined) {
        warnings.push('front matter is not a mapping of keys to values; ignored');
      }
    } catch (err) {
      if (err instanceof YAMLParseError) {
        // line within the YAML, +1 for the opening "---" line
        const line = (err.linePos?.[0]?.line ?? 1) + 1;
        const first = String(err.message).split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        warnings.push(`front matter is not valid YAML (line ${line}: ${first}); metadata ignored, body loaded`);
      } else {
        warnings.push(`front matter could not be read (${(err as Error)?.message ?? String(err)}); body loaded`);
      }
    }
  }
  const body = analyseText(text, { from, markdown: true });
  // front matter wins over what the header lines suggest
  return { meta: { ...body.meta, ...meta }, prose: body.prose, headings: body.headings, warnings };
}
