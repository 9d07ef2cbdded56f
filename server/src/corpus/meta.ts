/**
 * Metadata values from front matter, sidecars and HTML → SourceMeta, with type checks.
 */
import type { SourceKind, SourceMeta } from '../core/model';
import { normaliseDate } from './dates';

const KINDS: Record<string, SourceKind> = {
  news: 'news',
  report: 'news',
  article: 'news',
  newsarticle: 'news',
  wire: 'wire',
  opinion: 'opinion',
  editorial: 'opinion',
  column: 'opinion',
  comment: 'opinion',
  analysis: 'analysis',
  analysisnewsarticle: 'analysis',
  'press-release': 'press-release',
  pressrelease: 'press-release',
  release: 'press-release',
  'fact-check': 'fact-check',
  factcheck: 'fact-check',
  claimreview: 'fact-check',
};

export function normaliseKind(v: unknown): SourceKind | undefined {
  if (typeof v !== 'string') return undefined;
  const k = v.trim().toLowerCase().replace(/[\s_]+/g, '-');
  return KINDS[k] ?? KINDS[k.replace(/-/g, '')];
}

/** A person or organisation value: "Jane", {name: "Jane"}, ["Jane", {name: "Joe"}]. */
export function nameOf(v: unknown, depth = 0): string | undefined {
  if (depth > 4) return undefined;
  if (typeof v === 'string') return v.trim() || undefined;
  if (Array.isArray(v)) {
    const names = v.map((x) => nameOf(x, depth + 1)).filter((x): x is string => !!x);
    return names.length ? names.join(', ') : undefined;
  }
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return nameOf(o.name, depth + 1) ?? nameOf(o['@name'], depth + 1);
  }
  return undefined;
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  return undefined;
}

/**
 * Reads the known keys of a metadata object. Unknown keys are ignored; a known key with a
 * value of the wrong type is reported through `warn`.
 */
export function metaFromObject(o: Record<string, unknown>, warn: (msg: string) => void): SourceMeta {
  const meta: SourceMeta = {};
  const pick = (...keys: string[]) => {
    for (const k of keys) if (o[k] !== undefined && o[k] !== null) return { key: k, value: o[k] };
    return undefined;
  };
  const title = pick('title', 'headline');
  if (title) {
    const t = str(title.value);
    if (t) meta.title = t;
    else warn(`"${title.key}" should be a string`);
  }
  const outlet = pick('outlet', 'publisher', 'source', 'site', 'site_name');
  if (outlet) {
    const t = nameOf(outlet.value);
    if (t) meta.outlet = t;
    else warn(`"${outlet.key}" should be a name`);
  }
  const author = pick('author', 'authors', 'byline');
  if (author) {
    const t = nameOf(author.value);
    if (t) meta.author = t;
    else warn(`"${author.key}" should be a name or a list of names`);
  }
  const date = pick('published', 'date', 'datePublished', 'published_at', 'pubdate');
  if (date) {
    const d = normaliseDate(date.value);
    if (d) meta.published = d;
    else warn(`"${date.key}" is not a date I can read (${JSON.stringify(date.value)?.slice(0, 40)})`);
  }
  const url = pick('url', 'link', 'canonical', 'canonical_url', 'source_url');
  if (url) {
    const t = str(url.value);
    if (t) meta.url = t;
    else warn(`"${url.key}" should be a string`);
  }
  const kind = pick('kind', 'type', 'genre');
  if (kind) {
    const k = normaliseKind(kind.value);
    if (k) meta.kind = k;
    else if (kind.key === 'kind') warn(`"kind" should be one of news, wire, opinion, analysis, press-release, fact-check`);
  }
  return meta;
}

/** Keeps only the defined fields of a partial SourceMeta. */
export function definedMeta(m: Partial<SourceMeta> | undefined): SourceMeta {
  const out: SourceMeta = {};
  if (!m) return out;
  for (const k of ['title', 'outlet', 'author', 'published', 'url', 'kind'] as const) {
    const v = m[k];
    if (v !== undefined && v !== null && v !== '') (out as Record<string, unknown>)[k] = v;
  }
  return out;
}
