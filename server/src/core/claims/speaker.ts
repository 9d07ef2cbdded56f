/**
 * Who is speaking in a sentence: the outlet itself, an attributed source ("according to X",
 * "X said", "said X", "X told Reuters"), or a quotation.
 *
 * Rules, in order:
 *  1. the sentence opens with a quote mark, or ctx.insideQuote → kind 'quoted' (cue "quote"), with
 *     the speaker named after the quotation if any ('"…," Trevidic told Reuters.');
 *  2. otherwise the earliest attribution outside quotation marks wins:
 *     - "according to X" → X up to the next comma/semicolon/bracket/quote or the final period;
 *     - a speech verb (said, says, told, added, warned, claimed, stated, announced, confirmed,
 *       acknowledged, reported, estimated, believes, …) with its subject before it ("French police
 *       sources say"), or, when the verb follows a comma or quote, the name after it ("said Nathalie
 *       Goulet, who heads…" → "Nathalie Goulet") or the appositive before it ("Abdurrahman Mangal,
 *       spokesperson for the governor, said" → "Abdurrahman Mangal");
 *       passives ("were reported"), nouns ("the claims", "an estimated") and infinitives are skipped;
 *  3. otherwise 'outlet'.
 * Trailing time phrases ("on Wednesday", "yesterday") and auxiliaries ("have said") are trimmed.
 */
import type { Speaker } from '../model';

const SPEECH_RE =
  /\b(?:according\s+to|said|says|say|told|tells|added|adds|warned|warns|claimed|claims|stated|states|announced|announces|confirmed|confirms|acknowledged|acknowledges|reported|reports|estimated|estimates|believes|believe|explained|explains|insisted|insists|noted|wrote|writes|tweeted|argued|argues|asserted|asserts|testified|recalled|maintained|maintains|revealed|reveals|disclosed|suggested|suggests|indicated|indicates|denied|denies|admitted|admits|alleged|alleges|stressed|stresses|emphasi[sz]ed|concluded|replied|responded|cautioned|predicted|remarked|commented|clarified|conceded|concedes|quipped|affirmed|questioned(?=\s+(?:the|these|those|this|that|its|their|his|her)\s+(?:findings?|results?|stud(?:y|ies)|claims?|reports?|data|conclusions?|methods?|methodology|analys[ie]s|figures?|estimates?|numbers?|accounts?|evidence)\b))\b/gi;

const OPENS_WITH_QUOTE = /^[\s(\[*_>-]*["\u201c\u2018\u00ab]/;

/** words that, just before a speech verb, show it is not an attribution */
const NOT_SUBJECT_END = new Set([
  // ("let's say eighteen": a manner of speaking)
  "let's",
  'let\u2019s',
  'was',
  'were',
  'is',
  'are',
  'be',
  'been',
  'being',
  'the',
  'a',
  'an',
  'its',
  'their',
  'his',
  'her',
  'this',
  'that',
  'these',
  'those',
  'some',
  'any',
  'no',
  'such',
  'other',
  'to',
  'of',
  'and',
  'or',
  'than',
  'by',
  'in',
  'on',
  'with',
  'for',
  'unconfirmed',
  'unverified',
  'media',
  'initial',
  'earlier',
  'early',
  'first',
  'conflicting',
  'several',
  'many',
  'local',
  'news',
  'later',
  'press',
  'official',
  'recent',
]);

const TRAIL_TRIM =
  /[\s,]+(?:on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?|yesterday|today|tonight|last\s+(?:week|month|night|year)|this\s+(?:week|month|morning)|earlier|later|previously|also|have|has|had|would|will|reportedly|further|then|again|repeatedly|publicly|only|in\s+a\s+(?:statement|interview|tweet)|in\s+an\s+interview)$/i;
const LEAD_TRIM =
  /^(?:and|but|while|as|so|yet|however|meanwhile|then|also|now|yesterday|today|tonight|(?:this|last|on)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|morning|afternoon|evening|year))\s+/i;
const BOUNDARY = /[,;:()"\u201c\u201d\u00ab\u00bb\[\]!?]/;

function trimName(s: string): string {
  let t = s.trim();
  for (let i = 0; i < 4; i++) {
    // (a space first, so that a trailing word alone goes too: "Jill Tolles, also said" has no subject "also")
    const u = ` ${t}`.replace(TRAIL_TRIM, '').trim().replace(LEAD_TRIM, '').trim();
    if (u === t) break;
    t = u;
  }
  // (a wire's dateline before the sentence: "WELKOM - The union said")
  return t.replace(/^[\s*_'\u2018\u2019]+|[\s*_.'\u2018\u2019]+$/g, '').replace(DATELINE, '');
}
const DATELINE = /^\p{Lu}[\p{Lu}\s.'-]*\p{Lu}(?:,\s*[^-\u2013\u2014]{2,40})?\s+[-\u2013\u2014]\s+(?=\S)/u;

function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const sp = s.charCodeAt(i) <= 32;
    if (!sp && !inWord) n++;
    inWord = !sp;
  }
  return n;
}

/** [start, end) ranges between double quotation marks */
function quoteRanges(s: string, startsInside: boolean): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  // inside a quotation carried over from an earlier sentence, the first quote mark closes it
  let open = startsInside && s.indexOf('\u201d') >= 0 ? 0 : -1;
  let straightOpen = startsInside && open < 0 ? 0 : -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x201c || c === 0xab) {
      if (open < 0) open = i;
    } else if (c === 0x201d || c === 0xbb) {
      if (open >= 0) out.push([open, i + 1]);
      else out.push([0, i + 1]); // a quotation continued from an earlier sentence
      open = -1;
    } else if (c === 34) {
      if (straightOpen < 0) straightOpen = i;
      else {
        out.push([straightOpen, i + 1]);
        straightOpen = -1;
      }
    }
  }
  if (open >= 0) out.push([open, s.length]);
  if (straightOpen >= 0) out.push([straightOpen, s.length]);
  return out;
}

const inside = (ranges: Array<[number, number]>, pos: number): boolean => {
  for (const [a, b] of ranges) if (pos > a && pos < b) return true;
  return false;
};

/** end of the phrase starting at `from`: next boundary, or the sentence's final period */
function phraseEnd(s: string, from: number, max = 120): number {
  const lim = Math.min(s.length, from + max);
  for (let i = from; i < lim; i++) {
    const ch = s[i];
    if (BOUNDARY.test(ch)) return i;
    if (ch === '.' && /^[\s"'\u201d\u2019)]*$/.test(s.slice(i + 1, i + 6)) && i + 6 >= s.length) return i;
  }
  return lim;
}

/** start of the clause ending at `to` (after the previous boundary), skipping a bracketed "(FSB)" */
function clauseStart(s: string, to: number, max = 160): number {
  const lim = Math.max(0, to - max);
  for (let i = to - 1; i >= lim; i--) {
    const ch = s[i];
    if (ch === ')') {
      const o = s.lastIndexOf('(', i);
      if (o >= lim) {
        i = o;
        continue;
      }
    }
    if (BOUNDARY.test(ch)) return i + 1;
  }
  return lim;
}

const startsUpper = (s: string): boolean => /^[A-Z\u00C0-\u00DE]/.test(s);
const lastWord = (s: string): string => {
  const m = /(\S+)\s*$/.exec(s);
  return m ? m[1].toLowerCase() : '';
};

export function detectSpeaker(sentence: string, ctx?: { insideQuote?: boolean }): Speaker {
  const quoted = !!ctx?.insideQuote || OPENS_WITH_QUOTE.test(sentence);
  const ranges = quoteRanges(sentence, !!ctx?.insideQuote);
  if (ctx?.insideQuote && ranges.length === 1 && ranges[0][1] === sentence.length) return { kind: 'quoted', cue: 'quote' };
  SPEECH_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let tries = 0;
  while ((m = SPEECH_RE.exec(sentence)) !== null && tries++ < 12) {
    const at = m.index;
    const verb = m[0];
    if (inside(ranges, at)) continue;
    // (a capital mid-sentence is a name's word, not the verb: "the United States Department", "Consumer Reports")
    if (at > 0 && verb.charCodeAt(0) <= 90 && /\S/.test(sentence.slice(0, at).replace(/["'\u201c\u2018(*_\s]/g, ''))) continue;
    const lower = verb.toLowerCase();
    if (lower.startsWith('according')) {
      const from = at + verb.length;
      const rest = sentence.slice(from).replace(/^\s+/, '');
      const start = sentence.length - rest.length;
      const name = trimName(sentence.slice(start, phraseEnd(sentence, start)));
      if (name) return { kind: quoted ? 'quoted' : 'attributed', name, cue: verb };
      continue;
    }
    const before = sentence.slice(0, at);
    const prevWord = lastWord(before);
    if (NOT_SUBJECT_END.has(prevWord)) continue;
    // (nor past an adverb: "had not been officially stated", "was quickly reported")
    if (prevWord.endsWith('ly') && /^(?:is|are|was|were|be|been|being)$/.test(lastWord(before.replace(/\S+\s*$/, '')))) continue;
    // "the first attack reportedly" … keep adverbs out of the way: "police reportedly said"
    const cs = clauseStart(sentence, at);
    const subject = trimName(sentence.slice(cs, at));
    const afterStart = at + verb.length;
    if (subject) {
      if (/^(?:this|that|which|who|what)$/i.test(subject)) continue;
      // (nor a clause: "unlike people born in the fifty states", "with court cases …", "who claimed Biden …"; "WHO" is a
      // name)
      if (
        wordCount(subject) > 12 ||
        /^(?:[Tt]hat|[Ww]hich|[Ww]hether|[Ii]f|[Bb]ecause|[Ww]ho|[Ww]hom|[Ww]hose|[Ww]hat|[Ww]hy|[Ww]hen|[Ww]henever|[Ww]here|[Tt]hough|[Aa]lthough|[Uu]nlike|[Ww]ith|[Ww]ithout|[Ss]ince)\b/.test(
          subject,
        )
      )
        continue;
      return { kind: quoted ? 'quoted' : 'attributed', name: subject, cue: verb };
    }
    // inverted: "…," said Nathalie Goulet, who heads …
    const restRaw = sentence.slice(afterStart);
    const lead = restRaw.length - restRaw.replace(/^\s+/, '').length;
    const nameStart = afterStart + lead;
    const after = trimName(sentence.slice(nameStart, phraseEnd(sentence, nameStart)));
    const awc = wordCount(after);
    // (not after "told" or "questioned": who is told is not who tells, what is questioned not who questions)
    const objectAfter = /^(?:told|tells|questioned)$/i.test(verb);
    const inverted =
      !!after && !objectAfter && !/^(?:that|he|she|they|it|we|i)\b/i.test(after) && ((startsUpper(after) && awc <= 10) || awc <= 4);
    if (inverted && startsUpper(after)) return { kind: quoted ? 'quoted' : 'attributed', name: after, cue: verb };
    // appositive: "Abdurrahman Mangal, spokesperson for the governor, said …" (before a lower-case inverted reading:
    // "John Hutchinson, a biologist at the college, said the study was small" is Hutchinson's, not "the study was
    // small"'s; not a quote's words: '"We will win," said police')
    // (an inverted speaker is kept when it reads as one: "…, say scientists", "…, says the study", "…, officials said")
    const weakInverted =
      !inverted ||
      objectAfter ||
      awc >= 3 ||
      /^(?:on|in|at|about|of|to|from|for|with|during|after|before|yesterday|today|tonight|earlier|later|last|this)\b/i.test(after);
    if (weakInverted && cs > 0 && sentence[cs - 1] === ',' && !inside(ranges, cs - 2) && !/["'\u2019\u201d]/.test(sentence.slice(cs, at))) {
      const seg1End = cs - 1;
      const s1 = clauseStart(sentence, seg1End);
      const seg1 = trimName(sentence.slice(s1, seg1End));
      let name = seg1;
      // (a segment that opens in lower case is itself an appositive, even when a trimmed word leaves a capital:
      // "Jonna Mendez, also CIA, said" is Jonna Mendez's, not the CIA's)
      if (s1 > 0 && sentence[s1 - 1] === ',' && !startsUpper(sentence.slice(s1, seg1End).trim())) {
        const s2 = clauseStart(sentence, s1 - 1);
        const seg2 = trimName(sentence.slice(s2, s1 - 1));
        // (a title and a name may be longer: "Amazon Environmental Research Institute Director Ane Alencar")
        const n2 = wordCount(seg2);
        if (startsUpper(seg2) && (n2 <= 6 || (n2 <= 9 && seg2.split(/\s+/).every((w) => startsUpper(w))))) name = seg2;
      }
      if (name && wordCount(name) <= 8 && !/^(?:who|which|that)\b/i.test(name) && (!inverted || startsUpper(name))) {
        return { kind: quoted ? 'quoted' : 'attributed', name, cue: verb };
      }
    }
    if (inverted) return { kind: quoted ? 'quoted' : 'attributed', name: after, cue: verb };
  }
  return quoted ? { kind: 'quoted', cue: 'quote' } : { kind: 'outlet' };
}
