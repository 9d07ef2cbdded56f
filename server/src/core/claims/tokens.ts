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
  // every character but white space is part of a match, so each match starts at the first non-space after
  // the previous one, where indexOf finds it (no match objects)
  let at = 0;
  for (const raw of text.match(TOKEN_RE) ?? []) {
    const index = text.indexOf(raw, at);
    at = index + raw.length;
    const c = raw.charCodeAt(0);
    let k: TokKind;
    if (c >= 48 && c <= 57) k = DIGITS;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f)) k = WORD;
    else k = PUNCT;
    let w = raw;
    if (k === WORD) {
      w = raw.toLowerCase();
      if (w.includes('\u2019')) w = w.replace(/\u2019/g, "'");
    }
    out.push({ s: index, e: index + raw.length, w, raw, k });
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
