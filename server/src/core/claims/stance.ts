/**
 * Stance of a sentence toward what it states: asserts | denies | questions | hedges.
 *
 * Order (the strongest wins when several cues occur): questions > denies > hedges > asserts.
 * A question or an explicit "no evidence"/"unclear" puts the whole claim in doubt, so it outranks a
 * reported denial; a denial outranks a mere hedge ("allegedly", "may have").
 *
 * Each cue family is one precompiled, case-insensitive regex of word-bounded alternatives with no
 * nested quantifiers (linear on any input). The cue returned is the text as written.
 */
import type { Stance } from '../model';

/** ends with "?" (allowing closing quotes/brackets and trailing space) */
const QUESTION_END = /\?[\s"'\u201d\u2019)\]*_]*$/;
/** headings that open like a yes/no question even without "?" */
const HEADING_QUESTION = /^[\s"'\u201c\u2018*_#]*(?:is|are|was|were|did|does|do|could|can|should|will|has|have)\b/i;

const QUESTIONS = new RegExp(
  [
    String.raw`\bit\s+(?:is|was|remains|remained)\s+(?:still\s+)?unclear(?:\s+(?:whether|if|what|who|why|how|when|where))?\b`,
    String.raw`\bit\s+(?:is|was)\s+not\s+(?:yet\s+)?(?:clear|known)\s+(?:whether|what|why|who|how|if|when|where)\b`,
    String.raw`\bit\s+(?:is|was)\s+unknown\s+(?:whether|what|why|who|how|if)\b`,
    String.raw`\bit\s+remains\s+to\s+be\s+seen\b`,
    String.raw`\b(?:remains?|remained)\s+(?:unclear|unknown|uncertain|unexplained|to\s+be\s+seen|an\s+open\s+question|in\s+doubt|a\s+mystery)\b`,
    String.raw`\bquestions\s+(?:remain|remained|linger|persist|over|about|have\s+been\s+raised|were\s+raised)\b`,
    String.raw`\bwithout\s+(?:any\s+)?evidence\b`,
    String.raw`\bno\s+(?:hard\s+|firm\s+|concrete\s+|credible\s+)?(?:evidence|proof)\b`,
    String.raw`\b(?:unverified|unconfirmed|unsubstantiated)\b`,
    String.raw`\bcould\s+not\s+(?:be\s+)?(?:independently\s+)?(?:verif(?:y|ied)|confirm(?:ed)?)\b`,
    String.raw`\b(?:has|have|had)\s+not\s+(?:yet\s+)?been\s+(?:independently\s+)?(?:verified|confirmed)\b`,
  ].join('|'),
  'i',
);

const DENIES = new RegExp(
  [
    // "denied"/"denies" but not "was denied bail", "denied him entry", "did not deny"
    String.raw`(?<!\b(?:was|were|been|being|is|are|be)\s)\b(?:denied|denies|deny|denying)\b(?!\s+(?:him|her|them|us|me|access|entry|bail|permission|visas?|a\s+visa)\b)`,
    String.raw`\b(?:rejected|rejects|rejecting)\s+(?:the\s+|any\s+|all\s+|these\s+|those\s+|such\s+)?(?:claims?|allegations?|accusations?|connection|links?|reports?|suggestions?|charges?)\b`,
    String.raw`\b(?:dismissed|dismisses|dismissing)\s+(?:any|the|all|these|those|such)\s+(?:connection|claims?|links?|reports?|allegations?|accusations?|suggestions?)\b`,
    String.raw`\b(?:dismissed|dismisses)\s+(?:them|it|this|that|\S+\s+claims?)\s+as\b`,
    String.raw`\b(?:refuted|refutes|refute|refuting)\b`,
    String.raw`\bno\s+(?:such\s+)?(?:connection|links?|involvement|ties|role)\b`,
    String.raw`\bnot\s+(?:been\s+)?(?:responsible|involved)\b`,
    String.raw`\b(?:was|were|is|are)\s+not\s+behind\b`,
    String.raw`\b(?:did|does|do|had)\s+not\s+(?:carry\s+out|commit|plan|order|take\s+part)\b`,
    String.raw`\b(?:didn't|doesn't|don't)\s+(?:carry\s+out|commit|plan|order)\b`,
    String.raw`\bhad\s+nothing\s+to\s+do\s+with\b`,
    String.raw`\bfalsely\b`,
    String.raw`\b(?:is|was|are|were|be|been|as)\s+(?:entirely\s+|completely\s+|totally\s+|simply\s+)?(?:false|untrue|baseless|fabricated|groundless)\b`,
    String.raw`\bfalse\s+(?:claims?|reports?|allegations?|information|rumou?rs?|news)\b`,
    // "there was no ..." but not "there was no immediate (comment|claim ...)"
    String.raw`\bthere\s+(?:was|were|is|are|has\s+been)\s+no\b(?!\s+(?:immediate|further|official|one|longer)\b)`,
  ].join('|'),
  'i',
);

/** "did not deny" / "never denied": not a denial */
const NOT_DENY = /\b(?:did\s+not|didn't|does\s+not|doesn't|never|not|refused\s+to|declined\s+to)\s+(?:deny|denied|denies)\b/i;

const HEDGES = new RegExp(
  [
    String.raw`\ballegedly\b`,
    String.raw`\balleged\b`,
    String.raw`\breportedly\b`,
    String.raw`\bpurportedly\b`,
    String.raw`\bsupposedly\b`,
    String.raw`\bpresumably\b`,
    String.raw`\bsuspected\b`,
    String.raw`\b(?:believed|thought|said|understood|rumou?red)\s+to\s+(?:be|have)\b`,
    String.raw`\bbelieved\s+to\b`,
    String.raw`\b(?:may|might|could)\s+have\b`,
    String.raw`\bmight\b`,
    String.raw`\bprobably\b`,
    String.raw`\bpossibly\b`,
    String.raw`\bapparently\b`,
    String.raw`\b(?:seems|seemed|appears|appeared)\s+to\b`,
    String.raw`\b(?:is|are|was|were)\s+(?:most\s+|very\s+)?likely\s+to\b`,
    String.raw`\bif\s+(?:it\s+is\s+|this\s+is\s+)?true\b`,
    String.raw`\bit\s+(?:is|was|has\s+been)\s+claimed\b`,
    String.raw`\bclaim(?:ed|s)?\s+to\b`,
    String.raw`\b(?:did\s+not|didn't|never|refused\s+to)\s+(?:deny|denied)\b`,
  ].join('|'),
  'i',
);

/**
 * Refutation: a report, story, claim, rumour, photo or video called false ("the story is a hoax", "a fake report",
 * "has been debunked", "there is no truth to the claim", "turned out to be false", "it never happened"). General
 * English. A falsity word counts only where it rates a report (as predicate of a report noun or a pronoun, or as
 * the adjective of a report noun) or the event itself ("never happened"), never a thing ("a fake passport"), and
 * not when negated ("not a hoax", "was not fake": those assert).
 */
const FALSITY =
  /\b(?:hoax(?:es)?|fake[ds]?|false|untrue|bogus|fabricat(?:ed|ion)|made[- ]up|satir(?:e|ical)|spoof|prank|doctored|photoshopped|myth|nonsense|baseless|unfounded|groundless|fictional|fiction|phon(?:e)?y|sham)\b/gi;
/** nouns of reports and media: what a falsity word may rate */
const REPORT_NOUN =
  /\b(?:stor(?:y|ies)|reports?|reporting|claims?|rumou?rs?|articles?|news|videos?|clips?|photos?|photographs?|images?|pictures?|footage|posts?|tweets?|tales?|headlines?|allegations?|websites?|quotes?|statements?|press\s+release|screenshots?)\b/i;
/** a pronoun subject right before the link: "it is fake", "this is false", "that's a hoax" */
const PRONOUN_SUBJECT = /\b(?:it|this|that|these|those|they)\s*$/i;
const REPORT_NOUN_AFTER =
  /^(?:[- ](?:news|death|celebrity|internet|online|viral|web))?[- ](?:stor(?:y|ies)|reports?|claims?|rumou?rs?|articles?|news|videos?|clips?|photos?|photographs?|images?|pictures?|footage|posts?|tweets?|tales?|headlines?|websites?|sites?|quotes?|statements?|press\s+release|screenshots?)\b/i;
/** after a predicate falsity word: the end of the clause, not a noun it would modify ("a fake passport") */
const CLAUSE_END_AFTER =
  /^(?:\s*$|\s*[,.;:!?)"'\u201d\u2019\u2014\u2013-]|\s+(?:and|or|but|according|as|because|since|after|when|by|from|in|on|at|with|to|that|which|who|said|says|say|claims?|experts?|officials?|police|news|\w+ed|\w+ing|\w+ly)\b)/i;
/** what joins a report noun to a falsity word: "is", "was (later) shown to be", "turned out to be", "appears to be" */
const LINK_BEFORE =
  /\b(?:is|was|are|were|be|been|being|['\u2019]s|proved|proven|proves|turned\s+out|turns\s+out|appears?|appeared|seems?|seemed|as|called|calling|calls|branded|labell?ed|exposed|revealed|shown|confirmed|dismissed|described|declared|rated|deemed)\s+(?:(?:to\s+be|to\s+have\s+been|it|them|this|that|out)\s+)?(?:(?:all|entirely|completely|totally|simply|just|clearly|obviously|definitely|certainly|almost|probably|likely|most|actually|in|fact|really|nothing|more|than|but|yet|another|merely|only|a|an|the|latest|elaborate|big|internet|online|viral|celebrity|death|cruel|sick|complete|total|pure|utter|well-?crafted|hoax|fake|news)\s+){0,6}$/i;
/** "not a hoax", "isn't fake", "no hoax", "far from fake": the falsity word is negated */
const NEGATED_BEFORE =
  /\b(?:not|never|no|n['\u2019]t|hardly|far\s+from|nor|neither)\s+(?:(?:a|an|the|really|at\s+all|just|simply|entirely|completely|some|another|necessarily)\s+){0,3}$/i;
/** "question if it's a fake", "whether the video is fake": asked, not said (within the clause) */
const OPEN_QUESTION_BEFORE = /\b(?:if|whether|wonder(?:s|ed|ing)?|asks?|asked|asking)\b[^,;:.!?]{0,80}$/i;
/** a hoax in the sense of an event (a hoax call, a bomb hoax), not a report */
const HOAX_EVENT_AFTER = /^[- ](?:calls?|callers?|threats?|bombs?|alerts?|emergenc(?:y|ies))\b/i;
const HOAX_EVENT_BEFORE = /\b(?:bomb|terror|security|anthrax)\s+$/i;
const REFUTE_PHRASES = new RegExp(
  [
    // "debunked the report", "has been debunked", "debunking the claim"
    String.raw`(?<!\b(?:not|never|yet\s+to\s+be|n['\u2019]t)\s+(?:been\s+)?)\bdebunk(?:ed|s|ing)?\b`,
    String.raw`\b(?:is|was|are|were|it['\u2019]s|that['\u2019]s)\s+(?:simply\s+|just\s+|entirely\s+|completely\s+|absolutely\s+|almost\s+certainly\s+)?(?:not|n['\u2019]t)\s+true\b`,
    String.raw`\b(?:isn|wasn|aren|weren)['\u2019]t\s+true\b`,
    String.raw`\bno\s+truth\s+(?:to|in|whatsoever|at\s+all|behind)\b`,
    // "it was falsely reported that …": the report is false
    String.raw`\b(?:wrongly|falsely|erroneously|mistakenly)\s+(?:reported|claimed|stated|suggested|alleged|announced|said)\b`,
    String.raw`\b(?:never|did\s+not|didn['\u2019]t)\s+(?:actually\s+|really\s+)?(?:happen(?:ed)?|take\s+place|took\s+place|exist(?:ed)?)\b`,
    String.raw`\b(?:turned|turns|turn)\s+out\s+(?:to\s+be\s+(?:false|untrue|wrong|fake|a\s+hoax|a\s+prank|a\s+joke|satire|bogus|fabricated|made[- ]up|a\s+rumou?r))\b`,
    String.raw`\b(?:was|were|is|are|been)\s+(?:not|n['\u2019]t)\s+(?:real|genuine|authentic|accurate)\b`,
    String.raw`\b(?:(?:is|was)\s+not|isn['\u2019]t|wasn['\u2019]t)\s+the\s+case\b`,
  ].join('|'),
  'i',
);

export interface Refutation {
  cue: string;
  /** the falsity rates a report ("the story", "this", a verdict line) rather than restating the point */
  aboutReport: boolean;
}

/** A verdict line: a short line that rates the story ("PROBABLY FALSE", "Hoax", "Rating: false"). */
const VERDICT =
  /^\W*(?:rating:\s*|verdict:\s*|claim:\s*)?(?:probably |mostly |likely |totally |completely )?(?:false|hoax|fake|untrue|unproven|misleading|satire|fiction|scam|debunked|not true)\W*$/i;

/** Whether a sentence calls a report false, and the cue as written. */
export function detectRefutation(sentence: string): Refutation | undefined {
  if (VERDICT.test(sentence)) return { cue: sentence.trim(), aboutReport: true };
  FALSITY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FALSITY.exec(sentence))) {
    const before = sentence.slice(Math.max(0, m.index - 90), m.index);
    const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 40);
    if (NEGATED_BEFORE.test(before) || OPEN_QUESTION_BEFORE.test(before)) continue;
    const word = m[0].toLowerCase();
    if (word.startsWith('hoax') && (HOAX_EVENT_AFTER.test(after) || HOAX_EVENT_BEFORE.test(before))) continue;
    // "a fake story", "the hoax report", "false rumours", "a satirical news site"
    if (REPORT_NOUN_AFTER.test(after))
      return { cue: sentence.slice(m.index, m.index + m[0].length) + after.match(REPORT_NOUN_AFTER)![0], aboutReport: true };
    // "the story is a hoax", "the video turned out to be fake", "this is false", "dismissed the report as fabricated"
    const link = LINK_BEFORE.exec(before);
    if (link && CLAUSE_END_AFTER.test(after)) {
      const subject = sentence.slice(Math.max(0, m.index - 200), m.index - link[0].length);
      if (REPORT_NOUN.test(subject) || PRONOUN_SUBJECT.test(subject)) return { cue: `${link[0]}${m[0]}`.trim(), aboutReport: true };
    }
    // "the hoax", "this hoax", "a death hoax": a hoax is itself a false report
    if (word.startsWith('hoax')) return { cue: m[0], aboutReport: true };
  }
  const p = REFUTE_PHRASES.exec(sentence);
  if (p) return { cue: p[0], aboutReport: /debunk|not\s+true|n['\u2019]t\s+true|no\s+truth|ly\s+\w+$/i.test(p[0]) };
  return undefined;
}

export function detectStance(sentence: string, ctx?: { isHeading?: boolean }): { stance: Stance; cue?: string } {
  if (QUESTION_END.test(sentence)) return { stance: 'questions', cue: '?' };
  if (ctx?.isHeading) {
    const h = HEADING_QUESTION.exec(sentence);
    if (h) return { stance: 'questions', cue: h[0].replace(/^[\s"'\u201c\u2018*_#]+/, '') };
  }
  let m = QUESTIONS.exec(sentence);
  if (m) return { stance: 'questions', cue: m[0] };
  m = DENIES.exec(sentence);
  if (m) {
    const negated = NOT_DENY.exec(sentence);
    // "did not deny" cancels a denial cue that is the same word; any other denial cue stands
    if (!(negated && negated.index <= m.index && m.index < negated.index + negated[0].length)) {
      return { stance: 'denies', cue: m[0] };
    }
    // look for another denial cue after the negated one
    const rest = sentence.slice(negated.index + negated[0].length);
    const m2 = DENIES.exec(rest);
    if (m2) return { stance: 'denies', cue: m2[0] };
  }
  const r = detectRefutation(sentence);
  if (r) return { stance: 'denies', cue: r.cue };
  m = HEDGES.exec(sentence);
  if (m) return { stance: 'hedges', cue: m[0] };
  return { stance: 'asserts' };
}
