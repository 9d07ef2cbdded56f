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

/**
 * Words present in a sentence, as bits: one pass over the text, then one table probe per word. It gates the cue
 * patterns below: each alternative of a pattern needs some whole word ("unclear", "denied", "debunked"...), so a
 * pattern runs only when one of the words it needs is there. The gate is a necessary condition, never a sufficient
 * one: the result is the pattern's own, the pattern just runs less often (most sentences have none of the words).
 *
 * A word is a maximal run of ASCII letters. Every word a gate asks for stands in its pattern between \b, \s, an
 * apostrophe or the pattern's ends, none of them a letter, so wherever the pattern matches, the word is a whole run
 * of letters in the sentence. Case: the key of a word is its first letter as written and the rest lowercased.
 * `add(word)` with a lowercase word also enters its capitalised form, for the case-insensitive patterns (in /i
 * without /u an ASCII letter matches only itself in either case, never "ſ" or the Kelvin sign); a capitalised
 * word is entered as is, for patterns that want the capital ("May" the month). Two words whose 32-bit keys collide
 * share their bits: a pattern may then run for nothing, never fail to run.
 */
export class WordBits {
  private static readonly SIZE = 1024;
  private readonly keys = new Int32Array(WordBits.SIZE);
  private readonly vals = new Int32Array(WordBits.SIZE);
  private entries = 0;

  /** words: space-separated; a lowercase word also counts capitalised */
  add(words: string, bits: number): this {
    for (const w of words.trim().split(/\s+/)) {
      this.put(w, bits);
      if (w[0] >= 'a' && w[0] <= 'z') this.put(w[0].toUpperCase() + w.slice(1), bits);
    }
    return this;
  }

  private put(word: string, bits: number): void {
    if (!/^[A-Za-z]+$/.test(word) || bits === 0) throw new Error(`WordBits: bad entry ${word}`);
    if (++this.entries > WordBits.SIZE / 2) throw new Error('WordBits: table full');
    let h = word.charCodeAt(0);
    for (let i = 1; i < word.length; i++) h = (Math.imul(h, 31) + (word.charCodeAt(i) | 32)) | 0;
    const mask = WordBits.SIZE - 1;
    let j = (h ^ (h >>> 11)) & mask;
    while (this.vals[j] !== 0 && this.keys[j] !== h) j = (j + 1) & mask;
    this.keys[j] = h;
    this.vals[j] |= bits;
  }

  /** the bits of every word of s */
  of(s: string): number {
    const keys = this.keys;
    const vals = this.vals;
    const mask = WordBits.SIZE - 1;
    let bits = 0;
    let h = 0;
    let inWord = false;
    for (let i = 0, n = s.length; i <= n; i++) {
      const c = i < n ? s.charCodeAt(i) : 0;
      const l = c | 32;
      if (l >= 97 && l <= 122) {
        h = inWord ? (Math.imul(h, 31) + l) | 0 : c;
        inWord = true;
      } else if (inWord) {
        inWord = false;
        let j = (h ^ (h >>> 11)) & mask;
        let v: number;
        while ((v = vals[j]) !== 0) {
          if (keys[j] === h) {
            bits |= v;
            break;
          }
          j = (j + 1) & mask;
        }
      }
    }
    return bits;
  }
}

// Bits of the words the cue patterns need; the comment at each pattern says which alternative needs which.
const W_Q = 1 << 0;
const W_QN = 1 << 1;
const W_NEG = 1 << 2;
const W_NO = 1 << 3;
const W_D = 1 << 4;
const W_DN = 1 << 5;
const W_THERE = 1 << 6;
const W_R = 1 << 7;
const W_RN = 1 << 8;
const W_F = 1 << 9;
const W_MADE = 1 << 10;
const W_UP = 1 << 11;
const W_H = 1 << 12;
const W_HS = 1 << 13;
const W_TO = 1 << 14;
const W_BE = 1 << 15;
const W_HAVE = 1 << 16;
const W_HM = 1 << 17;

const WORDS = new WordBits()
  .add(
    'unclear unknown remain remains remained questions evidence proof unverified unconfirmed unsubstantiated hiding concealing obscuring',
    W_Q,
  )
  .add('clear known verify verified confirm confirmed', W_QN)
  .add('not no never didn doesn don', W_NEG)
  .add('no', W_NO)
  .add(
    'denied denies deny denying rejected rejects rejecting dismissed dismisses dismissing refuted refutes refute refuting ' +
      'nothing falsely false untrue baseless fabricated groundless',
    W_D,
  )
  .add('connection link links involvement ties role responsible involved behind carry commit plan order take', W_DN)
  .add('there', W_THERE)
  .add(
    'debunk debunked debunks debunking true truth wrongly falsely erroneously mistakenly turned turns turn real genuine authentic accurate case',
    W_R,
  )
  .add('happen happened place exist existed', W_RN)
  .add(
    'hoax hoaxes fake faked fakes false untrue bogus fabricated fabrication satire satirical spoof prank doctored photoshopped ' +
      'myth nonsense baseless unfounded groundless fictional fiction phony phoney sham',
    W_F,
  )
  .add('made', W_MADE)
  .add('up', W_UP)
  .add(
    'allegedly alleged reportedly purportedly supposedly presumably suspected believed might probably possibly apparently ' +
      'seems seemed appears appeared likely true claimed claim claims deny denied',
    W_H,
  )
  .add('thought said understood rumored rumoured', W_HS)
  .add('to', W_TO)
  .add('be', W_BE)
  .add('have', W_HAVE)
  .add('may could', W_HM);

function has(w: number, bits: number): boolean {
  return (w & bits) === bits;
}

/** ends with "?" (allowing closing quotes/brackets and trailing space) */
const QUESTION_END = /\?[\s"'\u201d\u2019)\]*_]*$/;
/** headings that open like a yes/no question even without "?" */
const HEADING_QUESTION = /^[\s"'\u201c\u2018*_#]*(?:is|are|was|were|did|does|do|could|can|should|will|has|have)\b/i;

/** before "questions": not questions raised but answered, fielded, taken or received, or "any questions" */
export const QUESTIONS_ANSWERED = String.raw`(?<!\b(?:answer(?:s|ed|ing)?|field(?:s|ed|ing)?|took|tak(?:e|es|en|ing)|receiv(?:e|es|ed|ing)|(?:respond(?:s|ed|ing)?|repl(?:y|ies|ied|ying))\s+to)\s+(?:(?:some|several|many|more|a\s+few|few|the|these|those|his|her|their|its|our|your|reporters['\u2019]?|readers['\u2019]?|a|an|[A-Za-z\u00c0-\u024f]+['\u2019]s)\s+){0,2}|\bany\s+)`;
const QUESTIONS = new RegExp(
  [
    String.raw`\bit\s+(?:is|was|remains|remained)\s+(?:still\s+)?unclear(?:\s+(?:whether|if|what|who|why|how|when|where))?\b`,
    String.raw`\bit\s+(?:is|was)\s+not\s+(?:yet\s+)?(?:clear|known)\s+(?:whether|what|why|who|how|if|when|where)\b`,
    String.raw`\bit\s+(?:is|was)\s+unknown\s+(?:whether|what|why|who|how|if)\b`,
    String.raw`\bit\s+remains\s+to\s+be\s+seen\b`,
    String.raw`\b(?:remains?|remained)\s+(?:unclear|unknown|uncertain|unexplained|to\s+be\s+seen|an\s+open\s+question|in\s+doubt|a\s+mystery)\b`,
    // (not questions answered, fielded or taken, as in an interview: "answered some questions about his campaign")
    // (nor questions received, or "any questions about": "if you have any questions about Islam")
    String.raw`${QUESTIONS_ANSWERED}\bquestions\s+(?:remain|remained|linger|persist|over|about|have\s+been\s+raised|were\s+raised)\b`,
    String.raw`\bwithout\s+(?:any\s+)?evidence\b`,
    String.raw`\bno\s+(?:hard\s+|firm\s+|concrete\s+|credible\s+)?(?:evidence|proof)\b`,
    String.raw`\b(?:unverified|unconfirmed|unsubstantiated)\b`,
    // "accused the operator of hiding the real cause behind talk of an earthquake": the cause given is in doubt
    String.raw`\b(?:hiding|concealing|obscuring)\s+the\s+(?:real|true|actual)\s+(?:cause|causes|reason|reasons)\b`,
    // "found the evidence against him insufficient", "for lack of evidence"
    String.raw`\b(?:insufficient|not\s+enough|lack\s+of)\s+evidence\b|\bevidence\s+(?:against\s+(?:him|her|them)\s+)?(?:was\s+|to\s+be\s+)?insufficient\b`,
    String.raw`\bcould\s+not\s+(?:be\s+)?(?:independently\s+)?(?:verif(?:y|ied)|confirm(?:ed)?)\b`,
    String.raw`\b(?:has|have|had)\s+not\s+(?:yet\s+)?been\s+(?:independently\s+)?(?:verified|confirmed)\b`,
  ].join('|'),
  'i',
);
/** QUESTIONS needs a W_Q word, or "not" and a W_QN word ("it is not clear whether", "could not be verified") */
function mayQuestion(w: number): boolean {
  return (w & W_Q) !== 0 || has(w, W_NEG | W_QN);
}

/** "falsely claimed", "falsely accused", "falsely described as", "falsely doctored": a saying, a label, an accusation or a
 * picture called false */
export const FALSELY_SAID = String.raw`\bfalsely\s+(?:\w+ly\s+)?(?:claim|report|stat|said|say|suggest|alleg|announc|accus|describ|portray|assert|told|tell|label|call|brand|attribut|credit|depict|characteri[sz]|present|represent|link|tie|tied|connect|blam|impl|insinuat|spread|circulat|post|tweet|shar|publish|writ|wrote|identif|nam|list|doctor|fak|fabricat|manipulat|alter|photoshop|stag)\w*`;

const DENIES = new RegExp(
  [
    // "denied"/"denies" but not "was denied bail", "denied him entry", "did not deny"
    // (nor a refusal: "denied funding for the wall", "denied the appeal", "deny terrorism any victory")
    String.raw`(?<!\b(?:was|were|been|being|is|are|be)\s)\b(?:denied|denies|deny|denying)\b(?!\s+(?:him|her|them|us|me|access|entry|bail|permission|visas?|a\s+visa|funding|funds|approval|asylum|parole|service|treatment|care|requests?|applications?|appeals?|licen[cs]es?|admission|membership|the\s+(?:request|application|appeal|motion|petition)|\S+\s+(?:any|a|an)\s+(?:victory|chance|opportunity|satisfaction|platform|win|foothold|haven|voice|say))\b)`,
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
    // ("falsely" rates a saying, a label or an accusation, not an act: "a vessel falsely transmitting its position")
    FALSELY_SAID,
    String.raw`\b(?:is|was|are|were|be|been|as)\s+(?:entirely\s+|completely\s+|totally\s+|simply\s+)?(?:false|untrue|baseless|fabricated|groundless)\b`,
    String.raw`\bfalse\s+(?:claims?|reports?|allegations?|information|rumou?rs?|news)\b`,
    // "there was no ..." but not "there was no immediate (comment|claim ...)"
    String.raw`\bthere\s+(?:was|were|is|are|has\s+been)\s+no\b(?!\s+(?:immediate|further|official|one|longer)\b)`,
  ].join('|'),
  'i',
);
/**
 * DENIES needs a W_D word ("denied", "rejected the claims", "falsely", "is false", "had nothing to do with"), a
 * negation and a W_DN word ("no link", "not responsible", "was not behind", "did not plan", "didn't commit"), or
 * "there" and "no" ("there was no").
 */
function mayDeny(w: number): boolean {
  return (w & W_D) !== 0 || has(w, W_NEG | W_DN) || has(w, W_THERE | W_NO);
}

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
 * HEDGES needs a W_H word, a W_HS word with "to" and "be" or "have" ("said to have"), or "may"/"could" with "have"
 * ("might have": "might" is a W_H word).
 */
function mayHedge(w: number): boolean {
  return (w & W_H) !== 0 || (has(w, W_HS | W_TO) && (w & (W_BE | W_HAVE)) !== 0) || has(w, W_HM | W_HAVE);
}

/**
 * Refutation: a report, story, claim, rumour, photo or video called false ("the story is a hoax", "a fake report",
 * "has been debunked", "there is no truth to the claim", "turned out to be false", "it never happened"). General
 * English. A falsity word counts only where it rates a report (as predicate of a report noun or a pronoun, or as
 * the adjective of a report noun) or the event itself ("never happened"), never a thing ("a fake passport"), and
 * not when negated ("not a hoax", "was not fake": those assert).
 */
const FALSITY =
  /\b(?:hoax(?:es)?|fake[ds]?|false|untrue|bogus|fabricat(?:ed|ion)|made[- ]up|satir(?:e|ical)|spoof|prank|doctored|photoshopped|myth|nonsense|baseless|unfounded|groundless|fictional|fiction|phon(?:e)?y|sham)\b/gi;
/** FALSITY needs a W_F word, or "made" and "up" ("made-up") */
function mayFalsity(w: number): boolean {
  return (w & W_F) !== 0 || has(w, W_MADE | W_UP);
}
/** nouns of reports and media: what a falsity word may rate */
const REPORT_NOUN =
  /\b(?:stor(?:y|ies)|reports?|reporting|claims?|rumou?rs?|articles?|news|videos?|clips?|photos?|photographs?|images?|pictures?|footage|posts?|tweets?|tales?|headlines?|allegations?|websites?|quotes?|statements?|press\s+release|screenshots?)\b/i;
/** a report noun with the point it reports: "claims that the company received …", "reports that he had died" (four
 * words or more after "that"; not a relative clause, "a report that says …", which names a report), "the claim of three
 * deaths" (not a claimant's: "the claims of the minister") */
const REPORTED_POINT =
  /\b(?:stor(?:y|ies)|reports?|claims?|rumou?rs?|suggestions?|allegations?|statements?)\s+(?:made\s+\S+\s+)?that\s+(?!(?:says?|said|claims?|claimed|shows?|showed|suggests?|suggested|appears?|appeared|went|goes|has|had|was|were|is|are)\b)(?:\S+\s+){3,}/i;
/** "the claim of three deaths", "reports of a shooting": the point as a noun phrase (in lower case: not a claimant's,
 * "the claims of the minister", "claims of Smith") */
const REPORTED_OF =
  /\b(?:[Rr]eports?|[Cc]laims?|[Rr]umou?rs?|[Aa]llegations?)\s+of\s+(?!(?:the|his|her|its|their|this|that|these|those|our|my|your)\b)[\p{Ll}\p{N}][^\s]*\s+\S+/u;
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
/** a first impression, not a verdict: "I thought it was a prank" */
const FIRST_IMPRESSION_BEFORE =
  /\b(?:thought|assumed|figured|presumed)\s+(?:that\s+)?(?:it|this|that)\s+(?:was|were|had\s+been)\s+(?:just\s+|only\s+)?(?:a\s+|an\s+)?$/i;
const HOAX_EVENT_BEFORE = /\b(?:bomb|terror|security|anthrax)\s+$/i;
const FALSE_OFFENCE_BEFORE =
  /\b(?:making|make|makes|made|giving|give|gives|gave|providing|provide|provided|submitting|submitted|filing|filed|(?:crimes?|charges?|counts?|offen[cs]es?)\s+(?:of|including)|(?:guilty|convicted|accused|indicted)\s+of|charged\s+with)\s+$/i;
const FALSE_OFFENCE_AFTER = /^\s+(?:statements?|testimony|information|declarations?|documents?|tax\s+returns?|accounts?\s+to)\b/i;
/** what opens a condition or a scope ("when …", "for …", "in …") */
const CONDITION = String.raw`(?:when|whenever|for|with|in|if|during|among|at|until|before|after|under|on)\b`;
/** after "not the case": not a condition or a scope it is said of */
export const NOT_A_CONDITION = String.raw`(?!\s+${CONDITION})`;
/** "this was not the case when the rats were given three pellets": a limit put on what was said, not a denial of it */
export const NOT_THE_CASE_WHEN = new RegExp(
  String.raw`\b(?:(?:is|was|are|were)\s+not|(?:isn|wasn|aren|weren)['\u2019]t)\s+the\s+case\s+${CONDITION}`,
  'i',
);
const REFUTE_PHRASES = new RegExp(
  [
    // "debunked the report", "has been debunked", "debunking the claim"
    String.raw`(?<!\b(?:not|never|yet\s+to\s+be|n['\u2019]t)\s+(?:been\s+)?)\bdebunk(?:ed|s|ing)?\b`,
    String.raw`\b(?:is|was|are|were|it['\u2019]s|that['\u2019]s)\s+(?:simply\s+|just\s+|entirely\s+|completely\s+|absolutely\s+|almost\s+certainly\s+)?(?:not|n['\u2019]t)\s+true\b`,
    String.raw`\b(?:isn|wasn|aren|weren)['\u2019]t\s+true\b`,
    String.raw`\bno\s+truth\s+(?:to|in|whatsoever|at\s+all|behind)\b`,
    // "it was falsely reported that …": the report is false
    String.raw`\b(?:wrongly|falsely|erroneously|mistakenly)\s+(?:reported|claimed|stated|suggested|alleged|announced|said)\b`,
    // (not a wish or a vow: "so that it never happens again", "will never exist again"; nor an event called off: "the
    // tournament didn't happen last year")
    String.raw`\b(?:never|did\s+not|didn['\u2019]t)\s+(?:actually\s+|really\s+)?(?:happen(?:ed)?|take\s+place|took\s+place|exist(?:ed)?)\b(?!\s+(?:again|last|this|next|yet)\b)`,
    String.raw`\b(?:turned|turns|turn)\s+out\s+(?:to\s+be\s+(?:false|untrue|wrong|fake|a\s+hoax|a\s+prank|a\s+joke|satire|bogus|fabricated|made[- ]up|a\s+rumou?r))\b`,
    String.raw`\b(?:was|were|is|are|been)\s+(?:not|n['\u2019]t)\s+(?:real|genuine|authentic|accurate)\b`,
    // (not a contrast with a condition: "this was not the case when the rats were given three pellets")
    String.raw`\b(?:(?:is|was)\s+not|isn['\u2019]t|wasn['\u2019]t)\s+the\s+case\b${NOT_A_CONDITION}`,
  ].join('|'),
  'i',
);
/**
 * REFUTE_PHRASES needs a W_R word ("debunked", "not true", "no truth", "wrongly reported", "turned out to be",
 * "not real", "not the case"), or a negation and a W_RN word ("never happened", "did not take place").
 */
function mayRefutePhrase(w: number): boolean {
  return (w & W_R) !== 0 || has(w, W_NEG | W_RN);
}

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
  return refutation(sentence, WORDS.of(sentence));
}

/** detectRefutation, given the sentence's word bits */
function refutation(sentence: string, w: number): Refutation | undefined {
  if (VERDICT.test(sentence)) return { cue: sentence.trim(), aboutReport: true };
  FALSITY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (mayFalsity(w) && (m = FALSITY.exec(sentence))) {
    const before = sentence.slice(Math.max(0, m.index - 90), m.index);
    const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 40);
    if (NEGATED_BEFORE.test(before) || OPEN_QUESTION_BEFORE.test(before) || FIRST_IMPRESSION_BEFORE.test(before)) continue;
    const word = m[0].toLowerCase();
    if (word.startsWith('hoax') && (HOAX_EVENT_AFTER.test(after) || HOAX_EVENT_BEFORE.test(before))) continue;
    // the offence, not a report called false: "convicted of making false statements", "gave false information"
    if (word === 'false' && FALSE_OFFENCE_BEFORE.test(before) && FALSE_OFFENCE_AFTER.test(after)) continue;
    // "a fake story", "the hoax report", "false rumours", "a satirical news site"
    if (REPORT_NOUN_AFTER.test(after))
      return { cue: sentence.slice(m.index, m.index + m[0].length) + after.match(REPORT_NOUN_AFTER)![0], aboutReport: true };
    // "the story is a hoax", "the video turned out to be fake", "this is false", "dismissed the report as fabricated"
    const link = LINK_BEFORE.exec(before);
    if (link && CLAUSE_END_AFTER.test(after)) {
      const subject = sentence.slice(Math.max(0, m.index - 200), m.index - link[0].length);
      // (a report that says what it reports, "Claims that the company received €14.2 million are false", denies that
      // point, not the story)
      if (REPORT_NOUN.test(subject) || PRONOUN_SUBJECT.test(subject))
        return { cue: `${link[0]}${m[0]}`.trim(), aboutReport: !REPORTED_POINT.test(subject) && !REPORTED_OF.test(subject) };
    }
    // "the hoax", "this hoax", "a death hoax": a hoax is itself a false report
    if (word.startsWith('hoax')) return { cue: m[0], aboutReport: true };
  }
  const p = mayRefutePhrase(w) ? REFUTE_PHRASES.exec(sentence) : null;
  if (p) return { cue: p[0], aboutReport: /debunk|not\s+true|n['\u2019]t\s+true|no\s+truth|ly\s+\w+$/i.test(p[0]) };
  return undefined;
}

/** The gated cue patterns with their gates on the text, for tests: wherever a pattern matches, its gate passes. */
export const GATED_PATTERNS: ReadonlyArray<{ name: string; pattern: RegExp; may: (s: string) => boolean }> = [
  { name: 'QUESTION_END', pattern: QUESTION_END, may: (s) => s.includes('?') },
  { name: 'QUESTIONS', pattern: QUESTIONS, may: (s) => mayQuestion(WORDS.of(s)) },
  { name: 'DENIES', pattern: DENIES, may: (s) => mayDeny(WORDS.of(s)) },
  { name: 'FALSITY', pattern: FALSITY, may: (s) => mayFalsity(WORDS.of(s)) },
  { name: 'REFUTE_PHRASES', pattern: REFUTE_PHRASES, may: (s) => mayRefutePhrase(WORDS.of(s)) },
  { name: 'HEDGES', pattern: HEDGES, may: (s) => mayHedge(WORDS.of(s)) },
];

export function detectStance(sentence: string, ctx?: { isHeading?: boolean }): { stance: Stance; cue?: string } {
  // QUESTION_END needs a "?"
  if (sentence.includes('?') && QUESTION_END.test(sentence)) return { stance: 'questions', cue: '?' };
  if (ctx?.isHeading) {
    const h = HEADING_QUESTION.exec(sentence);
    if (h) return { stance: 'questions', cue: h[0].replace(/^[\s"'\u201c\u2018*_#]+/, '') };
  }
  const w = WORDS.of(sentence);
  let m = mayQuestion(w) ? QUESTIONS.exec(sentence) : null;
  if (m) return { stance: 'questions', cue: m[0] };
  m = mayDeny(w) ? DENIES.exec(sentence) : null;
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
  const r = refutation(sentence, w);
  if (r) return { stance: 'denies', cue: r.cue };
  m = mayHedge(w) ? HEDGES.exec(sentence) : null;
  if (m) return { stance: 'hedges', cue: m[0] };
  return { stance: 'asserts' };
}

/** a sentence that only says the one before it is untrue: "It did not.", "That is false.", "Not so." */
const REBUTTAL =
  /^["\u201c\u2018']*(?:(?:it|that|this|he|she|they|none of (?:this|that|it))\s+(?:did|does|do|was|were|is|are|had|has|have)(?:\s+not|n['\u2019]t)(?:\s+(?:happen|pass|work|exist|so))?|(?:that|this|it)\s+(?:is|was|was simply|is simply)\s+(?:not true|untrue|false|wrong|incorrect)|not so|not true|false)[.!]?["\u201d\u2019']*$/i;
export function isRebuttal(sentence: string): boolean {
  return sentence.length < 60 && REBUTTAL.test(sentence.trim());
}
