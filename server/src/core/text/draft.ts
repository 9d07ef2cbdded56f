import type { FindingCode, Span } from '../model';
import { LineMap } from './sentences';

/**
 * The prose of a draft: code, URLs, link targets, HTML comments and tags, and front matter are blanked out
 * (replaced by spaces, so every offset stays true to the document). Headings are recorded apart.
 */
export interface DraftText {
  /** same length as the input; non-prose characters replaced by spaces */
  masked: string;
  headings: Span[];
  /** suppression directives found in the draft */
  directives: Directive[];
}

export interface Directive {
  kind: 'disable-next-line' | 'disable-line' | 'disable' | 'enable' | 'disable-file';
  /** empty = all codes */
  codes: string[];
  /** 0-based line the directive is on */
  line: number;
  span: Span;
}

const KNOWN_CODES = new Set(['disputed-claim', 'disputed-entity', 'unknown-spelling']);

const SPACE = 32;
const LF = 10;
const CR = 13;

/** The text's UTF-16 code units, to blank in place (an array of one-character strings, split and joined again, took
 * ~0.9 of the ~1.4 ms a 5,000-word draft's masking took, on every re-check after a keystroke). */
function codeUnits(text: string): Uint16Array {
  const chars = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) chars[i] = text.charCodeAt(i);
  return chars;
}

/** The string of these code units, exactly (a lone surrogate stays one, as no decoder would keep it). */
function fromCodeUnits(chars: Uint16Array): string {
  let s = '';
  for (let i = 0; i < chars.length; i += 8192) s += String.fromCharCode.apply(null, chars.subarray(i, i + 8192) as unknown as number[]);
  return s;
}

function blank(chars: Uint16Array, start: number, end: number): void {
  for (let i = start; i < end && i < chars.length; i++) {
    const c = chars[i];
    if (c !== LF && c !== CR) chars[i] = SPACE;
  }
}

export function draftText(text: string, languageId: string): DraftText {
  const markdown = languageId === 'markdown' || languageId === 'md';
  const chars = codeUnits(text);
  const headings: Span[] = [];
  const directives: Directive[] = [];

  // directives and HTML comments (both languages: plain-text drafts use the same directive syntax);
  // found with indexOf so an unclosed "<!--" costs one scan, not one per opener
  // (lines are counted as LineMap counts them, as the findings they suppress are)
  const lines = new LineMap(text);
  for (let at = text.indexOf('<!--'); at >= 0;) {
    const close = text.indexOf('-->', at + 4);
    if (close < 0) break;
    const span = { start: at, end: close + 3 };
    const body = text.slice(at + 4, close).trim();
    at = text.indexOf('<!--', close + 3);
    const d = /^corroborate-(disable-next-line|disable-line|disable-file|disable|enable)\b([^]*)$/.exec(body);
    if (d) {
      const rest = d[2].split(/\s--\s/)[0];
      const codes = rest
        .split(/[\s,]+/)
        .map((c) => c.trim())
        .filter((c) => c.length > 0);
      directives.push({
        kind: d[1] as Directive['kind'],
        codes,
        line: lines.position(span.start).line,
        span,
      });
    }
    blank(chars, span.start, span.end);
  }
  let m: RegExpExecArray | null;

  // URLs and e-mail addresses
  // bounded parts: an address's local part is at most 64 characters, so long runs of word characters stay linear
  const urlRe = /\b(?:https?:\/\/|www\.)[^\s<>()\]]+|(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]{1,190}/g;
  while ((m = urlRe.exec(text))) blank(chars, m.index, m.index + m[0].length);

  if (markdown) {
    // front matter
    const fm = /^---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)\s*(?:\r?\n|$)/.exec(text);
    if (fm) blank(chars, 0, fm[0].length);
    // fenced code blocks
    const lines = text.split('\n');
    let offset = 0;
    let fence: string | null = null;
    let fenceStart = 0;
    for (const line of lines) {
      const lineEnd = offset + line.length;
      const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
      if (fence === null && f) {
        fence = f[1][0];
        fenceStart = offset;
      } else if (fence !== null && f && f[1][0] === fence) {
        blank(chars, fenceStart, lineEnd);
        fence = null;
      } else if (fence === null) {
        const h = /^\s{0,3}(#{1,6})\s+/.exec(line);
        if (h) {
          headings.push({ start: offset + h[0].length, end: lineEnd });
          blank(chars, offset, offset + h[0].length);
        }
        // footnote definitions are citations, not claims
        if (/^\[\^[^\]]+\]:/.test(line)) blank(chars, offset, lineEnd);
        // block quote / list markers
        const marker = /^\s*(?:>\s?)+|^\s*(?:[-*+]|\d+[.)])\s+/.exec(line);
        if (marker && !h) blank(chars, offset, offset + marker[0].length);
      }
      offset = lineEnd + 1;
    }
    if (fence !== null) blank(chars, fenceStart, text.length);
    // inline code
    const codeRe = /(`+)[^`]*?\1/g;
    while ((m = codeRe.exec(text))) blank(chars, m.index, m.index + m[0].length);
    // link targets and reference links: keep the link text
    const linkRe = /\]\([^)\s(]{0,2048}(?:\s+"[^"\n]{0,512}")?\)/g;
    while ((m = linkRe.exec(text))) blank(chars, m.index, m.index + m[0].length);
    const footRefRe = /\[\^[^\]]+\]/g;
    while ((m = footRefRe.exec(text))) blank(chars, m.index, m.index + m[0].length);
    // HTML tags and emphasis markers
    const tagRe = /<\/?[A-Za-z][^<>]*>/g;
    while ((m = tagRe.exec(text))) blank(chars, m.index, m.index + m[0].length);
    // ('*', '[', ']')
    for (let i = 0; i < chars.length; i++) if (chars[i] === 42 || chars[i] === 91 || chars[i] === 93) chars[i] = SPACE;
  }
  return { masked: fromCodeUnits(chars), headings, directives };
}

/** Is a finding with this code, starting on this 0-based line, suppressed by the draft's directives? */
export function isSuppressed(directives: Directive[], code: FindingCode | string, line: number): boolean {
  const applies = (d: Directive) => d.codes.length === 0 || d.codes.includes(code);
  let regionOff = false;
  for (const d of directives) {
    if (!applies(d)) continue;
    switch (d.kind) {
      case 'disable-file':
        return true;
      case 'disable-next-line':
        if (d.line + 1 === line) return true;
        break;
      case 'disable-line':
        if (d.line === line) return true;
        break;
      case 'disable':
        if (d.line <= line) regionOff = true;
        break;
      case 'enable':
        if (d.line <= line) regionOff = false;
        break;
    }
  }
  return regionOff;
}

/** Codes named in directives that Corroborate does not know (typos), for a warning. */
export function unknownDirectiveCodes(directives: Directive[]): { directive: Directive; code: string }[] {
  const out: { directive: Directive; code: string }[] = [];
  for (const d of directives) for (const c of d.codes) if (!KNOWN_CODES.has(c)) out.push({ directive: d, code: c });
  return out;
}
