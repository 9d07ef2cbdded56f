/**
 * Figures stated in a sentence: number + qualifier + what is counted + the measure.
 *
 * Pipeline (one linear pass over the sentence's tokens, then two small passes over the figures):
 *  1. find number phrases: digits ("1,400", "2.5 million", "$400m"), number words ("twenty-one",
 *     "two hundred and fifty", "a dozen"), vague plurals ("dozens", "hundreds", "tens of thousands"),
 *     ranges ("between 36 and 40", "two or three", "36-40");
 *  2. drop what is not a count: years, dates, times, ages, durations/distances (a unit
 *     word follows), ordinals and codes ("21st", "MH17"), references ("No. 10", "Flight 9525"),
 *     list numbering, "one of the", fractions ("one in five", "two thirds"), scores ("3-1"), the
 *     superseded end of "from X to Y";
 *  3. qualifier from the words before ("more than", "at least", "about", "almost", "up to", …) or
 *     after ("or more", "or so", "plus");
 *  4. counted noun from the words after ("34 people", "dozens of Taliban", "two truck drivers");
 *  5. measure, first hit wins: a list context ("a list of 400 people") → listed; money; a measure
 *     word in the noun slot ("34 dead", "750 deaths", "25 wounded people"); a verb just before the
 *     figure ("killed 130 people", "injuring at least 20"); the verb group after the noun ("130
 *     people were killed", "89 concert-goers were gunned down", "500 had traveled to Syria");
 *     a measure noun earlier in the clause ("the death toll rose to 34"); the noun "victims"/"bodies"
 *     (→ killed); then a predicate shared by coordinated figures ("five children and two drivers
 *     were killed", "150 soldiers, 95 civilians and hundreds of Taliban killed");
 *  6. "32 victims plus three bombers": both figures are returned with their own counted, and, if the
 *     sentence does not already state their total, a third figure for the sum (35) with counted
 *     'other' and noun "victims plus bombers" (mixed counts must not be compared with people only).
 */
import { isCount, type Counted, type Measure, type Qualifier, type Quantity } from '../model';
import {
  BE_WORDS,
  COUNTED,
  CURRENCY_SYMBOLS,
  CURRENCY_WORDS,
  isCurrencyCode,
  DATE_PREPS,
  FORWARD_STOP,
  FRACTIONS,
  LINK_WORDS,
  MEASURE_WORDS,
  MONTHS,
  NOUN_STOP,
  REF_WORDS,
  SCALE_ABBR,
  SCALE_WORDS,
  SLOT_MEASURES,
  SMALL_NUMBERS,
  TRANSITIVE,
  UNITS,
  VAGUE,
} from './lexicon';
import { DIGITS, PUNCT, Tok, WORD, isCapitalized, tokenize } from './tokens';

/** cheap pre-check: a digit or something that could start a number word */
const MAY_HAVE_NUMBER =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|score)/i;

const DIGITS_PLAIN = /^\d+(?:\.\d+)?$/;
const DIGITS_GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** Parses one number word or digit group: "1,400" → 1400, "twenty-one" → 21, "dozen" → 12. */
export function parseNumber(word: string): number | undefined {
  const w = word.trim().toLowerCase();
  if (w.length === 0 || w.length > 40) return undefined;
  const c = w.charCodeAt(0);
  if (c >= 48 && c <= 57) return parseDigits(w);
  if (w === 'dozen') return 12;
  if (w === 'hundred') return 100;
  const sc = SCALE_WORDS.get(w);
  if (sc !== undefined) return sc;
  const vague = VAGUE.get(w);
  if (vague) return vague[0];
  const parts = w.split('-');
  let v = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = SMALL_NUMBERS.get(parts[i]);
    if (p === undefined) return undefined;
    if (i > 0 && !(parts.length === 2 && v >= 20 && v % 10 === 0 && p < 10)) return undefined;
    v += p;
  }
  return v;
}

function parseDigits(s: string): number | undefined {
  if (DIGITS_PLAIN.test(s)) return Number(s);
  if (DIGITS_GROUPED.test(s)) return Number(s.replace(/,/g, ''));
  return undefined;
}

interface NumPhrase {
  /** token index range [start, end) */
  start: number;
  end: number;
  value: number;
  low: number;
  high: number;
  vague: boolean;
  digits: boolean;
  /** attached money abbreviation ("400m") */
  abbr: boolean;
  /** the phrase is the single word "one" */
  one: boolean;
  /** not a count (compound like "ten-storey", "21st", "6am"): skip it */
  excluded?: boolean;
}

interface Fig {
  start: number; // token index of the figure phrase (qualifier included)
  numStart: number;
  numEnd: number;
  end: number; // token index after the noun (or number)
  value: number;
  low: number;
  high: number;
  qualifier: Qualifier;
  measure?: Measure;
  predicate?: string;
  noun?: string;
  counted?: Counted;
  money: boolean;
  /** measure could be taken from a neighbour */
  own: boolean;
}

const isWord = (t: Tok | undefined, w: string): boolean => !!t && t.k === WORD && t.w === w;
const wordOf = (t: Tok | undefined): string => (t && t.k === WORD ? t.w : '');
const adjacent = (a: Tok | undefined, b: Tok | undefined): boolean => !!a && !!b && a.e === b.s;

function readNumber(toks: Tok[], i: number): NumPhrase | null {
  const t = toks[i];
  if (t.k === DIGITS) {
    const v = parseDigits(t.raw);
    let j = i + 1;
    const n = toks[j];
    let abbr = false;
    if (v === undefined)
      return { start: i, end: j, value: 0, low: 0, high: 0, vague: false, digits: true, abbr, one: false, excluded: true };
    let value = v;
    if (n && n.k === WORD && adjacent(t, n)) {
      const sc = SCALE_ABBR.get(n.w);
      if (sc !== undefined) {
        value *= sc;
        abbr = true;
        j++;
      } else {
        return { start: i, end: j + 1, value, low: value, high: value, vague: false, digits: true, abbr, one: false, excluded: true };
      }
    }
    while (j < toks.length && toks[j].k === WORD && SCALE_WORDS.has(toks[j].w)) {
      value *= SCALE_WORDS.get(toks[j].w)!;
      j++;
    }
    if (j < toks.length && toks[j].k === WORD && toks[j].w === 'hundred' && Number.isInteger(value) && value < 100) {
      value *= 100;
      j++;
    }
    return { start: i, end: j, value, low: value, high: value, vague: false, digits: true, abbr, one: false };
  }
  if (t.k !== WORD) return null;
  const w0 = t.w;
  // vague plurals
  if (w0 === 'tens' || w0 === 'hundreds') {
    const of = toks[i + 1];
    const big = toks[i + 2];
    if (isWord(of, 'of') && big && (big.w === 'thousands' || big.w === 'millions')) {
      const unit = big.w === 'thousands' ? 1e3 : 1e6;
      const mul = w0 === 'tens' ? 10 : 100;
      return {
        start: i,
        end: i + 3,
        value: 2 * mul * unit,
        low: 2 * mul * unit,
        high: 10 * mul * unit - 1,
        vague: true,
        digits: false,
        abbr: false,
        one: false,
      };
    }
  }
  const vague = VAGUE.get(w0);
  if (vague) {
    if (w0 === 'scores' && !isWord(toks[i + 1], 'of')) return null;
    return { start: i, end: i + 1, value: vague[0], low: vague[0], high: vague[1], vague: true, digits: false, abbr: false, one: false };
  }
  if (w0 === 'several' || w0 === 'few' || (w0 === 'a' && isWord(toks[i + 1], 'few'))) {
    const k = w0 === 'a' ? i + 2 : i + 1;
    const sw = wordOf(toks[k]);
    const base =
      sw === 'dozen' ? 'dozens' : sw === 'hundred' ? 'hundreds' : sw === 'thousand' ? 'thousands' : sw === 'million' ? 'millions' : '';
    if (!base) return null;
    const r = VAGUE.get(base)!;
    return { start: i, end: k + 1, value: r[0], low: r[0], high: r[1], vague: true, digits: false, abbr: false, one: false };
  }
  // number words
  let j = i;
  let total = 0;
  let cur = 0;
  let got = false;
  let last: '' | 'unit' | 'ten' | 'hundred' | 'scale' = '';
  while (j < toks.length) {
    const tk = toks[j];
    if (tk.k !== WORD) break;
    const w = tk.w;
    if ((w === 'a' || w === 'an') && !got) {
      const nx = wordOf(toks[j + 1]);
      if (nx === 'hundred' || nx === 'thousand' || nx === 'million' || nx === 'billion' || nx === 'dozen') {
        cur = 1;
        got = true;
        last = 'unit';
        j++;
        continue;
      }
      break;
    }
    if (w === 'and' && got && (last === 'hundred' || last === 'scale')) {
      const nx = wordOf(toks[j + 1]);
      if (nx && SMALL_NUMBERS.has(firstPart(nx))) {
        j++;
        continue;
      }
      break;
    }
    if (w.indexOf('-') > 0) {
      const parts = w.split('-');
      let k = 0;
      let pv = 0;
      while (k < parts.length && SMALL_NUMBERS.has(parts[k])) {
        const p = SMALL_NUMBERS.get(parts[k])!;
        if (k > 0 && !(pv >= 20 && pv % 10 === 0 && p < 10)) break;
        pv += p;
        k++;
      }
      if (k === 0) break;
      if (k < parts.length) {
        // "ten-storey", "three-day", "twenty-one-year-old": an adjective, not a count
        if (!got)
          return {
            start: i,
            end: j + 1,
            value: pv,
            low: pv,
            high: pv,
            vague: false,
            digits: false,
            abbr: false,
            one: false,
            excluded: true,
          };
        break;
      }
      if (last === 'unit' || last === 'ten') break;
      cur += pv;
      last = 'unit';
      got = true;
      j++;
      continue;
    }
    const sv = SMALL_NUMBERS.get(w);
    if (sv !== undefined) {
      if (last === 'unit' || (last === 'ten' && sv >= 10)) break;
      cur += sv;
      last = sv >= 20 && sv % 10 === 0 ? 'ten' : 'unit';
      got = true;
      j++;
      continue;
    }
    if (w === 'hundred' && got && last !== 'hundred' && last !== 'scale') {
      cur = (cur || 1) * 100;
      last = 'hundred';
      j++;
      continue;
    }
    if (w === 'dozen' && got && last === 'unit') {
      cur = (cur || 1) * 12;
      last = 'hundred';
      j++;
      continue;
    }
    const sc = SCALE_WORDS.get(w);
    if (sc !== undefined && got) {
      total += (cur || 1) * sc;
      cur = 0;
      last = 'scale';
      j++;
      continue;
    }
    break;
  }
  if (!got) return null;
  const value = total + cur;
  const one = j === i + 1 && w0 === 'one';
  return { start: i, end: j, value, low: value, high: value, vague: false, digits: false, abbr: false, one };
}

interface QualHit {
  q: Qualifier;
  n: number; // words used
}

const QUAL3: ReadonlyMap<string, Qualifier> = new Map([
  ['in excess of', 'more-than'],
  ['as many as', 'up-to'],
  ['no more than', 'at-most'],
  ['not more than', 'at-most'],
  ['no fewer than', 'at-least'],
  ['no less than', 'at-least'],
  ['not less than', 'at-least'],
  ['a total of', 'exact'],
  ['a minimum of', 'at-least'],
  ['a maximum of', 'at-most'],
]);
const QUAL2: ReadonlyMap<string, Qualifier> = new Map([
  ['more than', 'more-than'],
  ['greater than', 'more-than'],
  ['upwards of', 'more-than'],
  ['just over', 'more-than'],
  ['well over', 'more-than'],
  ['at least', 'at-least'],
  ['up to', 'up-to'],
  ['fewer than', 'less-than'],
  ['less than', 'less-than'],
  ['at most', 'at-most'],
  ['close to', 'almost'],
  ['just under', 'almost'],
  ['an estimated', 'about'],
]);
const QUAL1: ReadonlyMap<string, Qualifier> = new Map([
  ['over', 'more-than'],
  ['about', 'about'],
  ['around', 'about'],
  ['roughly', 'about'],
  ['approximately', 'about'],
  ['approx', 'about'],
  ['circa', 'about'],
  ['estimated', 'about'],
  ['some', 'some'],
  ['nearly', 'almost'],
  ['almost', 'almost'],
  ['under', 'less-than'],
  ['below', 'less-than'],
  // ("within 90 minutes", "within two days": a bound)
  ['within', 'at-most'],
]);

function qualifierBefore(toks: Tok[], k: number): QualHit | null {
  const w1 = wordOf(toks[k - 1]);
  if (!w1) return null;
  const w2 = wordOf(toks[k - 2]);
  const w3 = wordOf(toks[k - 3]);
  if (w3 && w2) {
    const q = QUAL3.get(`${w3} ${w2} ${w1}`);
    if (q) return { q, n: 3 };
  }
  if (w2) {
    const q = QUAL2.get(`${w2} ${w1}`);
    if (q) return { q, n: 2 };
  }
  const q = QUAL1.get(w1);
  if (q) return { q, n: 1 };
  return null;
}

/** "or more", "or so", "plus", "+": returns [qualifier, tokens used] */
function qualifierAfter(toks: Tok[], j: number): [Qualifier, number] | null {
  const t = toks[j];
  if (!t) return null;
  if (t.k === PUNCT && t.raw === '+') return ['at-least', 1];
  if (t.k !== WORD) return null;
  if (t.w === 'or') {
    const n = wordOf(toks[j + 1]);
    if (n === 'more') return ['at-least', 2];
    if (n === 'so') return ['about', 2];
    if (n === 'fewer' || n === 'less') return ['at-most', 2];
    return null;
  }
  if (t.w === 'plus' && !(toks[j + 1] && (toks[j + 1].k === DIGITS || SMALL_NUMBERS.has(firstPart(toks[j + 1].w))))) {
    return ['at-least', 1];
  }
  return null;
}

/** the number at tokens [k, b) is an increment: "N more" before what it counts (not "N more than", nor "twelve more"
 * alone: others), "another N", "a further N", "an additional N" */
function isIncrement(toks: Tok[], k: number, b: number): boolean {
  // ("injured twelve more": twelve others, a count; "recovered seven more bodies": added to one)
  if (wordOf(toks[b]) === 'more') {
    const next = wordOf(toks[b + 1]);
    return !!next && next !== 'than' && !/^(?:were|was|are|have|had|including|among|in|on|at|of|and|or|who|from)$/.test(next);
  }
  const w1 = wordOf(toks[k - 1]);
  if (w1 === 'another') return true;
  return (w1 === 'further' || w1 === 'additional') && (wordOf(toks[k - 2]) === 'a' || wordOf(toks[k - 2]) === 'an');
}

function bounds(q: Qualifier, v: number): [number, number] {
  const int = Number.isInteger(v);
  switch (q) {
    case 'exact':
      return [v, v];
    case 'more-than':
      return [int ? v + 1 : v, Infinity];
    case 'at-least':
      return [v, Infinity];
    case 'about':
    case 'some':
      return [Math.floor(v * 0.9 + 1e-9), Math.ceil(v * 1.1 - 1e-9)];
    case 'almost':
      return [Math.floor(v * 0.9 + 1e-9), v];
    case 'up-to':
    case 'at-most':
      return [0, v];
    case 'less-than':
      return [0, int ? v - 1 : v];
  }
}

interface Pred {
  measure: Measure;
  /** token index after the predicate */
  end: number;
  text: string;
}

const KILLED_ADJ = new Set(['killed', 'dead']);
const WOUNDED_ADJ = new Set(['wounded', 'injured', 'hurt']);

/** a measure predicate starting at token k (single or multi-word), or null */
function predicateAt(toks: Tok[], k: number, sentence: string): Pred | null {
  const t = toks[k];
  if (!t || t.k !== WORD) return null;
  const w = t.w;
  const n1 = wordOf(toks[k + 1]);
  const span = (a: number, b: number): string => sentence.slice(toks[a].s, toks[b].e);
  switch (w) {
    case 'lost':
      if (n1 === 'their' || n1 === 'his' || n1 === 'her') {
        const n2 = wordOf(toks[k + 2]);
        if (n2 === 'lives' || n2 === 'life') return { measure: 'killed', end: k + 3, text: span(k, k + 2) };
      }
      return null;
    case 'gunned':
    case 'cut':
      return n1 === 'down' ? { measure: 'killed', end: k + 2, text: span(k, k + 1) } : null;
    case 'shot':
      return n1 === 'dead' ? { measure: 'killed', end: k + 2, text: span(k, k + 1) } : null;
    case 'death':
      return n1 === 'toll' ? { measure: 'killed', end: k + 2, text: span(k, k + 1) } : null;
    case 'gone':
    case 'went':
    case 'headed':
    case 'go':
      return n1 === 'to' || n1 === 'abroad' ? { measure: 'travelled', end: k + 1, text: t.raw } : null;
    case 'left':
      return n1 === 'for' ? { measure: 'travelled', end: k + 1, text: t.raw } : null;
    case 'come':
    case 'came':
    case 'coming':
      return n1 === 'back' ? { measure: 'returned', end: k + 2, text: span(k, k + 1) } : null;
    case 'in':
    case 'into':
      if (n1 === 'custody') return { measure: 'arrested', end: k + 2, text: span(k, k + 1) };
      // "64 children in hospital" (as "hospitalised": among the hurt)
      return n1 === 'hospital' && w === 'in' ? { measure: 'wounded', end: k + 2, text: span(k, k + 1) } : null;
    // "87 pupils were admitted to hospital", "taken to hospital" (as "hospitalised")
    case 'admitted':
    case 'taken':
    case 'rushed': {
      if (n1 !== 'to') return null;
      const n2 = wordOf(toks[k + 2]);
      if (n2 === 'hospital' || n2 === 'hospitals') return { measure: 'wounded', end: k + 3, text: span(k, k + 2) };
      return n2 === 'the' && wordOf(toks[k + 3]) === 'hospital' ? { measure: 'wounded', end: k + 4, text: span(k, k + 3) } : null;
    }
    case 'under':
      return n1 === 'arrest' ? { measure: 'arrested', end: k + 2, text: span(k, k + 1) } : null;
    case 'held': {
      const p = wordOf(toks[k - 1]);
      return BE_WORDS.has(p) ? { measure: 'arrested', end: k + 1, text: t.raw } : null;
    }
    // aboard: "212 passengers were on board"
    case 'on':
      return n1 === 'board' ? { measure: 'aboard', end: k + 2, text: span(k, k + 1) } : null;
    // a crowd: "4,000 people took part", "25,000 turned out", "about 4,000 people were there"
    case 'there':
      return BE_WORDS.has(wordOf(toks[k - 1])) && k + 1 >= toks.length - 1
        ? { measure: 'attended', end: k + 1, text: span(k - 1, k) }
        : null;
    case 'took':
    case 'take':
    case 'taking':
      return n1 === 'part' ? { measure: 'attended', end: k + 2, text: span(k, k + 1) } : null;
    case 'turned':
    case 'turn':
      return n1 === 'out' ? { measure: 'attended', end: k + 2, text: span(k, k + 1) } : null;
    // jobs: "200 workers were laid off", "made redundant", "1,100 job losses"
    case 'laid':
      return n1 === 'off' ? { measure: 'jobs', end: k + 2, text: span(k, k + 1) } : null;
    case 'made':
      return n1 === 'redundant' ? { measure: 'jobs', end: k + 2, text: span(k, k + 1) } : null;
    case 'job':
      return n1 === 'losses' || n1 === 'cuts' ? { measure: 'jobs', end: k + 2, text: span(k, k + 1) } : null;
    default:
      break;
  }
  const m = MEASURE_WORDS.get(w);
  if (!m) return null;
  // "killed or injured", "dead and wounded"
  if (KILLED_ADJ.has(w) && (n1 === 'and' || n1 === 'or') && WOUNDED_ADJ.has(wordOf(toks[k + 2]))) {
    return { measure: 'killed-and-wounded', end: k + 3, text: span(k, k + 2) };
  }
  if (w === 'toll' && wordOf(toks[k - 1]) === 'death') return { measure: 'killed', end: k + 1, text: span(k - 1, k) };
  return { measure: m, end: k + 1, text: t.raw };
}

/** w.split('-')[0] */
function firstPart(w: string): string {
  const i = w.indexOf('-');
  return i < 0 ? w : w.slice(0, i);
}

function isNumberStart(t: Tok | undefined): boolean {
  if (!t) return false;
  if (t.k === DIGITS) return true;
  return t.k === WORD && (SMALL_NUMBERS.has(firstPart(t.w)) || VAGUE.has(t.w));
}

const WORD_NUMBER_START = (w: string): boolean =>
  SMALL_NUMBERS.has(firstPart(w)) || VAGUE.has(w) || w === 'a' || w === 'an' || w === 'tens' || w === 'several' || w === 'few';

const TIME_AFTER = /\s?(?:[ap]\.\s?m\.?|[ap]m\b|o['\u2019]clock\b|(?:GMT|UTC|CET|BST|EST|EDT|PST|PDT)\b)/iy;

function isYear(p: NumPhrase, toks: Tok[]): boolean {
  if (!p.digits || p.end !== p.start + 1) return false;
  const raw = toks[p.start].raw;
  if (raw.length !== 4 || raw.indexOf(',') >= 0 || raw.indexOf('.') >= 0) return false;
  return p.value >= 1900 && p.value <= 2099;
}

/**
 * Figures stated in one sentence: number + qualifier + what is counted + the measure.
 * `offset` is added to spans.
 */
export function extractQuantities(sentence: string, offset = 0): Quantity[] {
  if (!MAY_HAVE_NUMBER.test(sentence)) return [];
  const toks = tokenize(sentence);
  const n = toks.length;
  const figs: Fig[] = [];
  let i = 0;
  while (i < n) {
    const t = toks[i];
    if (t.k === PUNCT || (t.k === WORD && !WORD_NUMBER_START(t.w))) {
      i++;
      continue;
    }
    const p = readNumber(toks, i);
    if (!p) {
      i++;
      continue;
    }
    if (p.excluded) {
      i = Math.max(p.end, i + 1);
      continue;
    }
    const next = analyse(toks, p, sentence, figs);
    i = Math.max(next, i + 1);
  }
  if (figs.length === 0) return [];
  share(toks, figs);
  const out: Quantity[] = [];
  for (const f of figs) out.push(toQuantity(f, toks, offset));
  addPlusSums(toks, figs, out, offset);
  return out;
}

function toQuantity(f: Fig, toks: Tok[], offset: number): Quantity {
  const measure: Measure = f.measure ?? 'other';
  const counted: Counted = f.counted ?? (f.noun ? 'other' : measure === 'money' || measure === 'other' ? 'other' : 'people');
  const q: Quantity = {
    low: f.low,
    high: f.high,
    value: f.value,
    qualifier: f.qualifier,
    measure,
    counted,
    span: { start: toks[f.start].s + offset, end: toks[f.end - 1].e + offset },
  };
  if (f.noun) q.noun = f.noun;
  if (f.predicate) q.predicate = f.predicate;
  return q;
}

/**
 * Reads one figure whose number phrase is `p`; pushes it to `figs` unless it is not a count.
 * Returns the token index to continue from.
 */
const STREETS = new Set(['street', 'st', 'road', 'rd', 'avenue', 'ave', 'boulevard', 'lane', 'square', 'place', 'rue', 'way', 'drive']);

function analyse(toks: Tok[], p: NumPhrase, sentence: string, figs: Fig[]): number {
  const n = toks.length;
  let a = p.start;
  let b = p.end;
  const first = toks[a];
  const prev = toks[a - 1];
  const prevW = wordOf(prev);
  // codes glued to letters: "MH17", "F-16", "COVID-19"
  if (p.digits && prev && adjacent(prev, first)) {
    // (but a currency's letters: "R64 million")
    if (prev.k === WORD && !currencyPrefix(prev, first, toks[a + 1])) return b;
    if (prev.k === PUNCT && prev.raw === '-' && toks[a - 2] && toks[a - 2].k === WORD && adjacent(toks[a - 2], prev)) return b;
    if (prev.k === PUNCT && (prev.raw === ':' || prev.raw === '/') && toks[a - 2]?.k === DIGITS) return b;
  }
  // list numbering "1." / "(1)" at the start
  if (a === 0 && toks[b] && toks[b].k === PUNCT && (toks[b].raw === '.' || toks[b].raw === ')')) return b + 1;
  if (a === 1 && prev && prev.raw === '(' && toks[b]?.raw === ')') return b + 1;
  // references: "No. 10", "Flight 9525", "#3"
  if (REF_WORDS.has(prevW) || (prev && prev.raw === '#')) return b;
  if (prev && prev.raw === '.' && wordOf(toks[a - 2]) === 'no') return b;
  const nx = toks[b];
  const nxW = wordOf(nx);
  // times: "13:40", "9 a.m.", "0040 UTC", "at 9.30"
  if (p.digits) {
    if (
      nx &&
      nx.k === PUNCT &&
      (nx.raw === ':' || nx.raw === '/') &&
      adjacent(toks[b - 1], nx) &&
      toks[b + 1]?.k === DIGITS &&
      adjacent(nx, toks[b + 1])
    )
      return b + 2;
    TIME_AFTER.lastIndex = toks[b - 1].e;
    if (TIME_AFTER.test(sentence)) return b;
    // ("at 9.30", not "at 4.8 million lei" nor "at 4.8%")
    if (
      prevW === 'at' &&
      toks[a].raw.indexOf('.') > 0 &&
      !SCALE_WORDS.has(wordOf(toks[b - 1])) &&
      !SCALE_WORDS.has(nxW) &&
      !CURRENCY_WORDS.has(nxW) &&
      nx?.raw !== '%' &&
      nxW !== 'percent'
    )
      return b;
  }
  // a share told as a ratio: "one in five stallholders", "two in every three", "1 out of 4" (as 20%, 66.7%, 25%)
  if (!p.vague && (nxW === 'in' || (nxW === 'out' && wordOf(toks[b + 1]) === 'of'))) {
    let k = nxW === 'in' ? b + 1 : b + 2;
    if (wordOf(toks[k]) === 'every') k++;
    const of = toks[k] ? readNumber(toks, k) : null;
    if (of && !of.vague && of.value > p.value && of.value <= 1000 && Number.isInteger(p.value) && Number.isInteger(of.value)) {
      const ratio = { ...p, value: Math.round((1000 * p.value) / of.value) / 10 };
      figs.push(percentFig(toks, ratio, a, b, of.end));
      return of.end;
    }
  }
  // percentages: a share of something, compared as such ("38%", "12 per cent")
  const pct = nx && nx.k === PUNCT && nx.raw === '%' ? 1 : nxW === 'percent' ? 1 : nxW === 'per' && wordOf(toks[b + 1]) === 'cent' ? 2 : 0;
  if (pct) {
    if (!p.vague) figs.push(percentFig(toks, p, a, b, b + pct));
    return b + pct;
  }
  // durations: a time taken, compared as such ("11 months after the deadline", "for five years"), not an age ("25 years
  // old") nor a time ago ("two years ago")
  const days = DURATION_DAYS.get(nxW);
  if (days !== undefined && !p.vague) {
    const after = wordOf(toks[b + 1]);
    const age = after === 'old' || (after === 'of' && wordOf(toks[b + 2]) === 'age');
    if (!age && after !== 'ago' && !(prev && prev.raw === '-')) figs.push(durationFig(toks, p, a, b, days));
    return b + 1;
  }
  // units, durations, ages, distances ("5 km", "33 Earth days", "110 light-years")
  if (nxW && (UNITS.has(nxW) || UNITS.has(firstPart(nxW)))) return b + 1;
  if (isCapitalized(nx) && !COUNTED.has(nxW) && UNITS.has(wordOf(toks[b + 1]))) return b + 2;
  // addresses: "10 Downing Street"
  if (isCapitalized(nx) && STREETS.has(wordOf(toks[b + 1]))) return b + 2;
  // ages: "He was 95.", "Smith is 45,"
  if ((prevW === 'was' || prevW === 'is') && p.digits && p.value < 120 && (!nx || nx.raw === '.' || nx.raw === ',' || nx.raw === ';')) {
    const subj = toks[a - 2];
    if (subj && (subj.w === 'he' || subj.w === 'she' || (isCapitalized(subj) && a - 2 > 0))) return b;
  }
  // the end of a date range: "from July 13 to 17"
  if (
    (prevW === 'to' || prevW === 'and' || (prev && (prev.raw === '-' || prev.raw === '\u2013'))) &&
    toks[a - 2]?.k === DIGITS &&
    MONTHS.has(wordOf(toks[a - 3]))
  )
    return b;
  if (nx && nx.raw === '-' && adjacent(toks[b - 1], nx) && toks[b + 1]) {
    const after = toks[b + 1];
    if (after.k === WORD && adjacent(nx, after)) return b + 2; // "24-minute", "28-year-old"
  }
  for (let m = a - 1; m >= 0 && m >= a - 5 && toks[m].k !== PUNCT; m--) {
    const w = toks[m].w;
    if (w === 'aged' || w === 'age' || w === 'ages') return b; // "aged 15", "ranging in age from eleven to 75"
  }
  if (
    prev &&
    (prev.raw === ',' || prev.raw === '(') &&
    toks[a - 2]?.k === WORD &&
    p.digits &&
    p.value < 120 &&
    (!nx || nx.raw === ',' || nx.raw === ')' || (nx.raw === '.' && b + 1 >= toks.length))
  ) {
    return b; // "Jonas Albrecht, 26, ..." / "the suspect, 27, was" / "Smith (45)"
  }
  // fractions and ratios: "two thirds", "one in five", "3 out of 10"
  if (FRACTIONS.has(nxW)) return b + 1;
  if ((nxW === 'in' && isNumberStart(toks[b + 1])) || (nxW === 'out' && wordOf(toks[b + 1]) === 'of' && isNumberStart(toks[b + 2]))) {
    const q = readNumber(toks, nxW === 'in' ? b + 1 : b + 2);
    return q ? q.end : b + 1;
  }
  // dates
  if (MONTHS.has(prevW) && isCapitalized(prev) && (p.value <= 31 || isYear(p, toks))) return b;
  if (MONTHS.has(nxW) && isCapitalized(nx) && p.value <= 31 && p.digits) return b + 1;
  if (nxW === 'of' && MONTHS.has(wordOf(toks[b + 1])) && p.value <= 31) return b + 2;
  // years (a count only when a counted noun or measure word follows: "2000 people")
  if (isYear(p, toks)) {
    if (!(COUNTED.has(nxW) || SLOT_MEASURES.has(nxW))) return b;
  } else if (
    p.digits &&
    p.end === p.start + 1 &&
    /^1\d{3}$/.test(toks[a].raw) &&
    DATE_PREPS.has(prevW) &&
    !(nx && nx.k === WORD && !isCapitalized(nx))
  ) {
    return b; // "the Act of 1867"
  }
  // "from fourteen to 31": the first figure is superseded
  if (prevW === 'from' && nxW === 'to' && isNumberStart(toks[b + 1])) return b;

  let value = p.value;
  let low = p.low;
  let high = p.high;
  let qualifier: Qualifier | undefined = p.vague ? 'at-least' : undefined;

  // ranges: "between 36 and 40", "36 to 40", "two or three", "36-40"
  if (nx && isNumberStart(toks[b + 1])) {
    const sep = nx.k === WORD ? nx.w : nx.raw;
    const dash = sep === '-' || sep === '\u2013';
    const ok = (prevW === 'between' && sep === 'and') || (prevW !== 'between' && (sep === 'to' || sep === 'or' || dash));
    if (ok && (!dash || adjacent(toks[b - 1], nx) || (toks[b + 1] && adjacent(nx, toks[b + 1])))) {
      const q = readNumber(toks, b + 1);
      if (q && !q.excluded) {
        // "five to six million": the first figure shares the scale
        const qs = SCALE_WORDS.get(wordOf(toks[q.end - 1]));
        if (qs && p.end === p.start + 1 && p.value < 1000) {
          p = { ...p, value: p.value * qs, low: p.low * qs, high: p.high * qs };
        }
        if (q.value > p.value) {
          if (prevW === 'between') a = a - 1;
          value = p.value;
          low = p.low;
          high = q.high;
          qualifier = 'at-least';
          b = q.end;
        } else if (dash) {
          return q.end; // a score: "3-1"
        }
      }
    }
  }

  // money symbol before
  let k = a;
  let money = p.abbr;
  if (prev && prev.k === PUNCT && CURRENCY_SYMBOLS.has(prev.raw)) {
    money = true;
    k = a - 1;
    if (wordOf(toks[k - 1]) === 'us' && adjacent(toks[k - 1], prev)) k--;
  } else if (prev && prev.k === WORD && (currencyPrefix(prev, toks[a], toks[a + 1]) || isCurrencyCode(prev.raw))) {
    // "R64 million", "Rs 40 crore", "RM2.5 billion", "CHF 20 million"
    money = true;
    k = a - 1;
  } else if (
    prev?.raw === '.' &&
    toks[a - 2]?.k === WORD &&
    toks[a - 2].raw.length > 1 &&
    LETTER_CURRENCIES.has(toks[a - 2].raw) &&
    adjacent(toks[a - 2], prev)
  ) {
    // "Rs. 25,000"
    money = true;
    k = a - 2;
  } else if (p.abbr) {
    return b; // "5m" without a currency: a distance
  }
  // what was added to a count is no count ("recovered seven more bodies", "another 12 were killed", "a further 31")
  if (isIncrement(toks, k, b)) return b;
  // qualifier before
  let start = k;
  if (!qualifier) {
    const qh = qualifierBefore(toks, k);
    if (qh) {
      qualifier = qh.q;
      start = k - qh.n;
    }
  }
  // the word "some" / "an estimated" before a vague plural is not a qualifier; keep vague's range
  let j = b;
  if (!qualifier) {
    const qa = qualifierAfter(toks, j);
    if (qa) {
      qualifier = qa[0];
      j += qa[1];
    }
  }

  // noun after the number
  let noun: string | undefined;
  let counted: Counted | undefined;
  let nounEnd = -1;
  let slotMeasure: Measure | undefined;
  let slotPred: string | undefined;
  let candidate = -1;
  let m = j;
  if (isWord(toks[m], 'of')) {
    const w = wordOf(toks[m + 1]);
    if (w === 'the' || w === 'these' || w === 'those' || w === 'their' || w === 'its') m += 2;
    else if (w === 'them' || w === 'whom' || w === 'us') {
      if (p.one) return b;
      nounEnd = m + 2; // "four of whom": no noun
      m = n;
    } else m += 1;
    if (p.one && m < n) return b; // "one of the"
  }
  // money word after: "400 million euros", "one million US dollars"
  if ((wordOf(toks[m]) === 'us' || wordOf(toks[m]) === 'u') && CURRENCY_WORDS.has(wordOf(toks[m + 1]))) m++;
  if (CURRENCY_WORDS.has(wordOf(toks[m])) && (p.digits || wordOf(toks[m]) !== 'pound')) {
    money = true;
    noun = toks[m].raw;
    nounEnd = m + 1;
  } else if (!money) {
    for (let steps = 0; steps < 4 && m < n; steps++, m++) {
      const tk = toks[m];
      if (tk.k !== WORD) break;
      const w = tk.w;
      if (SLOT_MEASURES.has(w)) {
        if (!slotMeasure) {
          const pr = predicateAt(toks, m, sentence);
          if (pr) {
            slotMeasure = pr.measure;
            slotPred = pr.text;
            nounEnd = pr.end;
            m = pr.end - 1;
            continue;
          }
        }
        break;
      }
      let c = COUNTED.get(w);
      if (c === undefined && w.indexOf('-') > 0) c = COUNTED.get(w.slice(w.lastIndexOf('-') + 1));
      if (c === undefined && isCapitalized(tk) && m > a && (w.endsWith('ans') || w.endsWith('ese') || w.endsWith('men'))) c = 'people';
      if (c !== undefined) {
        let e = m + 1;
        // "police officers", "security forces"
        if (toks[e] && toks[e].k === WORD && COUNTED.get(toks[e].w) === c) e++;
        noun = sentence.slice(tk.s, toks[e - 1].e);
        counted = c;
        nounEnd = e;
        break;
      }
      if (w === 'more') continue;
      if (NOUN_STOP.has(w) || isNumberStart(tk) || MONTHS.has(w) || MEASURE_WORDS.has(w)) break;
      if (isCapitalized(tk)) continue; // "34 Belgian soldiers"
      if (w.endsWith('ed') || w.endsWith('ing') || w.endsWith('ly')) {
        if (steps === 0) continue; // "11,187 recorded accidents"
        break;
      }
      candidate = m;
      if (w.endsWith('s')) break; // a plural noun ends the noun phrase: "48 apartments"
    }
    if (!noun && !slotMeasure && candidate >= 0) {
      noun = toks[candidate].raw;
      nounEnd = candidate + 1;
    }
  }
  if (nounEnd < 0) nounEnd = j;
  // post qualifier after the noun: "66 people or more"
  if (!qualifier) {
    const qa = qualifierAfter(toks, nounEnd);
    if (qa) {
      qualifier = qa[0];
      nounEnd += qa[1];
    }
  }
  // "one" must count something explicit: "one person", "one dead"
  if (p.one && !(counted || slotMeasure)) return b;
  if (p.one && wordOf(toks[a - 1]) === 'no') return b;

  if (!qualifier) qualifier = 'exact';
  if (!p.vague && low === high) [low, high] = bounds(qualifier, value);
  else if (p.vague && qualifier !== 'at-least') {
    // a qualified vague plural: keep its range
  }

  const fig: Fig = {
    start,
    numStart: a,
    numEnd: b,
    end: Math.max(nounEnd, b),
    value,
    low,
    high,
    qualifier,
    noun,
    counted: money ? 'other' : counted,
    money,
    own: false,
  };
  if (money) {
    fig.measure = 'money';
    fig.own = true;
  } else {
    findMeasure(toks, fig, slotMeasure, slotPred, sentence, figs);
  }
  figs.push(fig);
  return fig.end;
}

const AUX_AFTER_COMMA = new Set(['have', 'has', 'had', 'were', 'was', 'are', 'is']);
/** measure nouns that may sit earlier in the clause: "the death toll rose to 34", "the number of dead" */
const BACK_NOUNS = new Set([
  'toll',
  'deaths',
  'fatalities',
  'casualties',
  'injuries',
  'arrests',
  'detentions',
  // "the police put the crowd at about 4,000", "the number of jobs lost at 640"
  'crowd',
  'turnout',
  'attendance',
  'jobs',
  'redundancies',
]);
/** Currencies written as letters joined to the number: the rand, rupee, ringgit, rupiah and shilling ("R64 million",
 * "Rs40 crore"; "Rs" and "Rp" also with a space). */
const LETTER_CURRENCIES = new Set(['R', 'Rs', 'RM', 'Rp', 'Ksh', 'KSh']);
function currencyPrefix(t: Tok, num: Tok, after: Tok | undefined): boolean {
  if (!LETTER_CURRENCIES.has(t.raw) || !(adjacent(t, num) || t.raw.length > 1)) return false;
  // (a lone "R" is a road's too, "the R40": a sum has a scale or its digits grouped, "R64 million", "R1,200", "R2.5m")
  return t.raw !== 'R' || /[.,]/.test(num.raw) || (!!after && after.k === WORD && (SCALE_WORDS.has(after.w) || SCALE_ABBR.has(after.w)));
}
/** ISO codes written before a sum ("CHF 20 million", "USD 1.2 billion") */

/** A figure of its own unit, a share or a time (not a count): its qualifier before it, its number [a, b), its unit's
 * end `end`, its bounds from its qualifier and value. */
function unitFig(
  toks: Tok[],
  p: NumPhrase,
  a: number,
  b: number,
  end: number,
  measure: 'percent' | 'duration',
  boundsOf: (q: Qualifier, v: number) => [number, number],
): Fig {
  const qh = qualifierBefore(toks, a);
  const qualifier = qh?.q ?? 'exact';
  const [low, high] = boundsOf(qualifier, p.value);
  return {
    start: a - (qh?.n ?? 0),
    numStart: a,
    numEnd: b,
    end,
    value: p.value,
    low,
    high,
    qualifier,
    measure,
    predicate: measure === 'percent' ? '%' : toks[b].raw,
    counted: 'other',
    money: false,
    own: true,
  };
}

/** A share ("about 38%", "12 per cent"): its number [a, b), its sign's end `end`. */
function percentFig(toks: Tok[], p: NumPhrase, a: number, b: number, end: number): Fig {
  return unitFig(toks, p, a, b, end, 'percent', bounds);
}

/** units of time, in days */
const DURATION_DAYS = new Map<string, number>([
  ['minute', 1 / 1440],
  ['minutes', 1 / 1440],
  ['hour', 1 / 24],
  ['hours', 1 / 24],
  ['day', 1],
  ['days', 1],
  ['week', 7],
  ['weeks', 7],
  ['month', 30.44],
  ['months', 30.44],
  ['year', 365.25],
  ['years', 365.25],
  ['decade', 3652.5],
  ['decades', 3652.5],
]);

/**
 * A time taken ("about 11 months"): its number [a, b) and unit (at b, `days` a unit); its bounds in days. A time is
 * told to its unit: "14 months" is 14 ± a quarter of a month, so "12 months" and "a year" agree and "18 months" and
 * "two years" do not; "more than two years" is over 730 days, not three years or more.
 */
function durationFig(toks: Tok[], p: NumPhrase, a: number, b: number, days: number): Fig {
  const slack = 0.25;
  const f = unitFig(toks, p, a, b, b + 1, 'duration', (q, v) =>
    q === 'more-than' || q === 'at-least'
      ? [v * days, Infinity]
      : q === 'less-than' || q === 'up-to' || q === 'at-most'
        ? [0, v * days]
        : q === 'almost'
          ? [(0.9 * v - slack) * days, v * days]
          : q === 'exact'
            ? [(v - slack) * days, (v + slack) * days]
            : [(0.9 * v - slack) * days, (1.1 * v + slack) * days],
  );
  return { ...f, noun: toks[b].raw };
}

/** nouns of people employed somewhere */
const EMPLOYED = new Set(['employees', 'workers', 'staff', 'jobs', 'posts', 'positions', 'miners', 'employee', 'worker']);
/** "a crowd of 5,000", "a turnout of 40,000" */
const CROWD_OF = new Set(['crowd', 'crowds', 'turnout', 'attendance', 'gathering']);
const BACK_ADJ = new Set(['dead', 'killed', 'injured', 'wounded', 'arrested', 'detained']);

const LIST_NOUNS = new Set(['list', 'lists', 'names', 'watchlist', 'database', 'register', 'roster', 'files']);

function findMeasure(
  toks: Tok[],
  f: Fig,
  slotMeasure: Measure | undefined,
  slotPred: string | undefined,
  sentence: string,
  figs: Fig[],
): void {
  const set = (m: Measure, pred: string): void => {
    f.measure = m;
    f.predicate = pred;
    f.own = true;
  };
  const k = f.start;
  const w1 = wordOf(toks[k - 1]);
  // a. list context
  if ((w1 === 'of' || w1 === 'containing') && (LIST_NOUNS.has(wordOf(toks[k - 2])) || LIST_NOUNS.has(wordOf(toks[k - 3])))) {
    set('listed', LIST_NOUNS.has(wordOf(toks[k - 2])) ? toks[k - 2].raw : toks[k - 3].raw);
    return;
  }
  // b. a measure word in the noun slot
  if (slotMeasure) {
    set(slotMeasure, slotPred!);
    return;
  }
  // c. a verb just before: "killed 130", "gunned down 89", "claimed the lives of 130"
  const tv = TRANSITIVE.get(w1);
  if (tv) {
    // "killed or injured 40"
    const w3 = wordOf(toks[k - 3]);
    const c2 = wordOf(toks[k - 2]);
    if (tv === 'wounded' && (c2 === 'or' || c2 === 'and') && TRANSITIVE.get(w3) === 'killed') {
      set('killed-and-wounded', sentence.slice(toks[k - 3].s, toks[k - 1].e));
      return;
    }
    set(tv, toks[k - 1].raw);
    return;
  }
  if (w1 === 'dead' && wordOf(toks[k - 2]) === 'shot') {
    set('killed', sentence.slice(toks[k - 2].s, toks[k - 1].e));
    return;
  }
  if (w1 === 'down' && wordOf(toks[k - 2]) === 'gunned') {
    set('killed', sentence.slice(toks[k - 2].s, toks[k - 1].e));
    return;
  }
  if (w1 === 'of' && (wordOf(toks[k - 2]) === 'lives' || wordOf(toks[k - 2]) === 'deaths')) {
    set('killed', toks[k - 2].raw);
    return;
  }
  // "put the number of passengers at 212", "the number aboard at 212"
  if (w1 === 'at' && /^(?:passengers|aboard|board)$/.test(wordOf(toks[k - 2])) && /^(?:of|number|on)$/.test(wordOf(toks[k - 3]))) {
    set('aboard', toks[k - 2].raw);
    return;
  }
  if (w1 === 'of' && CROWD_OF.has(wordOf(toks[k - 2]))) {
    set('attended', toks[k - 2].raw);
    return;
  }
  // "laid off 200 workers"
  if (w1 === 'off' && /^(?:laid|lay|lays|laying)$/.test(wordOf(toks[k - 2]))) {
    set('jobs', sentence.slice(toks[k - 2].s, toks[k - 1].e));
    return;
  }
  // d. the verb group after the noun
  const n = toks.length;
  let steps = 0;
  for (let m = f.end; m < n && steps < 8; m++) {
    const t = toks[m];
    if (t.k === PUNCT) {
      if (t.raw === '-' || t.raw === '\u2019' || t.raw === "'") continue;
      // skip a parenthetical between dashes: "more than a hundred people — 112 by our count, most of them drivers —
      // have been detained"
      if (t.raw === '\u2014' || t.raw === '\u2013') {
        let e = m + 1;
        while (e < n && e < m + 20 && toks[e].raw !== t.raw && toks[e].raw !== '.') e++;
        if (e < n && toks[e].raw === t.raw) {
          m = e;
          continue;
        }
      }
      if (t.raw === ',' && /^(?:including|among|most|mostly|mainly|many|all|some)$/.test(wordOf(toks[m + 1]))) {
        // skip a parenthetical ", including two children,"
        let e = m + 1;
        while (e < n && e < m + 12 && toks[e].raw !== ',') e++;
        if (e < n && toks[e].raw === ',') {
          m = e;
          continue;
        }
      }
      // an appositive figure: "two thirds of those infected, over 1800 people, have died"
      if (t.raw === ',' && AUX_AFTER_COMMA.has(wordOf(toks[m + 1]))) continue;
      break;
    }
    if (t.k === DIGITS) break;
    if (FORWARD_STOP.has(t.w)) break;
    if (isNumberStart(t) && readNumber(toks, m)) break;
    // "640 employees will be affected": a workforce affected is jobs at stake
    if (t.w === 'affected' && f.noun && EMPLOYED.has(f.noun.toLowerCase())) {
      set('jobs', t.raw);
      return;
    }
    const pr = predicateAt(toks, m, sentence);
    if (pr) {
      set(pr.measure, pr.text);
      return;
    }
    steps++;
  }
  // e. a measure noun earlier in the clause: "the death toll rose to 34", "the number of dead reached 34"
  const lastEnd = figs.length ? figs[figs.length - 1].end : 0;
  for (let m = k - 1, s = 0; m >= lastEnd && s < 10; m--, s++) {
    const t = toks[m];
    if (t.k === PUNCT) {
      if (t.raw === '-' || t.raw === "'" || t.raw === '\u2019') continue;
      break;
    }
    if (t.k !== WORD) continue;
    const pw = wordOf(toks[m - 1]);
    if (BACK_NOUNS.has(t.w) || (BACK_ADJ.has(t.w) && (pw === 'the' || pw === 'of'))) {
      const pr = predicateAt(toks, m, sentence);
      if (pr) {
        set(pr.measure, pr.text);
        return;
      }
    }
  }
  // f. what the noun implies
  if (f.noun) {
    const w = f.noun.toLowerCase();
    if (w === 'victims' || w === 'victim' || w === 'bodies') f.measure = 'killed';
    // (a crowd counted by what it was: "25,000 protesters filled the square")
    else if (w === 'protesters' || w === 'demonstrators' || w === 'marchers') f.measure = 'attended';
  }
}

/** gap between two figures made only of linking words ("and", ",", "as well as", "including") */
function linked(toks: Tok[], from: number, to: number): boolean {
  if (to - from > 6 || to < from) return false;
  let hasLink = to === from;
  for (let m = from; m < to; m++) {
    const t = toks[m];
    if (t.k === PUNCT) {
      if (t.raw === ',') {
        hasLink = true;
        continue;
      }
      return false;
    }
    if (t.k !== WORD || !LINK_WORDS.has(t.w)) return false;
    hasLink = true;
  }
  return hasLink;
}

const BE_OR_DID = new Set(['were', 'was', 'did', 'had', 'have']);

/** a predicate shared by coordinated figures */
function share(toks: Tok[], figs: Fig[]): void {
  for (let i = figs.length - 2; i >= 0; i--) {
    const f = figs[i];
    const g = figs[i + 1];
    if (!f.measure && g.measure && isCount(g.measure) && linked(toks, f.end, g.start)) {
      f.measure = g.measure;
      f.predicate = g.predicate;
    }
  }
  for (let i = 1; i < figs.length; i++) {
    const f = figs[i];
    const g = figs[i - 1];
    // "90 civilians were wounded, as were seventeen soldiers"
    const asWere = wordOf(toks[f.start - 2]) === 'as' && BE_OR_DID.has(wordOf(toks[f.start - 1]));
    // "more than a hundred people — 112 by our count — have been detained": the same count, told exactly
    const dashed = f.start === g.end + 1 && (toks[g.end].raw === '\u2014' || toks[g.end].raw === '\u2013') && !f.noun;
    if (dashed && !f.measure && g.measure && isCount(g.measure)) {
      f.measure = g.measure;
      f.predicate = g.predicate;
      f.counted = g.counted;
      continue;
    }
    if (
      !f.measure &&
      g.measure &&
      g.measure !== 'money' &&
      g.measure !== 'percent' &&
      g.measure !== 'duration' &&
      (asWere || linked(toks, g.end, f.start))
    ) {
      f.measure = g.measure;
      f.predicate = g.predicate;
    }
  }
}

/** "32 victims plus three bombers": the total, unless the sentence states it already */
function addPlusSums(toks: Tok[], figs: Fig[], out: Quantity[], offset: number): void {
  for (let i = 0; i + 1 < figs.length; i++) {
    const f = figs[i];
    const g = figs[i + 1];
    if (g.start !== f.end + 1 || wordOf(toks[f.end]) !== 'plus') continue;
    if (!f.measure || f.measure !== g.measure || !isCount(f.measure)) continue;
    if (f.counted === g.counted || f.qualifier !== 'exact' || g.qualifier !== 'exact') continue;
    const sum = f.value + g.value;
    if (figs.some((h) => h.value === sum && h.measure === f.measure)) continue;
    out.push({
      low: sum,
      high: sum,
      value: sum,
      qualifier: 'exact',
      measure: f.measure,
      counted: 'other',
      noun: `${f.noun ?? ''} plus ${g.noun ?? ''}`.trim(),
      predicate: f.predicate ?? g.predicate,
      span: { start: toks[f.start].s + offset, end: toks[g.end - 1].e + offset },
    });
  }
}
