import type { DateRef, Quantity, Source, Span, Speaker, Stance } from './model';
import { paragraphs, sentences } from './text/sentences';
import { extractMentions, sentenceKeys, tokenizeSentences, type RawMention, type SentenceInfo } from './entities/extract';
import { detectSpeaker, detectStance, extractDates, extractQuantities } from './claims';
import { isDoubt } from './disputes/detect';

/**
 * Everything that can be read from one source on its own (no other source needed): its sentences, the
 * candidate names in them, and for each sentence the speaker, stance, figures, dates and meaning keys.
 * This is the expensive, per-file part; it is cached by content hash and can run in worker threads.
 */
export interface SentenceAnalysis extends SentenceInfo {
  paragraph: number;
  stance: Stance;
  stanceCue?: string;
  speaker: Speaker;
  quantities: Quantity[];
  dates: DateRef[];
  keys: string[];
  /** starts with a contrast marker ("But", "In fact", "However", "Yet") */
  contrast: boolean;
  /** bare anaphoric event ("the attacks") appears */
  bareEvent?: string;
  /** "the group", "the organisation": refers back to an organisation */
  groupRef: boolean;
  /** a personal pronoun refers back to a person */
  pronoun: boolean;
  /** the sentence denies or explicitly doubts something (`isDoubt`), decided once here rather than per rebuild */
  doubt: boolean;
}

export interface SourceAnalysis {
  sourceId: string;
  sentences: SentenceAnalysis[];
  raw: RawMention[];
}

/** (not a concession about anything else: "Despite attempts to lure her out, …", "Instead, they are called …", "Still, …";
 * "despite" only before what someone said: "Despite the ministry's assurances, …") */
const CONTRAST =
  /^(?:["\u201c\u2018'*_]*)(?:but|however|yet|in fact|in reality|actually|nevertheless|nonetheless|on the contrary|contrary to|despite(?=\s+(?:\S+\s+){0,4}?(?:claims?|assurances?|denials?|reports?|statements?|insistence|promises?|pledges?|allegations?|accounts?|assertions?|what)\b))\b/i;
const BARE_EVENT = /\bthe (?:terror |terrorist |suicide |deadly )?(attacks?|bombings?|shootings?|massacre|killings)\b/i;
const GROUP_REF =
  /\bthe (?:group|organi[sz]ation|militants|militia|movement|terrorist group|extremist group|jihadist group)\b|\bextremist group\b/i;
const PRONOUN = /\b(?:he|she|him|his|her|himself|herself)\b/i;
const LIST_LINE = /^\s*(?:[-*\u2022]|\d+[.)])\s+/;

/** Sentence spans of a source: prose paragraphs (list items apart) and headings. */
export function sourceSentences(
  src: Pick<Source, 'text' | 'prose' | 'headings' | 'meta'>,
): { span: Span; heading: boolean; paragraph: number }[] {
  const out: { span: Span; heading: boolean; paragraph: number }[] = [];
  let p = 0;
  const text = src.text;
  const blocks: { span: Span; heading: boolean }[] = [
    ...src.prose.map((s) => ({ span: s, heading: false })),
    ...src.headings.map((s) => ({ span: s, heading: true })),
  ];
  // the title, when the text carries it but the loader kept it out of prose and headings
  if (src.meta.title) {
    const at = text.indexOf(src.meta.title);
    if (at >= 0 && !blocks.some((b) => b.span.start <= at && at < b.span.end))
      blocks.push({ span: { start: at, end: at + src.meta.title.length }, heading: true });
  }
  blocks.sort((a, b) => a.span.start - b.span.start);
  for (const b of blocks) {
    if (b.heading) {
      out.push({ span: b.span, heading: true, paragraph: p++ });
      continue;
    }
    for (const para of paragraphs(text, b.span)) {
      for (const piece of splitListLines(text, para)) {
        for (const s of sentences(text, piece)) out.push({ span: s, heading: false, paragraph: p });
      }
      p++;
    }
  }
  return out;
}

function splitListLines(text: string, para: Span): Span[] {
  const chunk = text.slice(para.start, para.end);
  if (!/\n\s*(?:[-*\u2022]|\d+[.)])\s+/.test(chunk) && !LIST_LINE.test(chunk)) return [para];
  const out: Span[] = [];
  let off = para.start;
  let cur = para.start;
  for (const line of chunk.split('\n')) {
    if (LIST_LINE.test(line) && off > cur) {
      out.push({ start: cur, end: off - 1 });
      cur = off;
    }
    off += line.length + 1;
  }
  out.push({ start: cur, end: para.end });
  return out.map((s) => {
    const m = LIST_LINE.exec(text.slice(s.start, s.end));
    return m ? { start: s.start + m[0].length, end: s.end } : s;
  });
}

export function analyzeSource(src: Source): SourceAnalysis {
  const text = src.text;
  const spans = sourceSentences(src);
  // one tokenisation for the names and the meaning keys
  const tokens = tokenizeSentences(text, spans);
  const raw = extractMentions(text, spans, undefined, tokens);
  let quotedBy: Speaker | undefined;
  let quotedUntil = -1;
  let lastPara = -1;
  const sents: SentenceAnalysis[] = spans.map((s, si) => {
    const str = text.slice(s.span.start, s.span.end);
    const { stance, cue } = detectStance(str, { isHeading: s.heading });
    let speaker = detectSpeaker(str);
    // a paragraph introduced by "According to X:" or "X reported:" quotes X in the next paragraph
    // a quotation introduced by "According to X:" or "Outlet – X:" covers the paragraph that follows, no more
    if (s.paragraph !== lastPara) {
      if (quotedBy && s.paragraph > quotedUntil) quotedBy = undefined;
      lastPara = s.paragraph;
    }
    if (speaker.kind === 'outlet' && quotedBy && !s.heading) speaker = { ...quotedBy, kind: 'quoted' };
    // both quotation introductions below need a colon: most sentences have none
    const colon = str.includes(':');
    if (colon && /:\s*[*_]*$/.test(str) && !s.heading) {
      const intro = detectSpeaker(str.replace(/:\s*[*_]*$/, '.'));
      const label = /^[*_]*(?:[^:]{0,40}?[-\u2013\u2014]\s*)?([\p{Lu}][^:]{1,60}):/u.exec(str);
      if (intro.kind !== 'outlet') quotedBy = intro;
      else if (label) quotedBy = { kind: 'quoted', name: label[1].replace(/[*_]/g, '').trim(), cue: 'label' };
      quotedUntil = s.paragraph + 1;
    } else if (colon && /^[*_]*[^:]{0,40}[-\u2013\u2014]\s*[\p{Lu}][^:]{1,60}:[*_]*\s/u.test(str)) {
      const label = /^[*_]*[^:]{0,40}[-\u2013\u2014]\s*([\p{Lu}][^:]{1,60}):/u.exec(str)!;
      quotedBy = { kind: 'quoted', name: label[1].replace(/[*_]/g, '').trim(), cue: 'label' };
      quotedUntil = s.paragraph + 1;
      speaker = quotedBy;
    }
    const bare = BARE_EVENT.exec(str);
    const doubt = isDoubt({ text: str, stance, stanceCue: cue, speaker, heading: s.heading });
    return {
      span: s.span,
      heading: s.heading,
      paragraph: s.paragraph,
      stance,
      stanceCue: cue,
      speaker,
      quantities: safe(() => extractQuantities(str, s.span.start), []),
      dates: safe(() => extractDates(str, s.span.start, src.meta.published), []),
      keys: sentenceKeys(str, tokens[si]),
      contrast: CONTRAST.test(str),
      bareEvent: bare ? bare[1].toLowerCase() : undefined,
      groupRef: GROUP_REF.test(str),
      pronoun: PRONOUN.test(str),
      doubt,
    };
  });
  return { sourceId: src.id, sentences: sents, raw };
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}
