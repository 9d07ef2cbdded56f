/**
 * The product's model, in its own words: Source, Entity, Mention, Claim, Dispute, Finding.
 * Pure data: no editor, LSP or Node packages. Offsets are UTF-16 code-unit offsets into
 * `Source.text` (the text the analysis reads), which is what JavaScript strings index.
 */

export type SourceKind = 'news' | 'wire' | 'opinion' | 'analysis' | 'press-release' | 'fact-check';
export type SourceFormat = 'text' | 'markdown' | 'html' | 'claimreview';

export interface SourceMeta {
  title?: string;
  outlet?: string;
  author?: string;
  /** ISO date (YYYY-MM-DD) */
  published?: string;
  url?: string;
  kind?: SourceKind;
}

/**
 * What a writer is shown to name a source: its outlet, else its title, else its file's name (a source of a writer's own
 * corpus may have neither; its full path, on this machine, said little and took the room of the point made).
 */
export function sourceName(source: { meta: SourceMeta } | undefined, sourceId: string): string {
  return source?.meta.outlet ?? source?.meta.title ?? (sourceId.split(/[\\/]/).pop() || sourceId);
}

/** the label of a fact-check's claim, for a pattern: "Claim", "The claim", "Claim 1", "Claim #2", "Claim (3)", "Claim one",
 * "What he said", "What was claimed" */
export const CLAIM_LABEL = String.raw`(?:(?:the )?claim(?:[ \t]*(?:#?\d{1,2}|\(\d{1,2}\)|one|two|three|four|five))?|what (?:(?:he|she|they|it) (?:said|claimed|wrote|posted)|was (?:said|claimed)))`;

/** the word of a fact-check's rating label, for a pattern: "Rating", "Verdict", "Our ruling", "Score" */
export const RATING_WORD = String.raw`(?:rating|verdict|ruling|score)`;

/** A fact-check's numbered claim, a quotation alone on its line, for a pattern: "2. "The market passed a full inspection."" (group
 * 1: the quotation with its marks) */
export const NUMBERED_CLAIM = String.raw`\d{1,2}[.)][ \t]*(?:[*_]{1,2})?(["\u201c][^\n]{3,}["\u201d])\.?(?:[*_]{1,2})?`;

/** A fact-check's question that states the claim it rates, for a pattern: "Q. Did three people die in Thiès on Monday?"
 * (group 1: the question) */
export const QUESTION_CLAIM = String.raw`Q(?:[*_]{1,2})?[ \t]*[.:)](?:[*_]{1,2})?[ \t]*((?:Did|Does|Do|Is|Was|Were|Are|Has|Have|Had|Can|Could|Will|Would|Should)\b[^\n]*\?)`;

/** A turn label opening a paragraph of a transcript: "((Name))", or "Name:" / "**Q:**" (one to four words). */
export const TURN_LABEL =
  /^[*_]*(?:\(\(\s*([^()\n]{1,60}?)\s*\)\)|([\p{Lu}][\p{L}\p{M}.'\u2019-]*(?: [\p{Lu}][\p{L}\p{M}.'\u2019-]*){0,3})[*_]*:)[*_]*\s+/u;

/** A claim's words as a writer is shown them: without the turn label that opens a transcript's turn ("((Perttu Ahola))
 * Minetest has …" is shown as "Minetest has …", its speaker beside it). */
export function shownText(c: { text: string; speaker: { cue?: string; name?: string } }): string {
  if (c.speaker.cue !== 'turn') return c.text;
  const m = TURN_LABEL.exec(c.text);
  return m && (m[1] ?? m[2]).trim() === c.speaker.name && m[0].length < c.text.length ? c.text.slice(m[0].length) : c.text;
}

/** A claim's speaker as a writer is shown it: its name, unless the sentence is the outlet's own or names its speaker only
 * by a pronoun ("she told reporters": the passage shows that much, "citing she" would add nothing). */
export function speakerShown(speaker: { kind: string; name?: string }): string | undefined {
  if (speaker.kind === 'outlet' || !speaker.name || /^(?:he|she|they|it|we|i|you)$/i.test(speaker.name)) return undefined;
  return speaker.name;
}

/** A half-open [start, end) span of UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

/** A ClaimReview (schema.org fact-check) carried by a source. */
export interface Review {
  claimReviewed: string;
  /** e.g. "False", "Misleading", "Mostly true" */
  rating: string;
  /** normalised verdict derived from the rating */
  verdict: 'false' | 'misleading' | 'mixed' | 'true' | 'unrated';
  claimant?: string;
  reviewer?: string;
  url?: string;
  datePublished?: string;
  /** where the claimReviewed text sits in Source.text */
  span: Span;
  /** a quoted phrase rated inside a sentence of prose (""below 10 percent" is FALSE"), not a claim line or a whole
   * sentence */
  inline?: boolean;
}

export interface Source {
  /** stable id (content-independent): usually the file path relative to its corpus root */
  id: string;
  /** absolute path (or URI string) of the file the text came from */
  path: string;
  format: SourceFormat;
  /** the text the analysis reads: the whole file for text/markdown, the extracted main text for HTML */
  text: string;
  meta: SourceMeta;
  /**
   * Spans of `text` that are prose (claims are read from these). Headlines, bylines, datelines,
   * "Region:/Theme:" lines, link lists and publishers' footers are left out.
   */
  prose: Span[];
  /** Spans of `text` that are headings/titles (treated apart: capitalisation cues do not hold there). */
  headings: Span[];
  /** Maps an offset in `text` to an offset in the file as read (decoded). Identity when absent. */
  fileOffset?: (offset: number) => number;
  reviews?: Review[];
  /** sha-256 of the file bytes, for the on-disk cache */
  hash?: string;
}

export type EntityType = 'person' | 'organization' | 'place' | 'event';

export interface Mention {
  sourceId: string;
  span: Span;
  /** the text as written */
  text: string;
}

export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  mentions: Mention[];
  /** for events: ISO date if known, and the place entity id */
  date?: string;
  placeId?: string;
}

export type Stance = 'asserts' | 'denies' | 'questions' | 'hedges';

export type Qualifier = 'exact' | 'more-than' | 'at-least' | 'about' | 'almost' | 'up-to' | 'at-most' | 'some' | 'less-than';

/** what a figure counts: the dead, the hurt, … ; `attended`: a crowd ("4,000 people took part"); `jobs`: jobs lost
 * ("640 jobs would be lost", "1,100 workers will lose their jobs"); `percent`: a share ("38%", "12 per cent"); `duration`: a time taken ("11 months", its bounds in days); `aboard`: the people a vessel or vehicle carried ("212
 * passengers were on board"); `stranded`: the people trapped ("97 people were stuck in the cabins") */
export type Measure =
  | 'killed'
  | 'wounded'
  | 'killed-and-wounded'
  | 'arrested'
  | 'travelled'
  | 'returned'
  | 'listed'
  | 'money'
  | 'other'
  | 'attended'
  | 'jobs'
  | 'percent'
  | 'duration'
  | 'aboard'
  | 'stranded';

/** Whether a figure counts people or things an event or a decision touched (not a sum, a share or a list). */
export function isCount(measure: Measure): boolean {
  return measure !== 'other' && measure !== 'money' && measure !== 'listed' && measure !== 'percent' && measure !== 'duration';
}

/** What was counted: people in general, attackers, police/soldiers, … */
export type Counted = 'people' | 'attackers' | 'security' | 'children' | 'other';

export interface Quantity {
  /** inclusive bounds of the value range implied by number + qualifier */
  low: number;
  high: number;
  /** the number as stated (e.g. 34, 1400, 200 for "hundreds") */
  value: number;
  qualifier: Qualifier;
  measure: Measure;
  counted: Counted;
  /** the counted noun / predicate words as written, e.g. "people", "killed" */
  noun?: string;
  predicate?: string;
  span: Span;
}

export interface DateRef {
  /** ISO date, or YYYY-MM, or YYYY when only that is known */
  iso: string;
  span: Span;
  text: string;
}

export interface Speaker {
  /** "outlet" means the source's own voice */
  kind: 'outlet' | 'attributed' | 'quoted';
  /** who, as written ("a Turkish security source", "Trevidic", "the Independent") */
  name?: string;
  /** the cue that shows it: "according to", "said", "told", "quote" */
  cue?: string;
  /** entity id of the speaker, when resolved */
  entityId?: string;
}

export interface Claim {
  id: string;
  sourceId: string;
  /** the sentence */
  span: Span;
  text: string;
  entityIds: string[];
  /** entities the sentence refers back to ("he", "the group", "the attacks") */
  contextIds?: string[];
  speaker: Speaker;
  stance: Stance;
  /** the word(s) that decided the stance ("alleged", "It is unclear whether", "?") */
  stanceCue?: string;
  quantities: Quantity[];
  dates: DateRef[];
  /** content-word stems of the sentence, for matching by meaning */
  keys: string[];
}

export type DisputeKind = 'figures' | 'responsibility' | 'contested' | 'questioned' | 'dates' | 'places' | 'fact-check';

export interface DisputeSide {
  claimId: string;
  sourceId: string;
  /** short label: "asserts", "questions", "denies", "34 killed" … */
  position: string;
}

export interface Dispute {
  id: string;
  kind: DisputeKind;
  /** what is in dispute, for a human reader */
  point: string;
  entityIds: string[];
  sides: DisputeSide[];
  /** a fact-check's rating of a phrase inside its sentence: the phrase rated (what a draft sentence must say) */
  rated?: string;
  /** a fact-check's claimant, as the review names them ("Álvaro Pendás"): where the claim rated is looked for */
  claimant?: string;
}

export type FindingCode = 'disputed-claim' | 'disputed-entity' | 'unknown-spelling' | 'source-error';
export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface RelatedPassage {
  sourceId: string;
  span: Span;
  /** why it is related: "Harbour Post questions: …" */
  message: string;
}

/** A finding in a draft: what a diagnostic shows. Draft offsets. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  span: Span;
  message: string;
  related: RelatedPassage[];
  /** replacement suggestions (unknown-spelling) */
  suggestions?: string[];
  entityId?: string;
  disputeIds?: string[];
  /** the claim that supports the sentence best, for "insert citation" */
  supportClaimId?: string;
}

/** A mention of a corpus entity found in a draft. Draft offsets. */
export interface DraftMention {
  span: Span;
  text: string;
  entityId: string;
  /** when a short name fits several entities ("Dalhuisen"), all candidates */
  candidates?: string[];
}

export interface CancellationLike {
  readonly isCancellationRequested: boolean;
}

export const NeverCancelled: CancellationLike = { isCancellationRequested: false };
