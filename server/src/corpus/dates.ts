/**
 * Publication dates as written in article headers and metadata → ISO YYYY-MM-DD.
 * Only applied to short strings (header lines, metadata values), so the regexes stay cheap.
 */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

const MONTH_RE =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';

export interface FoundDate {
  iso: string;
  /** where the date expression starts and ends in the input */
  start: number;
  end: number;
}

function iso(y: number, m: number, d: number): string | undefined {
  if (!(y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return undefined;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return undefined; // 31 February
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const PATTERNS: { re: RegExp; get: (m: RegExpExecArray) => string | undefined }[] = [
  // 2016-03-22, 2016-03-22T10:00:00Z
  { re: /\b(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/, get: (m) => iso(+m[1], +m[2], +m[3]) },
  // 2016/03/22
  { re: /\b(\d{4})\/(\d{1,2})\/(\d{1,2})\b/, get: (m) => iso(+m[1], +m[2], +m[3]) },
  // March 22, 2016 · Mar. 22nd 2016
  {
    re: new RegExp(`\\b${MONTH_RE}\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b`, 'i'),
    get: (m) => iso(+m[3], MONTHS[m[1].toLowerCase()], +m[2]),
  },
  // 30 March 2016 · 30th of March, 2016
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?(?: of)? ${MONTH_RE}\\.?,? (\\d{4})\\b`, 'i'),
    get: (m) => iso(+m[3], MONTHS[m[2].toLowerCase()], +m[1]),
  },
  // 11/22/2015 (US order), or 22/11/2015 when the first number cannot be a month; also 22.11.2015
  {
    re: /\b(\d{1,2})([/.])(\d{1,2})\2(\d{4})\b/,
    get: (m) => {
      const a = +m[1];
      const b = +m[3];
      if (m[2] === '.') return iso(+m[4], b, a);
      return a > 12 ? iso(+m[4], b, a) : iso(+m[4], a, b);
    },
  },
];

/** The first recognisable full date (day, month and year) in a short string. */
export function findDate(s: string): FoundDate | undefined {
  if (s.length > 400) s = s.slice(0, 400);
  let best: FoundDate | undefined;
  for (const p of PATTERNS) {
    const m = p.re.exec(s);
    if (!m) continue;
    const v = p.get(m);
    if (!v) continue;
    if (!best || m.index < best.start) best = { iso: v, start: m.index, end: m.index + m[0].length };
  }
  return best;
}

/** Normalise a metadata date value (string, Date, number) to YYYY-MM-DD, or undefined. */
export function normaliseDate(v: unknown): string | undefined {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return undefined;
    return v.toISOString().slice(0, 10);
  }
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1000 && v <= 2999) return undefined;
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (!s) return undefined;
  return findDate(s)?.iso;
}

const WEEKDAY = /\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|rsday|urday)?\b\.?,?/gi;
const TIME = /\b\d{1,2}(?::\d{2}){1,2}\s*(?:[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,4}|UTC[+-]?\d*|GMT[+-]?\d*))?\b|\b\d{1,2}\s*[ap]\.?m\.?(?:\s*[A-Z]{2,4}\b)?/gi;
const LABEL = /\b(?:published|posted|updated|last updated|first published|date|on)\b\s*:?/gi;

export interface DateLine {
  iso: string;
  /** text before the date that reads like a publisher name ("Harbour Post"), if any */
  outlet?: string;
}

/**
 * A header line that is (almost) only a date: "30 March 2016", "11/22/2015 10:21 am ET",
 * "Friday, January 4, 2019", "Harbour Post, March 22, 2016", "Published: 2016-03-22".
 */
export function parseDateLine(line: string): DateLine | undefined {
  const s = line.trim();
  if (!s || s.length > 120) return undefined;
  const d = findDate(s);
  if (!d) return undefined;
  const before = s.slice(0, d.start);
  let after = s.slice(d.end);
  // "PUBLISHED: 12:37 GMT, 17 January 2015 | UPDATED: 18:16 GMT, 17 January 2015"
  const second = findDate(after);
  if (second) after = after.slice(0, second.start) + ' ' + after.slice(second.end);
  const strip = (x: string) =>
    x.replace(WEEKDAY, ' ').replace(TIME, ' ').replace(LABEL, ' ').replace(/[|,·•\-–—:()[\]*_\s]+/g, ' ').trim();
  const restAfter = strip(after);
  const restBefore = strip(before);
  // Anything left after the date must be tiny (a time zone, "Updated …" is removed above)
  if (restAfter.length > 12) return undefined;
  if (!restBefore) return { iso: d.iso };
  // "Harbour Post, March 22, 2016": a short capitalised name before the date
  const name = before.replace(WEEKDAY, ' ').replace(/[,|·•\-–—:\s]+$/, '').trim();
  if (/^(?:[A-Z][\w&.'’-]*|of|the|and|for|de|la|du)(?: (?:[A-Z][\w&.'’-]*|of|the|and|for|de|la|du)){0,5}$/.test(name) && /^[A-Z]/.test(name)) {
    if (LABEL_ONLY.test(name)) return { iso: d.iso };
    return { iso: d.iso, outlet: name };
  }
  return undefined;
}

const LABEL_ONLY = /^(?:published|posted|updated|date|on)$/i;
