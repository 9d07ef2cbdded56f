/**
 * Dates in a sentence, resolved against the article's own date, leaning to the past.
 *
 * - chrono-node (casual English, forwardDate off) reads full and partial dates and relative ones
 *   ("on Wednesday", "yesterday", "three months ago", "May 24, 2014", "in December 2014"). It only
 *   runs on short windows around a date word (month, weekday, yesterday/today, ago, last/this week,
 *   digit dates), so cost stays small and linear on any input.
 * - Leaning to the past: a weekday-only mention later than the article date moves back a week; a
 *   month (or month + day) without a year that falls after the article date moves back a year —
 *   unless the sentence speaks of the future ("will", "next", "tomorrow", "scheduled", …).
 * - iso is YYYY-MM-DD when the day is known (or implied by a weekday/relative word), YYYY-MM when only
 *   the month is, YYYY when only the year is.
 * - Bare years that chrono misses: "in 2010", "since 2010", "of 2014", "early 2014", "late 2013",
 *   "mid-2014" → "2014". Only 1900–2099 right after a date word; never a count ("in 2000 people").
 * - Time-only mentions ("at 6am"), lowercase "march"/"may" and durations ("in 12 hours") are dropped.
 * - Without refDate, only dates that carry their own year are returned.
 */
import * as chrono from 'chrono-node';
import type { DateRef } from '../model';

const TRIGGER =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow|ago|[Ll]ast\s+(?:week|month|year|night|weekend)|[Tt]his\s+(?:week|month|year|morning|afternoon|evening|weekend)|[Ee]arlier\s+this)\b|\b\d{1,4}[/-]\d{1,2}[/-]\d{1,4}\b/g;

const FUTURE = /\b(?:will|shall|next|tomorrow|coming|upcoming|scheduled|due\s+to|plans?\s+to|planned|expected\s+to)\b/i;

const BARE_YEAR =
  /\b(?:(in|since|by|until|till|of|from|during|before|after|through|throughout|circa|between|and|to)\s+)?(?:(early|late|mid|spring|summer|autumn|fall|winter)(?:-|\s+))?((?:19|20)\d\d)\b(?!['\u2019]s|[\d,.]\d|\s*(?:people|persons|men|women|children|troops|soldiers|police|officers|civilians|residents|dead|killed|others|more)\b)/gi;

const MAX_WINDOW = 320;
const MAX_WINDOWS = 40;
const PAD = 36;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function parseRef(refDate: string | undefined): Date | undefined {
  if (!refDate) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(refDate);
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12, 0, 0);
}

/** windows [start, end) around date words, merged, each at most MAX_WINDOW long */
function windows(s: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  TRIGGER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TRIGGER.exec(s)) !== null) {
    let a = Math.max(0, m.index - PAD);
    let b = Math.min(s.length, m.index + m[0].length + PAD);
    // do not cut words
    for (let i = 0; a > 0 && i < 16 && s.charCodeAt(a - 1) > 32; i++) a--;
    for (let i = 0; b < s.length && i < 16 && s.charCodeAt(b) > 32; i++) b++;
    const last = out[out.length - 1];
    if (last && a <= last[1] && b - last[0] <= MAX_WINDOW) last[1] = Math.max(last[1], b);
    else {
      if (out.length >= MAX_WINDOWS) break;
      out.push([a, b]);
    }
  }
  return out;
}

const LOWER_MONTH_ONLY = /^(?:(?:in|on|of|since)\s+)?(?:may|march)$/;
/** a part of a day said of a named day ("the afternoon of Sunday"): the day is the date */
const PART_OF_DAY_OF =
  /\b(?:morning|afternoon|evening|night|early hours|small hours)\s+of\s+(?=(?:the\s+)?(?:\d|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December))/gi;
/** a part of a day with no day named ("during the night shift"): no date */
const PART_OF_DAY_ALONE = /^(?:the\s+)?(?:morning|afternoon|evening|night)$/i;

/** Dates in a sentence, resolved against the article's own date (ISO), leaning to the PAST for relative dates. */
export function extractDates(sentence: string, offset = 0, refDate?: string): DateRef[] {
  const out: DateRef[] = [];
  const wins = windows(sentence);
  const ref = wins.length ? parseRef(refDate) : undefined;
  const future = wins.length > 0 && FUTURE.test(sentence);
  for (const [wa, wb] of wins) {
    // ("the afternoon of Sunday, August 10": the day is Sunday, August 10, not this afternoon; blanked, same length)
    const text = sentence.slice(wa, wb).replace(PART_OF_DAY_OF, (m) => ' '.repeat(m.length));
    let results: chrono.ParsedResult[];
    try {
      results = chrono.casual.parse(text, ref ?? new Date(2000, 0, 1, 12), { forwardDate: false });
    } catch {
      continue;
    }
    for (const r of results) {
      const ref0 = toRef(r, sentence, wa, offset, ref, future);
      if (ref0 && !out.some((d) => d.span.start < ref0.span.end && ref0.span.start < d.span.end)) out.push(ref0);
    }
  }
  addBareYears(sentence, offset, out);
  out.sort((x, y) => x.span.start - y.span.start);
  return out;
}

function toRef(
  r: chrono.ParsedResult,
  sentence: string,
  wa: number,
  offset: number,
  ref: Date | undefined,
  future: boolean,
): DateRef | undefined {
  // trim punctuation/space around the matched text
  let t = r.text;
  let lead = 0;
  while (lead < t.length && /[\s,;:(]/.test(t[lead])) lead++;
  // "on Wednesday" → "Wednesday": the date itself, not its preposition
  const on = /^(?:on|in|at|since|by|from)\s+/i.exec(t.slice(lead));
  if (on) lead += on[0].length;
  let trail = t.length;
  while (trail > lead && /[\s,;:.)]/.test(t[trail - 1])) trail--;
  t = t.slice(lead, trail);
  if (!t) return undefined;
  const c = r.start;
  const tags = typeof c.tags === 'function' ? c.tags() : new Set<string>();
  let casual = false;
  let relative = false;
  for (const tag of tags) {
    if (tag.startsWith('casualReference')) casual = true;
    if (tag.startsWith('result/relativeDate')) relative = true;
  }
  const yC = c.isCertain('year');
  const mC = c.isCertain('month');
  const dC = c.isCertain('day');
  const wC = c.isCertain('weekday');
  if (!yC && !mC && !dC && !wC && !casual && !relative) return undefined; // time only: "at 6am"
  if (LOWER_MONTH_ONLY.test(t) || PART_OF_DAY_ALONE.test(t)) return undefined; // the verbs "march", "may"; "the night"
  if (/^May$/.test(t) && wa + r.index + lead === 0) return undefined; // "May God protect…"
  if (relative && !/\b(?:ago|last|this|next|earlier|past|previous)\b/i.test(t)) return undefined; // "in 12 hours"
  if (!ref && !yC) return undefined;
  let y = c.get('year') ?? 0;
  let mo = c.get('month') ?? 1;
  let d = c.get('day') ?? 1;
  const explicitFuture = /\b(?:next|tomorrow|coming)\b/i.test(t);
  if (ref && !future && !explicitFuture) {
    const refKey = ref.getFullYear() * 10000 + (ref.getMonth() + 1) * 100 + ref.getDate();
    if (wC && !dC && !mC) {
      const key = y * 10000 + mo * 100 + d;
      if (key > refKey) {
        const back = new Date(Date.UTC(y, mo - 1, d - 7));
        y = back.getUTCFullYear();
        mo = back.getUTCMonth() + 1;
        d = back.getUTCDate();
      }
    } else if (mC && !yC) {
      const key = dC ? y * 10000 + mo * 100 + d : y * 10000 + mo * 100;
      const rk = dC ? refKey : Math.floor(refKey / 100) * 100;
      if (key > rk) y -= 1;
    }
  }
  let iso: string;
  if (dC || wC || ((casual || relative) && !(mC && !dC))) iso = `${y}-${pad2(mo)}-${pad2(d)}`;
  else if (mC) iso = `${y}-${pad2(mo)}`;
  else if (yC) iso = String(y);
  else return undefined;
  const start = wa + r.index + lead;
  return { iso, span: { start: start + offset, end: start + t.length + offset }, text: sentence.slice(start, start + t.length) };
}

const OF_YEAR_BEFORE =
  /\b(?:summer|spring|autumn|fall|winter|end|beginning|start|middle|half|year|months?|January|February|March|April|May|June|July|August|September|October|November|December)\s+$/i;

/** every BARE_YEAR match contains this (a cheap test before the long pattern) */
const YEAR_DIGITS = /(?:19|20)\d\d/;

function addBareYears(sentence: string, offset: number, out: DateRef[]): void {
  if (!YEAR_DIGITS.test(sentence)) return;
  BARE_YEAR.lastIndex = 0;
  let m: RegExpExecArray | null;
  let lastYearEnd = -100;
  while ((m = BARE_YEAR.exec(sentence)) !== null) {
    const prep = m[1]?.toLowerCase();
    const season = m[2];
    const year = m[3];
    const yearStart = m.index + m[0].length - year.length;
    // "and"/"to" count only right after another year: "between 2010 and 2012", "2014 to 2016"
    const chained = (prep === 'and' || prep === 'to') && m.index - lastYearEnd <= 2;
    // "of 2014" only after a season/period or month word: "the summer of 2014", "the end of 2014"
    if (prep === 'of' && !season && !OF_YEAR_BEFORE.test(sentence.slice(Math.max(0, m.index - 12), m.index))) continue;
    if (!season && !(prep && prep !== 'and' && prep !== 'to') && !chained) continue;
    const start = season ? m.index + (prep ? m[0].indexOf(season, m[1].length) : 0) : yearStart;
    const end = yearStart + year.length;
    lastYearEnd = end;
    const abs = { start: start + offset, end: end + offset };
    if (out.some((d) => d.span.start < abs.end && abs.start < d.span.end)) continue;
    out.push({ iso: year, span: abs, text: sentence.slice(start, end) });
  }
}
