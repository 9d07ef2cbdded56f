import type { SentenceAnalysis, SourceAnalysis } from './analyze';
import { packRaw, type PackedRaw } from './entities/rawPack';
import type { Stance } from './model';
import { NONE, indexIn } from './packed';
import { OUTLET, STANCES, codeOf, decodeExtra, encodeExtra, isPlainOutlet, type Extra, type SpeakerRefs } from './claimStore';

/**
 * A source's sentence analyses as one column of numbers, its distinct meaning keys, and a string for what only some
 * sentences carry: the form they travel in (from a worker thread, to and from the on-disk cache) and are kept in until
 * a rebuild reads them. As objects they took ~210 MB of the main thread's heap through a first indexing of 10,000
 * articles (~500 bytes a sentence, a span, a key list and a speaker each) and most of the cost of copying an analysis
 * from a worker; packed, ~70 bytes a sentence. A rebuild unpacks one source's sentences at a time (`unpackSentences`).
 */
export interface PackedSentences {
  count: number;
  /**
   * `FIELDS` numbers per sentence: start, end, paragraph, bits (stance code | heading << 2 | contrast << 3 |
   * group reference << 4 | pronoun << 5 | doubt << 6 | has an entry in `extra` << 7 | bare event code << 8), where
   * its keys start; then where the last sentence's keys end; then the keys (indexes into `keys`). One buffer of
   * exactly its size: a buffer of its own per column cost ~350 bytes of memory beyond its data (see `Slab`).
   */
  cols: Int32Array;
  /** the distinct meaning keys of the source's sentences, in order of first use */
  keys: string[];
  /** for each sentence with a stance cue, a speaker other than the outlet's own voice, figures or dates: a line
   * "\n{sentence index}\t{JSON}" in the claim store's positional form (`encodeExtra`); '' when none has any */
  extra: string;
}

/** A source's analysis with its sentences and its candidate names packed (see `PackedRaw`). */
export interface PackedAnalysis {
  sourceId: string;
  packedRaw: PackedRaw;
  packedSentences: PackedSentences;
}

/**
 * A source's packed analysis kept elsewhere (the on-disk cache) and read when a rebuild needs it, rather than kept in
 * memory between rebuilds (~70 MB of the main thread's at 10,000 articles): its candidate names (which the resolver
 * reads) and its sentences (which the claims are made from) apart. Each read gives a fresh copy, or throws an error
 * that says what could not be read.
 */
export interface StoredAnalysis {
  readonly stored: true;
  readonly sourceId: string;
  /** how many of its candidate names are names, not events (`nameCount` of its `packedRaw`) */
  readonly names: number;
  readCandidates(): PackedRaw;
  readSentences(): PackedSentences;
}

export function isStoredAnalysis(a: unknown): a is StoredAnalysis {
  return (a as StoredAnalysis | undefined)?.stored === true;
}

const FIELDS = 5;
/** the words `analyzeSource` reads as a bare event ("the attacks"), lower-cased; 0 is none */
const BARE_EVENTS = [
  ...['', 'attack', 'attacks', 'bombing', 'bombings', 'shooting', 'shootings', 'massacre', 'killings', 'explosion'],
  ...['explosions', 'blast', 'blasts', 'blackout', 'blackouts', 'outage', 'outages', 'cyberattack', 'cyberattacks'],
  ...['fire', 'blaze', 'collapse', 'derailment', 'capsizing', 'sinking', 'stampede', 'spill', 'earthquake', 'quake'],
  ...['disaster', 'tragedy', 'rockfall'],
];

export function packAnalysis(a: SourceAnalysis): PackedAnalysis {
  return { sourceId: a.sourceId, packedRaw: packRaw(a.raw), packedSentences: packSentences(a.sentences) };
}

export function packSentences(sentences: readonly SentenceAnalysis[]): PackedSentences {
  const n = sentences.length;
  let refs = 0;
  for (const s of sentences) refs += s.keys.length;
  const cols = new Int32Array(FIELDS * n + 1 + refs);
  // the source's distinct keys, each with its index, in order of first use
  const keyIndex = new Map<string, number>();
  const speakers: SpeakerRefs = new Map();
  let extra = '';
  let r = FIELDS * n + 1;
  for (let i = 0; i < n; i++) {
    const s = sentences[i];
    const at = FIELDS * i;
    cols[at] = s.span.start;
    cols[at + 1] = s.span.end;
    cols[at + 2] = s.paragraph;
    const speaker = isPlainOutlet(s.speaker) ? 0 : s.speaker;
    const hasExtra = !!(s.stanceCue || speaker || s.quantities.length || s.dates.length);
    cols[at + 3] =
      codeOf(STANCES, s.stance, 'sentence stance') |
      (+s.heading << 2) |
      (+s.contrast << 3) |
      (+s.groupRef << 4) |
      (+s.pronoun << 5) |
      (+s.doubt << 6) |
      (+hasExtra << 7) |
      (codeOf(BARE_EVENTS, s.bareEvent ?? '', 'bare event') << 8);
    cols[at + 4] = r;
    for (const k of s.keys) cols[r++] = indexIn(keyIndex, k);
    // (JSON escapes line breaks and tabs: a line holds one sentence's fields)
    if (hasExtra) extra += `\n${i}\t${encodeExtra(s.stanceCue, speaker, s.quantities, s.dates, speakers, i)}`;
  }
  cols[FIELDS * n] = r;
  return { count: n, cols, keys: [...keyIndex.keys()], extra };
}

/**
 * The sentences as `analyzeSource` made them: fresh objects, but for the keys (the packed form's strings), the
 * source's own voice (one shared object) and no figures or dates (one shared empty list). Throws on a packed form that
 * does not hold together (a corrupt cache).
 */
export function unpackSentences(p: PackedSentences): SentenceAnalysis[] {
  const { count: n, cols, keys } = p;
  const extras = p.extra ? extrasOf(p.extra, n) : undefined;
  const out = new Array<SentenceAnalysis>(n);
  for (let i = 0; i < n; i++) {
    const at = FIELDS * i;
    const bits = cols[at + 3];
    const from = cols[at + 4];
    // (the next sentence's start, or after the last, the end of them all)
    const to = i + 1 < n ? cols[at + FIELDS + 4] : cols[FIELDS * n];
    const ks = new Array<string>(to - from);
    for (let r = from; r < to; r++) {
      const k = keys[cols[r]];
      if (k === undefined) throw new Error(`packed sentences: key ${cols[r]} of ${keys.length}`);
      ks[r - from] = k;
    }
    const x = bits & 128 ? extras?.get(i) : undefined;
    if (bits & 128 && !x) throw new Error(`packed sentences: sentence ${i} has no extra fields`);
    const bare = BARE_EVENTS[bits >> 8];
    out[i] = {
      span: { start: cols[at], end: cols[at + 1] },
      heading: !!(bits & 4),
      paragraph: cols[at + 2],
      stance: STANCES[bits & 3] as Stance,
      stanceCue: x?.[0] || undefined,
      speaker: x?.[1] || OUTLET,
      quantities: x?.[2] || NONE,
      dates: x?.[3] || NONE,
      keys: ks,
      contrast: !!(bits & 8),
      bareEvent: bare || undefined,
      groupRef: !!(bits & 16),
      pronoun: !!(bits & 32),
      doubt: !!(bits & 64),
    };
  }
  return out;
}

function extrasOf(extra: string, n: number): Map<number, Extra> {
  const out = new Map<number, Extra>();
  for (const line of extra.split('\n')) {
    if (!line) continue;
    const tab = line.indexOf('\t');
    const i = Number(line.slice(0, tab));
    if (!(tab > 0 && Number.isInteger(i) && i >= 0 && i < n))
      throw new Error(`packed sentences: an extra line for sentence ${line.slice(0, tab)}`);
    // (a speaker met before is an earlier line's, decoded already: the sentences share that object)
    out.set(
      i,
      decodeExtra(line.slice(tab + 1), (k) => (k < i ? (out.get(k)?.[1] ?? 0) : 0)),
    );
  }
  return out;
}

/** The shape of packed sentences, and that their column is as long as their count says and their key indexes fit. */
export function isPackedSentences(x: unknown): x is PackedSentences {
  const p = x as PackedSentences;
  if (
    !p ||
    !Number.isInteger(p.count) ||
    p.count < 0 ||
    !(p.cols instanceof Int32Array) ||
    !Array.isArray(p.keys) ||
    typeof p.extra !== 'string'
  )
    return false;
  const head = FIELDS * p.count + 1;
  if (p.cols.length < head || p.cols[head - 1] !== p.cols.length) return false;
  for (let i = 0; i < p.count; i++) {
    const from = p.cols[FIELDS * i + 4];
    const to = i + 1 < p.count ? p.cols[FIELDS * (i + 1) + 4] : p.cols[head - 1];
    if (from < head || to < from || to > p.cols.length) return false;
  }
  for (let r = head; r < p.cols.length; r++) if (p.cols[r] < 0 || p.cols[r] >= p.keys.length) return false;
  return p.keys.every((k) => typeof k === 'string');
}

/** The packed form of the analysis, whichever form it is in. */
export function packedAnalysisOf(a: SourceAnalysis | PackedAnalysis): PackedAnalysis {
  return 'packedSentences' in a ? a : packAnalysis(a);
}
