/**
 * Meaning keys for matching a draft sentence with corpus claims without identical words: content words,
 * lightly stemmed, mapped through groups of general-English synonyms and paraphrases ("halted" ~ "stopped",
 * "march" ~ "advance", "acted alone" ~ "had no accomplices"). General vocabulary only.
 */
import { isStopword } from '../lexicon';
import { detached } from '../packed';

const PHRASES: [RegExp, string][] = [
  [
    /\bacted alone\b|\bno accomplices?\b|\bwithout (?:any )?(?:help|accomplices?)\b|\blone wolf\b|\bon (?:his|her|their) own\b|\bsingle[- ]handedly\b/gi,
    ' ~alone ',
  ],
  [
    /\bcarried out\b|\bcarry out\b|\bcarrying out\b|\bwas behind\b|\bwere behind\b|\bis behind\b|\bare behind\b|\bbehind the\b|\bresponsible for\b|\bresponsibility for\b|\bperpetrated\b|\bperpetrators? of\b|\barchitects? of\b|\bclaimed responsibility\b|\bclaim responsibility\b|\borchestrated\b|\bmasterminded\b|\bcaused(?: by)?\b|\bcause of\b|\bto blame\b|\bblamed (?:for|on)\b|\bat fault\b/gi,
    ' ~responsible ',
  ],
  [/\bin close touch\b|\bin contact\b|\bcontacts? with\b|\bconnection\b|\blinks? (?:to|with)\b|\blinked to\b|\bties to\b/gi, ' ~contact '],
  [/\bwatch ?list\b|\bs file\b|\bsurveillance list\b|\bterror list\b|\bthe list\b/gi, ' ~watchlist '],
  [/\bdeath toll\b/gi, ' ~kill '],
];

const SYNONYMS: string[][] = [
  ['halt', 'stop', 'stem', 'check', 'curb', 'block', 'hinder', 'contain', 'thwart', 'prevent'],
  ['advance', 'march', 'progress', 'push', 'expansion', 'spread', 'gain', 'offensive'],
  ['strike', 'airstrike', 'bombing', 'bombard', 'raid', 'sortie'],
  ['kill', 'dead', 'die', 'death', 'slain', 'slay', 'murder', 'fatality', 'victim', 'lose'],
  ['wound', 'injure', 'injury', 'hurt', 'casualty'],
  ['arrest', 'detain', 'custody', 'capture', 'apprehend'],
  ['return', 'come', 'back', 'reenter'],
  ['travel', 'go', 'went', 'gone', 'journey', 'leave'],
  ['genuine', 'authentic', 'real', 'valid', 'legitimate'],
  ['fake', 'forged', 'false', 'stolen', 'counterfeit'],
  ['passport', 'document', 'papers'],
  ['attack', 'assault', 'bomb', 'blast', 'explosion', 'shooting', 'massacre'],
  ['say', 'tell', 'state', 'claim', 'announce', 'declare'],
  ['work', 'succeed', 'effective', 'success'],
  ['double', 'expand', 'grow', 'increase', 'rise'],
  ['territory', 'land', 'ground', 'area'],
  ['group', 'organization', 'organisation', 'militia', 'movement'],
  ['bomber', 'attacker', 'assailant', 'gunman', 'militant', 'terrorist', 'jihadist', 'jihadi'],
  ['carry', 'bear', 'hold', 'possess', 'use'],
  ['fight', 'combat', 'battle', 'war'],
  ['ringleader', 'leader', 'mastermind', 'head', 'chief'],
  ['fire', 'blaze', 'flames', 'inferno'],
  ['deliberately', 'intentionally', 'purposely', 'arson', 'deliberate'],
  ['discharge', 'release', 'leak', 'spill', 'spillage', 'outflow'],
];
const CANON = new Map<string, string>();
for (const g of SYNONYMS) for (const w of g) CANON.set(w, g[0]);

const IRREGULAR: Record<string, string> = {
  went: 'go',
  gone: 'go',
  died: 'die',
  dies: 'die',
  dying: 'die',
  ran: 'run',
  told: 'tell',
  said: 'say',
  says: 'say',
  held: 'hold',
  left: 'leave',
  came: 'come',
  men: 'man',
  women: 'woman',
  children: 'child',
  people: 'people',
  bore: 'bear',
  was: 'be',
  were: 'be',
  is: 'be',
  are: 'be',
  been: 'be',
  had: 'have',
  has: 'have',
  did: 'do',
  fought: 'fight',
  brought: 'bring',
  found: 'find',
  led: 'lead',
  sought: 'seek',
  slain: 'slay',
  struck: 'strike',
};

export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['\u2019]s$/, '');
  if (IRREGULAR[w]) return IRREGULAR[w];
  if (w.length > 5 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 4 && w.endsWith('es') && /(ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  // (the act as its verb: "inspection" is "inspect", "election" "elect", "corruption" "corrupt")
  if (w.length > 7 && (w.endsWith('ction') || w.endsWith('ption'))) return w.slice(0, -3);
  if (w.length > 5 && w.endsWith('ing')) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith('ed')) w = undouble(w.slice(0, -2));
  if (w.length > 4 && w.endsWith('e') && !/(ee|ie|ye)$/.test(w)) w = w.slice(0, -1);
  return w;
}
function undouble(w: string): string {
  if (w.length > 3 && w[w.length - 1] === w[w.length - 2] && !/[lsz]/.test(w[w.length - 1])) return w.slice(0, -1);
  return w;
}

const CANON_STEMS = new Map<string, string>();
for (const [w, c] of CANON) CANON_STEMS.set(stem(w), c);

/** Canonical meaning keys of a piece of text. */
const PHRASE_HINT =
  /alone|accomplice|help|wolf|own\b|handed|carr|behind|responsib|perpetrat|architect|orchestrat|mastermind|caus|blame|fault|touch|contact|connection|link|ties|list|file|toll/i;
/** word as written -> its key, or '' for a stopword (one lookup per word; bounded) */
const keyCache = new Map<string, string>();
/** letters, as [\p{L}]: the ASCII class first is only faster */
const WORD_RE = /~?(?:[A-Za-z]|\p{L})+(?:['\u2019](?:[A-Za-z]|\p{L})+)?/gu;

export function meaningKeys(text: string): string[] {
  return wordKeys(rewritePhrases(text));
}

/** the text with its paraphrases replaced by their ~keys (the same string when it has none) */
function rewritePhrases(text: string): string {
  let t = text;
  if (PHRASE_HINT.test(text)) for (const [re, rep] of PHRASES) t = t.replace(re, rep);
  return t;
}

/** the keys of the words of a text whose paraphrases are rewritten */
function wordKeys(t: string): string[] {
  const out = new Set<string>();
  for (const w of t.match(WORD_RE) ?? []) {
    if (w.charCodeAt(0) === 126 /* ~ */) {
      out.add(w);
      continue;
    }
    const key = wordKey(w);
    if (key) out.add(key);
  }
  return [...out];
}

/** the key of one word as WORD_RE matches it, or '' (too short, a stopword) */
function wordKey(w: string): string {
  if (w.length < 3) return '';
  let key = keyCache.get(w);
  if (key === undefined) {
    // (a copy: a word cut from an article would keep the whole article in the cache; see `detached`)
    const own = detached(w);
    if (isStopword(own)) key = '';
    else {
      const s = stem(own);
      key = CANON.get(own.toLowerCase()) ?? CANON_STEMS.get(s) ?? s;
    }
    if (keyCache.size > 100000) keyCache.clear();
    keyCache.set(own, key);
  }
  return key;
}

const NO_KEYS: string[] = [];

/**
 * The keys `meaningKeys` takes from the words inside one token of text (a token: a piece with no white space that
 * no word of WORD_RE crosses the ends of), in order. Meant to be computed once per distinct token.
 */
export function tokenKeys(token: string): string[] {
  const words = token.match(WORD_RE);
  if (!words) return NO_KEYS;
  let out: string[] | undefined;
  for (const w of words) {
    const key = wordKey(w);
    if (key) (out ??= []).push(key);
  }
  return out ?? NO_KEYS;
}

/**
 * `meaningKeys(text)` for a sentence already cut into tokens that cover each of its words whole (no word of WORD_RE
 * crosses a token's ends), given each token's `tokenKeys` (a sentence with a paraphrase to rewrite, or a "~", is read
 * whole).
 */
export function meaningKeysOfTokens<T>(text: string, tokens: readonly T[], keysOf: (token: T) => string[]): string[] {
  const t = rewritePhrases(text);
  if (t !== text || text.includes('~')) return wordKeys(t);
  const out = new Set<string>();
  for (let k = 0; k < tokens.length; k++) {
    const keys = keysOf(tokens[k]);
    for (let i = 0; i < keys.length; i++) out.add(keys[i]);
  }
  return [...out];
}

const NEGATION =
  /\b(?:not|no|nobody|none|nothing|never|neither|nor|without|denied|denies|deny|dismissed|rejected|refuted)\b|n['\u2019]t\b/i;
export function hasNegation(text: string): boolean {
  return NEGATION.test(text);
}
