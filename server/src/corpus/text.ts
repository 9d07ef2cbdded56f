/**
 * Plain-text (and Markdown body) analysis: which lines are the header (title, byline,
 * date, "Region:" lines), which are publishers' footers, which are headings, and which
 * are prose. Works line by line in linear time; regexes only ever see short lines or
 * bounded prefixes, so a single 10 MB line is cheap.
 */
import type { SourceKind, SourceMeta, Span } from '../core/model';
import { parseDateLine } from './dates';

export interface Line {
  /** first char of the line */
  start: number;
  /** end of the content (before the line break) */
  end: number;
}

/** Lines of text[from, to), recognising \r\n, \n and lone \r. */
export function splitLines(text: string, from = 0, to = text.length): Line[] {
  const lines: Line[] = [];
  let s = from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push({ start: s, end: i });
      if (c === 13 && i + 1 < to && text.charCodeAt(i + 1) === 10) i++;
      s = i + 1;
    }
  }
  if (s < to || lines.length === 0) lines.push({ start: s, end: to });
  return lines;
}

/** Lines longer than this are always body text: no header/footer pattern is tried on them. */
const SHORT = 1000;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0xfeff || c === 0x3000 || (c >= 0x2000 && c <= 0x200b);
}

/** [start, end) of the line without surrounding whitespace. */
function trimRange(text: string, start: number, end: number): [number, number] {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return [start, end];
}

/** Markdown inline markup removed: links → their text, emphasis markers, escapes. For short strings only. */
export function cleanInline(s: string): string {
  // each pattern needs a character the text may not have: test for it first (most lines have no markup)
  if (s.includes('[')) s = s.replace(/!?\[([^\][]*)\]\([^()\s]*(?:\s+"[^"]*")?\)/g, '$1');
  if (s.includes('[')) s = s.replace(/!?\[([^\][]*)\]\[[^\][]*\]/g, '$1');
  if (s.includes('<')) s = s.replace(/<\/?[a-z][^<>]*>/gi, '');
  if (s.includes('\\')) s = s.replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
  if (MARKUP_CHAR.test(s)) s = s.replace(/(\*\*|__|\*|_|`)/g, '');
  // white space that the collapse to single spaces would change: two in a row (both spaces, or one of them
  // something else) or any white space other than a space
  if (s.includes('  ') || OTHER_SPACE.test(s)) s = s.replace(/\s+/g, ' ');
  return s.trim();
}
const MARKUP_CHAR = /[*_`]/;
const OTHER_SPACE = /[^\S ]/;

const NAME_WORD = "(?:[\\p{Lu}][\\p{L}\\p{M}'’.-]*|de|da|do|dos|das|van|von|der|den|del|della|di|la|le|al|el|bin|ibn|du|y|ten|ter)";
const NAME_RE = new RegExp(
  `^(?:(?:Prof|Professor|Dr|Sir|Dame|Rev|Mr|Mrs|Ms)\\.?\\s+)?[\\p{Lu}][\\p{L}\\p{M}'’.-]*(?:\\s+${NAME_WORD}){0,5}$`,
  'u',
);
const NOT_NAME_WORDS = new Set([
  'The', 'A', 'An', 'This', 'That', 'These', 'Those', 'It', 'He', 'She', 'They', 'We', 'In', 'On', 'At', 'For',
  'With', 'From', 'Of', 'And', 'But', 'Or', 'If', 'When', 'Then', 'Now', 'Yesterday', 'Today', 'Monday', 'Tuesday',
  'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Region', 'Theme', 'Staff', 'Updated', 'Published',
]);

export function isPersonName(s: string, minWords = 1): boolean {
  if (s.length < 2 || s.length > 60) return false;
  if (!NAME_RE.test(s)) return false;
  const words = s.split(/\s+/);
  if (words.length < minWords) return false;
  return !NOT_NAME_WORDS.has(words[0]);
}

/** "By John Irish, Robert-Jan Bartunek and Orhan Coskun" → the names; undefined when the line is not a byline. */
export function parseByline(line: string): string[] | undefined {
  if (line.length > 200) return undefined;
  const s = cleanInline(line);
  const m = /^by:?\s+(.+)$/i.exec(s);
  if (!m) return undefined;
  let rest = m[1].replace(/\s+(?:for|in|at)\s+.*$/i, '').replace(/\s*[|·•–—]\s+.*$/, '').replace(/[.,;\s]+$/, '');
  rest = rest.replace(/\s+-\s+.*$/, '');
  const parts = rest.split(/\s*(?:,|;|\band\b|&)\s*/).filter((p) => p.length > 0);
  if (parts.length === 0 || parts.length > 8) return undefined;
  // The last part may be an outlet ("By Jane Doe, Reuters"): accept if all others are names
  if (!parts.every((p) => isPersonName(p))) return undefined;
  return parts;
}

const META_LABEL = /^(?:region|regions|theme|themes|in-depth report|topics?|tags?|filed under|categories|category|section|keywords)\s*:/i;

/** A line made only of Markdown links, separators and emphasis ("[Europe](#), [SYRIA](#)"). */
function isLinkOnly(s: string): boolean {
  if (!s.includes('](') && !/^<https?:[^>]*>$/.test(s)) return false;
  const rest = s
    .replace(/!?\[[^\][]*\]\([^()]*\)/g, '')
    .replace(/[\s,;|·•*_>#+\-–—/()]+/g, '');
  return rest.length === 0;
}

const FOOTER: RegExp[] = [
  /^(?:copyright\b.{0,200}(?:©|\(c\)|\d{4})|©|\(c\)\s*\d{4})/i,
  /^.{0,150}\ball rights reserved\b.{0,60}$/i,
  /^suggest a correction\b/i,
  /^the original source of this article is\b/i,
  /^comment on\b.{0,150}\bfacebook\b/i,
  /^become a member\b/i,
  /^articles by\s*:/i,
  /^about the authors?\s*(?::.*)?$/i,
  /^disclaimer\s*:/i,
  /^for media inquiries\b/i,
  /^to contact\b.{0,120}(?::|\bvisit\b|@|\be-?mail\b|\bcall\b)/i,
  /^\((?:[^()]|\([^()]*\)){0,400}?\b(?:reporting|writing|editing|compiled|edited|reported|written) (?:by|from)\b(?:[^()]|\([^()]*\)){0,500}\)\s*$/i,
  /^(?:additional )?reporting by\b.{0,300};\s*(?:writing|editing|edited) by\b/i,
  /^(?:related (?:articles|stories|coverage|content|reading)|read more|more from|share this(?: article)?|follow us|sign up for|subscribe to)\b.{0,80}$/i,
];

/** Lines that close the article: after one of these (in the second half) the rest is footer. */
export function isFooterLine(clean: string): boolean {
  if (clean.length > 600) return false;
  return FOOTER.some((re) => re.test(clean));
}

const WIRE_AGENCIES = new Set(['reuters', 'ap', 'afp', 'associated press', 'agence france-presse', 'upi', 'dpa', 'efe', 'ansa', 'xinhua', 'kyodo', 'pa', 'bloomberg', 'tass', 'itar-tass', 'anadolu']);

const DATELINE =
  /^((?:[A-Z][A-Z.'’-]+)(?:[ -][A-Z][A-Z.'’-]+){0,3}(?:,\s+[A-Z][A-Za-z.'’]*(?: [A-Z][A-Za-z.'’]*){0,3})?)(?:,\s+((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?\s+\d{1,2}))?\s*\(([A-Z][A-Za-z&.' -]{0,30})\)\s*[-–—]+\s*/;

export interface WireDateline {
  place: string;
  agency: string;
  /** length of the dateline prefix ("PARIS, Nov 22 (Reuters) - ") */
  length: number;
}

export function parseWireDateline(line: string): WireDateline | undefined {
  const m = DATELINE.exec(line.slice(0, 200));
  if (!m) return undefined;
  return { place: m[1], agency: m[3].trim(), length: m[0].length };
}

export interface TextAnalysis {
  meta: SourceMeta;
  prose: Span[];
  headings: Span[];
}

export interface AnalyseOptions {
  /** where the body starts (after Markdown front matter) */
  from?: number;
  markdown?: boolean;
}

type Kind = 'blank' | 'heading' | 'meta' | 'skip' | 'footer' | 'prose' | 'item';

interface Classified {
  kind: Kind;
  /** content span for heading/prose/item */
  s: number;
  e: number;
}

const HEADING = /^(#{1,6})(?:[ \t]+|$)/;

function headingContent(text: string, start: number, end: number): [number, number] {
  let i = start;
  while (i < end && text.charCodeAt(i) === 35 /* # */) i++;
  let [s, e] = trimRange(text, i, end);
  // closing hashes "## Title ##"
  let j = e;
  while (j > s && text.charCodeAt(j - 1) === 35) j--;
  if (j < e && (j === s || isSpace(text.charCodeAt(j - 1)))) [s, e] = trimRange(text, s, j);
  return [s, e];
}

/** Leading list / blockquote markers of a Markdown line, skipped in the prose span. */
function markerLength(head: string): number {
  const m = /^(?:>\s?)*(?:[-*+]|\d{1,9}[.)])\s+/.exec(head) ?? /^(?:>\s?)+/.exec(head);
  return m ? m[0].length : 0;
}

function hasLetter(s: string): boolean {
  return /\p{L}/u.test(s);
}

export function analyseText(text: string, opts: AnalyseOptions = {}): TextAnalysis {
  const from = opts.from ?? 0;
  const md = !!opts.markdown;
  const lines = splitLines(text, from);
  const meta: SourceMeta = {};
  const out: Classified[] = new Array(lines.length);

  const isBlankLine = (ln: Line) => {
    const [s, e] = trimRange(text, ln.start, ln.end);
    return s === e;
  };

  // ---- header -------------------------------------------------------------------------
  let i = 0;
  let nonblank = 0;
  let seenTitle = false;
  const nextNonblank = (k: number) => {
    for (let j = k + 1; j < lines.length; j++) if (!isBlankLine(lines[j])) return j;
    return -1;
  };
  const prevNonblank = (k: number) => {
    for (let j = k - 1; j >= 0; j--) if (!isBlankLine(lines[j])) return j;
    return -1;
  };
  const dateLineAt = (k: number) => {
    if (k < 0) return undefined;
    const ln = lines[k];
    if (ln.end - ln.start > 200) return undefined;
    return parseDateLine(cleanInline(text.slice(ln.start, ln.end)));
  };

  for (; i < lines.length && nonblank < 14; i++) {
    const ln = lines[i];
    const [s, e] = trimRange(text, ln.start, ln.end);
    if (s === e) {
      out[i] = { kind: 'blank', s, e };
      continue;
    }
    nonblank++;
    if (e - s > 300) break;
    const raw = text.slice(s, e);
    if (md && /^(?:```|~~~)/.test(raw)) break;
    const clean = cleanInline(raw);

    if (HEADING.test(raw)) {
      const [hs, he] = headingContent(text, s, e);
      if (!seenTitle && hs < he) {
        meta.title = cleanInline(text.slice(hs, he));
        seenTitle = true;
        out[i] = { kind: 'heading', s: hs, e: he };
        continue;
      }
      break;
    }
    const by = parseByline(raw);
    if (by) {
      if (!meta.author) meta.author = by.join(', ');
      out[i] = { kind: 'meta', s, e };
      continue;
    }
    const dl = parseDateLine(clean);
    if (dl) {
      if (!meta.published) meta.published = dl.iso;
      if (dl.outlet && !meta.outlet) meta.outlet = dl.outlet;
      out[i] = { kind: 'meta', s, e };
      continue;
    }
    if (META_LABEL.test(clean) || isLinkOnly(raw)) {
      out[i] = { kind: 'meta', s, e };
      continue;
    }
    if (!seenTitle && nonblank === 1 && isTitleLike(clean) && nextNonblank(i) >= 0) {
      meta.title = clean;
      seenTitle = true;
      out[i] = { kind: 'heading', s, e };
      continue;
    }
    if (
      seenTitle &&
      !meta.author &&
      isPersonName(clean.replace(/^by\s+/i, ''), 2) &&
      (dateLineAt(nextNonblank(i)) || dateLineAt(prevNonblank(i)))
    ) {
      meta.author = clean.replace(/^by\s+/i, '');
      out[i] = { kind: 'meta', s, e };
      continue;
    }
    break;
  }
  const headerEnd = i;
  // ---- body ---------------------------------------------------------------------------
  // count nonblank body lines to know what "the second half" is
  let total = 0;
  for (let k = headerEnd; k < lines.length; k++) if (!out[k] && !isBlankLine(lines[k])) total++;
  let seen = 0;
  let inFence = false;
  let fenceMark = '';
  let footer = false;
  let firstBody = true;

  for (let k = 0; k < lines.length; k++) {
    if (out[k]) continue;
    const ln = lines[k];
    const [s, e] = trimRange(text, ln.start, ln.end);
    if (s === e) {
      out[k] = { kind: 'blank', s, e };
      continue;
    }
    seen++;
    if (footer) {
      out[k] = { kind: 'footer', s, e };
      continue;
    }
    const long = e - s > SHORT;
    const head = text.slice(s, Math.min(e, s + 200));

    if (md) {
      const fm = /^(```+|~~~+)/.exec(head);
      if (inFence) {
        if (fm && fm[1][0] === fenceMark[0] && fm[1].length >= fenceMark.length) inFence = false;
        out[k] = { kind: 'skip', s, e };
        continue;
      }
      if (fm) {
        inFence = true;
        fenceMark = fm[1];
        out[k] = { kind: 'skip', s, e };
        continue;
      }
    }
    if (HEADING.test(head)) {
      const [hs, he] = headingContent(text, s, e);
      if (!long) {
        const clean = cleanInline(text.slice(hs, he));
        if (isFooterLine(clean)) {
          out[k] = { kind: 'footer', s, e };
          if (seen * 2 >= total) footer = true;
          continue;
        }
      }
      out[k] = hs < he ? { kind: 'heading', s: hs, e: he } : { kind: 'skip', s, e };
      continue;
    }
    if (long) {
      out[k] = { kind: 'prose', s, e };
      firstBody = false;
      continue;
    }
    const raw = text.slice(s, e);
    const clean = cleanInline(raw.replace(/^(?:>\s?)+/, ''));
    if (md && /^(?:=+|-+)$/.test(raw)) {
      // setext heading underline: the previous line (a one-line paragraph) is a heading
      const p = k - 1;
      if (p >= 0 && out[p]?.kind === 'prose' && (p === 0 || out[p - 1]?.kind === 'blank' || out[p - 1]?.kind !== 'prose')) {
        out[p] = { kind: 'heading', s: out[p].s, e: out[p].e };
      }
      out[k] = { kind: 'skip', s, e };
      continue;
    }
    if (isFooterLine(clean)) {
      out[k] = { kind: 'footer', s, e };
      if (seen * 2 >= total) footer = true;
      continue;
    }
    if (
      !hasLetter(raw) ||
      META_LABEL.test(clean) ||
      isLinkOnly(raw) ||
      (md && /^\|.*\|$/.test(raw)) ||
      /^<!--.*-->$/.test(raw) ||
      (md && /^<\/?[a-zA-Z][^<>]*>$/.test(raw)) ||
      (clean.length <= 80 && parseByline(raw) !== undefined) ||
      parseDateLine(clean) !== undefined
    ) {
      out[k] = { kind: 'skip', s, e };
      continue;
    }
    let ps = s;
    if (firstBody) {
      firstBody = false;
      const wire = parseWireDateline(raw);
      if (wire) {
        if (!meta.outlet) meta.outlet = wire.agency;
        if (WIRE_AGENCIES.has(wire.agency.toLowerCase()) && !meta.kind) meta.kind = 'wire' as SourceKind;
        ps = s + wire.length;
      }
    }
    const mk = markerLength(head);
    if (mk > 0) {
      out[k] = { kind: 'item', s: s + mk, e };
      continue;
    }
    out[k] = { kind: 'prose', s: ps, e };
  }

  // ---- spans --------------------------------------------------------------------------
  const prose: Span[] = [];
  const headings: Span[] = [];
  let prevKind: Kind = 'blank';
  let gap = false; // blank lines since the last prose line
  for (let k = 0; k < lines.length; k++) {
    const c = out[k];
    if (!c) continue;
    if (c.kind === 'blank') {
      gap = true;
      continue;
    }
    if (c.kind === 'heading') {
      if (c.s < c.e) headings.push({ start: c.s, end: c.e });
    } else if (c.kind === 'prose' || c.kind === 'item') {
      if (c.s < c.e) {
        const last = prose[prose.length - 1];
        const continues =
          last &&
          c.kind === 'prose' &&
          prevKind === 'prose' &&
          (!gap || (!endsSentence(text, last.end) && startsLower(text, c.s)));
        if (continues) last.end = c.e;
        else prose.push({ start: c.s, end: c.e });
      }
    }
    prevKind = c.kind;
    gap = false;
  }
  return { meta, prose, headings };
}

function endsSentence(text: string, end: number): boolean {
  const c = text[end - 1];
  return c !== undefined && '.!?:;"”’)]*_'.includes(c);
}

function startsLower(text: string, start: number): boolean {
  const c = text[start];
  return c !== undefined && c !== c.toUpperCase() && c === c.toLowerCase();
}

function isTitleLike(s: string): boolean {
  if (s.length < 3 || s.length > 200) return false;
  if (!/\p{L}/u.test(s)) return false;
  if (/[.,;:]$/.test(s) && !/\.\.\.$/.test(s) && !/\b[A-Z]\.$/.test(s)) return false;
  return s.split(/\s+/).length <= 30;
}
