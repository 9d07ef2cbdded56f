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
  const meta: Record<string, unknown> = {};
  for (const f of FIELDS) {
    const key = f.keys.find((k) => o[k] !== undefined && o[k] !== null);
    if (key === undefined) continue;
    const value = f.read(o[key]);
    if (value !== undefined) meta[f.field] = value;
    else {
      const complaint = f.complaint(key, o[key]);
      if (complaint) warn(complaint);
    }
  }
  return meta as SourceMeta;
}

/**
 * Each SourceMeta field: the keys it may be written under (first present wins), how its value is read, and what is
 * said when that value cannot be read (nothing for a `type` or `genre` that is not one of ours).
 */
const FIELDS: { field: keyof SourceMeta; keys: string[]; read: (v: unknown) => unknown; complaint: (key: string, v: unknown) => string | undefined }[] =
  [
    { field: 'title', keys: ['title', 'headline'], read: str, complaint: (k) => `"${k}" should be a string` },
    {
      field: 'outlet',
      keys: ['outlet', 'publisher', 'source', 'site', 'site_name'],
      read: (v) => nameOf(v),
      complaint: (k) => `"${k}" should be a name`,
    },
    { field: 'author', keys: ['author', 'authors', 'byline'], read: (v) => nameOf(v), complaint: (k) => `"${k}" should be a name or a list of names` },
    {
      field: 'published',
      keys: ['published', 'date', 'datePublished', 'published_at', 'pubdate'],
      read: normaliseDate,
      complaint: (k, v) => `"${k}" is not a date I can read (${JSON.stringify(v)?.slice(0, 40)})`,
    },
    { field: 'url', keys: ['url', 'link', 'canonical', 'canonical_url', 'source_url'], read: str, complaint: (k) => `"${k}" should be a string` },
    {
      field: 'kind',
      keys: ['kind', 'type', 'genre'],
      read: normaliseKind,
      complaint: (k) => (k === 'kind' ? `"kind" should be one of news, wire, opinion, analysis, press-release, fact-check` : undefined),
    },
  ];

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
