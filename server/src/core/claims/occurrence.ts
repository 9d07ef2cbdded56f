/**
 * When something happened, as a sentence says it: "The rockfall struck on Tuesday, March 4", "The fire began on
 * Saturday night", "The collapse happened in the early hours of Wednesday, not on Tuesday". A day is compared by month
 * and day where both sides name them, else by day of the week; a day after "not" in its clause is one the sentence
 * denies. Pure functions over text and the claims' dates (`extractDates`), for the draft check's date findings.
 */
import type { DateRef } from '../model';

/** verbs that say that something happened (not that it was reported), an event's or a person's ("resigned") */
const OCCURRED =
  /\b(?:happened|occurred|struck|began|begun|started|start|broke out|took place|erupted|collapsed|exploded|capsized|sank|detonated|derailed|crashed|collided|caught fire|went off|resigned|stepped down|quit|was (?:arrested|detained|dismissed|fired|appointed|elected|sworn in)|took office|died)\b/gi;

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_PREFIXES = MONTHS.map((m) => m.slice(0, 3));

/** verbs that say an event of a kind happened ("the shaft collapsed late on Tuesday night" is the collapse) */
const KIND_VERBS: Record<string, RegExp> = {
  collapse: /\b(?:collapsed|caved in|gave way)\b/i,
  attacks: /\b(?:exploded|blew up|detonated|went off)\b/i,
  crash: /\b(?:capsized|sank|derailed|crashed|collided)\b/i,
  fire: /\b(?:caught fire|broke out|went up in flames)\b/i,
  eruption: /\berupted\b/i,
};

/** Whether the sentence says, with its verb, that an event of `kind` happened. */
export function saysKindHappened(text: string, kind: string): boolean {
  return KIND_VERBS[kind]?.test(text) ?? false;
}

export interface Day {
  /** "03-04" when a month and day are named */
  md?: string;
  /** 0 (Sunday) to 6, when a weekday is named or follows from the date */
  wd?: number;
  /** "03-13": the month and day a source's "last Thursday", "yesterday" or "today" resolves to, from its own date */
  resolved?: string;
  text: string;
  /** offsets in the text it was read from */
  start: number;
  end: number;
}

export interface Occurrence {
  days: Day[];
  denied: Day[];
}

/** A day as a reader would check it: "last Thursday evening (13 March)" where its text names no day of the month. */
export function dayText(d: Day): string {
  if (!d.resolved) return d.text;
  const [mo, da] = d.resolved.split('-').map(Number);
  const month = MONTHS[mo - 1];
  return `${d.text} (${da} ${month[0].toUpperCase()}${month.slice(1)})`;
}

/** Whether two days are the same day, on what both say (month and day, else weekday); unknown when they share neither. */
export function sameDay(a: Day, b: Day): boolean | undefined {
  if (a.md && b.md) return a.md === b.md;
  // (a day of the month against a source's "last Thursday", resolved against its own date)
  if (a.md && b.resolved) return a.md === b.resolved;
  if (b.md && a.resolved) return b.md === a.resolved;
  if (a.wd !== undefined && b.wd !== undefined) return a.wd === b.wd;
  return undefined;
}

function monthOf(w: string): number | undefined {
  const i = MONTH_PREFIXES.indexOf(w.slice(0, 3).toLowerCase());
  return i >= 0 && MONTHS[i].startsWith(w.toLowerCase().replace(/\.$/, '')) ? i + 1 : undefined;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

const DAY_IN_TEXT =
  /\b(?:(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b(?:,?\s+(?:(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(\d{1,2})\b|(\d{1,2})\s+(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b))?|(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(\d{1,2})\b(?!:)|\b(\d{1,2})\s+(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b)/g;

/** The days a text names, read from the text alone (a draft has no date to resolve "Tuesday" against). */
export function daysInText(text: string): Day[] {
  const out: Day[] = [];
  for (const m of text.matchAll(DAY_IN_TEXT)) {
    const [all, wdName, m1, d1, d2, m2, m3, d3, d4, m4] = m;
    const month = monthOf(m1 ?? m2 ?? m3 ?? m4 ?? '');
    const day = Number(d1 ?? d2 ?? d3 ?? d4);
    const md = month && day >= 1 && day <= 31 ? `${pad2(month)}-${pad2(day)}` : undefined;
    const wd = wdName ? WEEKDAYS.indexOf(wdName.toLowerCase()) : undefined;
    // ("May" alone, or a month without its day, names no day)
    if (!md && wd === undefined) continue;
    out.push({ md, wd, text: all, start: m.index!, end: m.index! + all.length });
  }
  return out;
}

/** A claim's date as a day: month and day when the text names them, the weekday from its resolved date. */
export function dayOfDate(d: DateRef, offset: number): Day | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d.iso);
  if (!m) return undefined;
  const named =
    /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|\d{1,2}\/\d{1,2}/i.test(
      d.text,
    );
  return {
    md: named ? `${m[2]}-${m[3]}` : undefined,
    // (only a day told from the article's own: "last Thursday", "yesterday", "today"; "on Monday" may be one to come or an
    // earlier act's day in the same sentence, and "last week" is no day)
    resolved:
      named || !/\b(?:yesterday|today)\b|\b(?:last|this past)\s+(?:sun|mon|tues|wednes|thurs|fri|satur)day\b/i.test(d.text)
        ? undefined
        : `${m[2]}-${m[3]}`,
    wd: new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).getUTCDay(),
    text: d.text,
    start: d.span.start - offset,
    end: d.span.end - offset,
  };
}

/**
 * The days a sentence says something happened on, and those it denies: the days after a verb of happening in its
 * clause (a comma ends the clause unless "not" follows it: "on Wednesday, not on Tuesday"), else the day just before
 * the verb ("On Tuesday the shaft collapsed"). `days` are the sentence's dates, offsets in `text`.
 */
export function occurrence(text: string, days: readonly Day[]): Occurrence | undefined {
  if (!days.length) return undefined;
  const out: Occurrence = { days: [], denied: [] };
  for (const v of text.matchAll(OCCURRED)) {
    const vEnd = v.index! + v[0].length;
    let found = false;
    for (const d of days) {
      if (d.start < vEnd || d.start - vEnd > 100) continue;
      const between = text.slice(vEnd, d.start);
      if (/[;:.!?]/.test(between)) continue;
      if (/,(?!\s*(?:and\s+)?not\b)/.test(between)) continue;
      found = true;
      const clause = text.slice(Math.max(text.lastIndexOf(',', d.start), v.index!), d.start);
      // ("did not start on Sunday", "not on Tuesday")
      const negated =
        /\b(?:not|never)\b|n['\u2019]t\b/i.test(clause) || /\b(?:not|never)\b|n['\u2019]t\b/i.test(text.slice(v.index! - 12, v.index!));
      (negated ? out.denied : out.days).push(d);
    }
    if (!found) {
      const before = days.filter((d) => d.end <= v.index! && v.index! - d.end <= 40 && !/[;.]/.test(text.slice(d.end, v.index!)));
      if (before.length) out.days.push(before[before.length - 1]);
    }
  }
  return out.days.length || out.denied.length ? out : undefined;
}

/** verbs whose day is when something was said, not when the act in question was done */
const SAYING = new Set(
  'said stated added reported noted claimed argued insisted explained confirmed denied wrote told asked replied responded commented'.split(
    ' ',
  ),
);
/** past forms of common verbs of doing that do not end in "-ed" */
const DONE_IRREGULAR = new Set('sent paid made began took gave held met left won lost shut cut laid sold bought broke'.split(' '));
/** the words of a day's phrase, which are no part of the act ("on", "Monday", "October", "2024") */
const DAY_WORDS = /^(?:on|in|at|the|of|by|from|since|until|before|after|morning|afternoon|evening|night|\d+(?:st|nd|rd|th)?)$/i;

/** An act and its day, as a sentence says them: "Western Water issued a boil-water notice for the town on 9 October". */
export interface ActionDay {
  /** the verb's stem ("issu") */
  verb: string;
  /** the lower-case words around the verb (its object or subject, within the clause), as stems */
  object: string[];
  day: Day;
}

const WORD = /\p{L}[\p{L}'\u2019-]*/gu;

/**
 * The act a sentence dates: the verb nearest before one of its days in the same sentence (commas allowed: "issued a
 * notice for Ballinasloe, County Galway, on 9 October"), a verb of doing in the past tense and not one of saying,
 * with the lower-case words between it and the day and the three before it. The day must follow the verb by at most
 * 90 characters. `stemOf` is the meaning keys' stemmer.
 */
export function actionDay(
  text: string,
  days: readonly Day[],
  stemOf: (w: string) => string,
  /** more verbs of doing than `isDoneVerb`'s ("set" of "set on fire", read before a place, where no day follows) */
  more?: ReadonlySet<string>,
): ActionDay | undefined {
  for (const d of days) {
    const from = Math.max(0, d.start - 90);
    const before = text.slice(from, d.start);
    if (/[;:!?]|\.\s/.test(before.slice(-60))) continue;
    const words = [...before.matchAll(WORD)];
    for (let k = words.length - 1; k >= 0; k--) {
      const w = words[k][0];
      if (!isDoneVerb(w) && !more?.has(w)) continue;
      // (a verb after "not" is no act that was done)
      if (/\b(?:not|never)\s+$|n['\u2019]t\s+$/i.test(before.slice(0, words[k].index))) return undefined;
      const around = [...words.slice(Math.max(0, k - 3), k), ...words.slice(k + 1)]
        .map((x) => x[0])
        .filter((x) => /^\p{Ll}/u.test(x) && x.length > 3 && !DAY_WORDS.test(x))
        .flatMap((x) => x.split('-'))
        .map(stemOf);
      return around.length ? { verb: stemOf(w), object: [...new Set(around)], day: d } : undefined;
    }
  }
  return undefined;
}

function isDoneVerb(w: string): boolean {
  if (SAYING.has(w)) return false;
  return (w.length >= 5 && /^\p{Ll}+ed$/u.test(w)) || DONE_IRREGULAR.has(w);
}

/**
 * The days a sentence gives the act with verb stem `verb` (of `ActionDay`): those after a form of the verb in the
 * same clause (as `occurrence` reads them: a comma ends the clause unless "not" follows), and those it denies ("was
 * issued on Monday, 7 October, not on 9 October").
 */
export function actionOccurrence(text: string, days: readonly Day[], verb: string, stemOf: (w: string) => string): Occurrence | undefined {
  if (!days.length) return undefined;
  const out: Occurrence = { days: [], denied: [] };
  for (const v of text.matchAll(WORD)) {
    if (!/^\p{Ll}/u.test(v[0]) || stemOf(v[0]) !== verb) continue;
    const vEnd = v.index! + v[0].length;
    for (const d of days) {
      // (a day just before the verb: "Verdia today filed a petition", "the firm yesterday announced")
      if (d.end <= v.index! && /^\s+$/.test(text.slice(d.end, v.index!)) && /^(?:today|yesterday)$/i.test(d.text)) {
        out.days.push(d);
        continue;
      }
      if (d.start < vEnd || d.start - vEnd > 90) continue;
      const between = text.slice(vEnd, d.start);
      if (/[;:!?]|\.\s/.test(between)) continue;
      if (/,(?!\s*(?:and\s+)?not\b)/.test(between) && !/^\s*on\s+$/.test(text.slice(Math.max(0, d.start - 4), d.start))) continue;
      // (another verb between them has the day: "issued a notice, and the council met on 3 March")
      if ([...between.matchAll(WORD)].some((x) => isDoneVerb(x[0]) || SAYING.has(x[0]))) continue;
      const clause = text.slice(Math.max(text.lastIndexOf(',', d.start), v.index!), d.start);
      const negated =
        /\b(?:not|never)\b|n['\u2019]t\b/i.test(clause) ||
        /\b(?:not|never)\s+$|n['\u2019]t\s+$/i.test(text.slice(Math.max(0, v.index! - 12), v.index!));
      (negated ? out.denied : out.days).push(d);
    }
  }
  return out.days.length || out.denied.length ? out : undefined;
}
