/**
 * A small, linear tokenizer shared by the claim analysers.
 * Pure TypeScript: no Node built-ins.
 */

export const WORD = 0;
export const DIGITS = 1;
export const PUNCT = 2;
export type TokKind = 0 | 1 | 2;

export interface Tok {
  /** start offset in the sentence */
  s: number;
  /** end offset (exclusive) */
  e: number;
  /** lower-cased text (curly apostrophes folded to ') */
  w: string;
  /** text as written */
  raw: string;
  k: TokKind;
}

// Words (letters joined by apostrophes/hyphens), digit groups (digits joined by . or ,),
// or any other single non-space character. Each alternative is a simple greedy run whose
// repetition groups start with a distinct separator, so there is no catastrophic backtracking.
const TOKEN_RE = /[A-Za-z\u00C0-\u024F]+(?:['\u2019\-][A-Za-z\u00C0-\u024F]+)*|\d+(?:[.,]\d+)*|[^\sA-Za-z\u00C0-\u024F\d]/g;

export function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    const raw = m[0];
    const c = raw.charCodeAt(0);
    let k: TokKind;
    if (c >= 48 && c <= 57) k = DIGITS;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f)) k = WORD;
    else k = PUNCT;
    const w = k === WORD ? raw.toLowerCase().replace(/\u2019/g, "'") : raw;
    out.push({ s: m.index, e: m.index + raw.length, w, raw, k });
  }
  return out;
}

export function isCapitalized(t: Tok | undefined): boolean {
  if (!t || t.k !== WORD) return false;
  const c = t.raw.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde);
}

export function setOf(words: string): Set<string> {
  return new Set(words.split(/\s+/).filter(Boolean));
}
