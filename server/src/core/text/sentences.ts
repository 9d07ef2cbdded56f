import type { Span } from '../model';

/**
 * Sentence and paragraph segmentation over spans of a text. Linear time: one pass over the characters,
 * no regex backtracking. Offsets are UTF-16 offsets into the text.
 */

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep pres rev hon ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'inc ltd co corp bros dept univ assn est approx vs etc al no nos vol fig p pp ca cf e.g i.e u.s u.k u.n a.m p.m rs'
  ).split(' '),
);

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** Paragraphs: runs of text separated by blank lines, trimmed, inside the given span. */
export function paragraphs(text: string, span: Span = { start: 0, end: text.length }): Span[] {
  const out: Span[] = [];
  let i = span.start;
  let paraStart = -1;
  let lastNonSpace = -1;
  while (i < span.end) {
    const lineEnd = nextLineEnd(text, i, span.end);
    let blank = true;
    for (let j = i; j < lineEnd; j++) {
      const c = text.charCodeAt(j);
      if (c !== 32 && c !== 9 && c !== 13 && c !== 0xa0) {
        blank = false;
        break;
      }
    }
    if (blank) {
      if (paraStart >= 0) out.push({ start: paraStart, end: lastNonSpace + 1 });
      paraStart = -1;
    } else {
      if (paraStart < 0) {
        paraStart = i;
        while (paraStart < lineEnd && /\s/.test(text[paraStart])) paraStart++;
      }
      let e = lineEnd - 1;
      while (e >= i && /\s/.test(text[e])) e--;
      lastNonSpace = e;
    }
    i = lineEnd + 1;
  }
  if (paraStart >= 0) out.push({ start: paraStart, end: Math.min(lastNonSpace + 1, span.end) });
  return out;
}

function nextLineEnd(text: string, from: number, limit: number): number {
  for (let j = from; j < limit; j++) {
    const c = text.charCodeAt(j);
    if (c === 10 || c === 13) return j;
  }
  return limit;
}

const CLOSERS = new Set(['"', "'", '\u201d', '\u2019', ')', ']', '*', '_']);

/** Sentences inside a span (typically a paragraph). A line break inside a paragraph does not end a sentence. */
export function sentences(text: string, span: Span): Span[] {
  const out: Span[] = [];
  let start = span.start;
  while (start < span.end && isSpace(text.charCodeAt(start))) start++;
  let i = start;
  while (i < span.end) {
    const ch = text[i];
    if (ch === '.' || ch === '?' || ch === '!' || ch === '\u2026') {
      let j = i + 1;
      while (j < span.end && (text[j] === '.' || text[j] === '?' || text[j] === '!')) j++;
      while (j < span.end && CLOSERS.has(text[j])) j++;
      if (j >= span.end) break;
      if (!isSpace(text.charCodeAt(j))) {
        i = j;
        continue;
      }
      // look at what comes next
      let k = j;
      while (k < span.end && isSpace(text.charCodeAt(k))) k++;
      if (k >= span.end) break;
      const next = text[k];
      const startsNew = isUpper(next) || /[0-9"'\u201c\u2018(\[*_#-]/.test(next);
      if (startsNew && !(ch === '.' && isAbbreviation(text, start, i))) {
        out.push(trimSpan(text, { start, end: j }));
        start = k;
        i = k;
        continue;
      }
      i = j;
      continue;
    }
    i++;
  }
  if (start < span.end) {
    const s = trimSpan(text, { start, end: span.end });
    if (s.end > s.start) out.push(s);
  }
  return out;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

function isAbbreviation(text: string, sentStart: number, dot: number): boolean {
  let w = dot - 1;
  while (w >= sentStart && /[A-Za-z.]/.test(text[w])) w--;
  const word = text.slice(w + 1, dot).toLowerCase();
  if (word.length === 0) return false;
  if (ABBREVIATIONS.has(word)) return true;
  // single capital letter initial: "Michael T. Flynn"
  if (word.length === 1 && /[a-z]/.test(word)) return true;
  // dotted acronym "U.S."
  if (/^([a-z]\.)+[a-z]$/.test(word)) return true;
  return false;
}

export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/** The line holding `offset`: the index of the last of the ascending line `starts` at or before it (`starts[0]` is 0). */
export function lineAt(starts: ArrayLike<number>, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Converts a UTF-16 offset to {line, character} using precomputed line starts. */
export class LineMap {
  private readonly starts: number[] = [0];
  /** the text's length (the map keeps no reference to the text) */
  private readonly length: number;
  /** `text`: the text, or the starts of its lines (`lineStarts`) and its length */
  constructor(text: string | { starts: ArrayLike<number>; length: number }) {
    this.length = text.length;
    if (typeof text !== 'string') {
      this.starts = Array.from(text.starts);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }
  position(offset: number): { line: number; character: number } {
    offset = Math.max(0, Math.min(offset, this.length));
    const line = lineAt(this.starts, offset);
    return { line, character: offset - this.starts[line] };
  }
  offset(pos: { line: number; character: number }): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.length;
    const lineStart = this.starts[pos.line];
    const lineEnd = pos.line + 1 < this.starts.length ? this.starts[pos.line + 1] : this.length;
    return Math.min(lineStart + Math.max(0, pos.character), lineEnd);
  }
  /** where each line starts (the first at 0) */
  lineStarts(): Int32Array {
    return Int32Array.from(this.starts);
  }
  get lineCount(): number {
    return this.starts.length;
  }
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }
}
