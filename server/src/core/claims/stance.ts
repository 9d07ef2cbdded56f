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
  m = HEDGES.exec(sentence);
  if (m) return { stance: 'hedges', cue: m[0] };
  return { stance: 'asserts' };
}
