/**
 * schema.org ClaimReview (fact-checks) as JSON-LD: a single object, an array, an @graph,
 * or a DataFeed. Each valid review becomes a readable block of text plus a `Review`.
 */
import { CLAIM_LABEL, NUMBERED_CLAIM, QUESTION_CLAIM, RATING_WORD, type Review, type SourceMeta, type Span } from '../core/model';
import { normaliseDate } from './dates';
import { nameOf } from './meta';

export type ReviewData = Omit<Review, 'span'>;

function typesOf(o: Record<string, unknown>): string[] {
  const t = o['@type'] ?? o.type;
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/#:]/, ''));
}

/** Every object typed ClaimReview anywhere in the JSON (iterative; depth-limited). */
export function collectClaimReviews(data: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const stack: { v: unknown; d: number }[] = [{ v: data, d: 0 }];
  let visited = 0;
  while (stack.length && visited < 200_000) {
    const { v, d } = stack.pop()!;
    visited++;
    if (d > 64 || v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], d: d + 1 });
      continue;
    }
    const o = v as Record<string, unknown>;
    if (typesOf(o).includes('ClaimReview')) {
      found.push(o);
      continue;
    }
    const keys = Object.keys(o);
    for (let i = keys.length - 1; i >= 0; i--) stack.push({ v: o[keys[i]], d: d + 1 });
  }
  return found;
}

const MISLEADING =
  /\b(?:misleading|mostly false|mostly inaccurate|partly false|partially false|partly inaccurate|distort\w*|exaggerat\w*|out of context|missing context|lacks context|needs context|cherry[- ]?pick\w*|spin|unsupported|unproven|unsubstantiated|three pinocchios|manipulated|satire)\b/i;
const MIXED = /\b(?:mixed|mixture|half[- ]true|half[- ]truth|partly true|partially true|partly correct|two pinocchios|disputed|in dispute)\b/i;
const FALSE =
  /\b(?:false|fake|pants on fire|incorrect|wrong|untrue|not true|fabricated|hoax|baseless|no evidence|debunked|four pinocchios|inaccurate|bogus|scam|faux|falso|erroneous)\b/i;
const TRUE = /\b(?:true|correct|accurate|mostly true|verified|confirmed|one pinocchio|geppetto checkmark|vrai|verdadero)\b/i;

/** A rating's words → the normalised verdict. */
export function verdictFromText(s: string): Review['verdict'] | undefined {
  if (MISLEADING.test(s)) return 'misleading';
  if (MIXED.test(s)) return 'mixed';
  if (FALSE.test(s)) return 'false';
  if (TRUE.test(s)) return 'true';
  return undefined;
}

function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}

/** ratingValue relative to worstRating..bestRating (defaults 1..5) → verdict. */
export function verdictFromValue(value: number, best = 5, worst = 1): Review['verdict'] {
  if (!(best !== worst)) return 'unrated';
  const f = (value - worst) / (best - worst);
  if (!Number.isFinite(f) || f < -0.01 || f > 1.01) return 'unrated';
  if (f < 0.2) return 'false';
  if (f <= 0.45) return 'misleading';
  if (f < 0.7) return 'mixed';
  return 'true';
}

/** One ClaimReview object → ReviewData, or a reason it was skipped. */
export function readClaimReview(o: Record<string, unknown>): { review?: ReviewData; skip?: string } {
  const claim = o.claimReviewed;
  if (typeof claim !== 'string') {
    return { skip: claim === undefined ? 'it has no claimReviewed' : `claimReviewed is a ${kindOf(claim)}, not a string` };
  }
  const claimReviewed = claim.replace(/\s+/g, ' ').trim();
  if (!claimReviewed) return { skip: 'claimReviewed is empty' };

  let rating = 'Unrated';
  let verdict: Review['verdict'] = 'unrated';
  const rr = o.reviewRating;
  if (rr !== undefined && rr !== null) {
    if (typeof rr !== 'object' || Array.isArray(rr)) return { skip: `reviewRating is a ${kindOf(rr)}, not an object` };
    const r = rr as Record<string, unknown>;
    const alt = typeof r.alternateName === 'string' ? r.alternateName.trim() : typeof r.name === 'string' ? r.name.trim() : '';
    const value = num(r.ratingValue);
    const best = num(r.bestRating) ?? 5;
    const worst = num(r.worstRating) ?? 1;
    if (alt) {
      rating = alt;
      verdict = verdictFromText(alt) ?? (value !== undefined ? verdictFromValue(value, best, worst) : 'unrated');
    } else if (value !== undefined) {
      rating = `${value} (on a scale from ${worst} to ${best})`;
      verdict = verdictFromValue(value, best, worst);
    } else if (r.ratingValue !== undefined) {
      return { skip: `reviewRating.ratingValue is a ${kindOf(r.ratingValue)}, not a number` };
    }
  }
  const item = o.itemReviewed;
  const claimant = item && typeof item === 'object' ? nameOf((item as Record<string, unknown>).author) : undefined;
  const reviewer = nameOf(o.author) ?? nameOf(o.publisher);
  const url = typeof o.url === 'string' ? o.url.trim() || undefined : undefined;
  const datePublished = normaliseDate(o.datePublished);
  const review: ReviewData = { claimReviewed, rating, verdict };
  if (claimant) review.claimant = claimant;
  if (reviewer) review.reviewer = reviewer;
  if (url) review.url = url;
  if (datePublished) review.datePublished = datePublished;
  return { review };
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  return typeof v;
}

export interface ReviewBlock {
  text: string;
  reviews: Review[];
  /** the claim texts (prose) */
  prose: Span[];
}

/**
 * The readable text of reviews, starting at `offset` in the final text:
 * "Claim: … / Claimant: … / Rating: … / Reviewed by …, DATE".
 */
export function renderReviews(items: ReviewData[], offset = 0): ReviewBlock {
  let text = '';
  const reviews: Review[] = [];
  const prose: Span[] = [];
  items.forEach((r, i) => {
    if (i > 0) text += '\n\n';
    text += 'Claim: ';
    const start = offset + text.length;
    text += r.claimReviewed;
    const span = { start, end: offset + text.length };
    prose.push({ ...span });
    if (r.claimant) text += `\nClaimant: ${r.claimant}`;
    text += `\nRating: ${r.rating}`;
    const by = [r.reviewer, r.datePublished].filter(Boolean).join(', ');
    if (by) text += `\nReviewed by ${by}`;
    if (r.url) text += `\n${r.url}`;
    reviews.push({ ...r, span });
  });
  return { text, reviews, prose };
}

export interface ClaimReviewFile {
  text?: string;
  meta?: SourceMeta;
  reviews?: Review[];
  prose?: Span[];
  problem?: string;
  warnings: string[];
}

export function parseClaimReviewJson(text: string): ClaimReviewFile {
  const warnings: string[] = [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { problem: `not valid JSON (${(err as Error).message})`, warnings };
  }
  const objects = collectClaimReviews(data);
  if (objects.length === 0) return { problem: 'not a ClaimReview file', warnings };
  const items: ReviewData[] = [];
  objects.forEach((o, i) => {
    const { review, skip } = readClaimReview(o);
    if (review) items.push(review);
    else warnings.push(`review ${i + 1} of ${objects.length} skipped: ${skip}`);
  });
  if (items.length === 0) return { problem: `no usable ClaimReview (${objects.length} skipped)`, warnings };
  const block = renderReviews(items);
  const first = items[0];
  const meta: SourceMeta = { kind: 'fact-check', title: `Fact-check: ${first.claimReviewed}` };
  if (first.reviewer) meta.outlet = first.reviewer;
  if (first.datePublished) meta.published = first.datePublished;
  if (first.url && items.length === 1) meta.url = first.url;
  return { text: block.text, meta, reviews: block.reviews, prose: block.prose, warnings };
}

/** a fact-check's claim line as plain text: "CLAIM: "…" — Claimant, date" ("Claim:", "**Claim:**", "CLAIM 1:", "The
 * claim:", "What he said:") */
const CLAIM_LINE = new RegExp(String.raw`^[ \t]*(?:[*_]{1,2})?${CLAIM_LABEL}(?:[*_]{1,2})?[ \t]*:(?:[*_]{1,2})?[ \t]*(.+)$`, 'im');
/** a rating's label at a line's start, with its colon: "OUR RATING:", "**Verdict:**" */
const RATING_LABEL = String.raw`^[ \t]*(?:[*_]{1,2})?(?:our |the )?${RATING_WORD}(?:[*_]{1,2})?[ \t]*:(?:[*_]{1,2})?[ \t]*`;
/** a rating line: "OUR RATING: False.", "Verdict: Misleading", "Our ruling: False." */
const RATING_LINE = new RegExp(String.raw`${RATING_LABEL}([^\n]{1,80})$`, 'i');
/** a question line that states the claim it rates: "Q. Did three people die in Thiès on Monday?" */
const QUESTION_LINE = new RegExp(String.raw`^[ \t]*(?:[*_]{1,2})?${QUESTION_CLAIM}[ \t]*$`);
/** a numbered quotation alone on its line: "2. "The market passed a full fire-safety inspection in 2024."" */
const NUMBERED_LINE = new RegExp(String.raw`^[ \t]*${NUMBERED_CLAIM}[ \t]*$`);
/** who made the claim, on a line of its own: "Who said it: Irakli Chkhaidze, director general of …", "Said by: …" */
const CLAIMANT_LINE = /^[ \t]*(?:[*_]{1,2})?(?:who said it|said by|claimant|claim made by|made by)(?:[*_]{1,2})?[ \t]*:(?:[*_]{1,2})?[ \t]*([^\n]+)$/i;

/** a rating and its claim on one line: "VERDICT: MISLEADING. CLAIM: The channel "is a small one"" (1: the rating, 2: the
 * rest) */
const VERDICT_THEN_CLAIM = new RegExp(
  String.raw`${RATING_LABEL}([^.\n:]{1,40}?)\.?(?:[*_]{1,2})?[ \t]+(?:[*_]{1,2})?${CLAIM_LABEL}(?:[*_]{1,2})?[ \t]*:(?:[*_]{1,2})?[ \t]*(.+)$`,
  'i',
);

/** a quoted phrase and a verdict in capitals after it in the same sentence: ""below 10 percent" is FALSE" */
const QUOTED_VERDICT =
  /["\u201c]([^"\u201d\n]{3,120})["\u201d][^.\n"\u201c]{0,80}?\b(?:is|was|are|were|rated)\s+((?:MOSTLY |HALF |PARTLY )?(?:TRUE|FALSE|MISLEADING|UNPROVEN|INACCURATE|UNSUPPORTED))\b/g;

/** how many lines that are not blank may stand between a claim line and its rating line ("Who said it:" …) */
const RATING_REACH = 4;

/**
 * The reviews a fact-check written as text carries: each claim line with the rating line whose words give a verdict
 * within the next four lines that are not blank, before another claim line; or, failing that, within the four before
 * it, after any other claim line ("Rating: FALSE" / "Who said it: …" / "What he said: "…""). The claim reviewed is
 * the line's quotation (else the line), its claimant what follows a dash after it; offsets are the text's.
 */
export function reviewsInText(text: string, reviewer?: string): Review[] {
  // the lines that are not blank, each a claim line, a rating line with a verdict, or another
  const lines: { kind: 'claim' | 'rating' | 'other'; m?: RegExpExecArray; rating?: string; claimant?: string }[] = [];
  const direct: Review[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    const start = at;
    at += line.length + 1;
    if (!line.trim()) continue;
    // "VERDICT: MISLEADING. CLAIM: … WHO SAID IT: …" on one line: that claim's review, whatever follows
    const both = VERDICT_THEN_CLAIM.exec(line);
    const bothVerdict = both && verdictFromText(both[1].trim());
    if (both && bothVerdict) {
      const body = both[2].split(/\s+(?:[*_]{1,2})?who said it\b/i)[0].trim();
      const bodyAt = start + line.indexOf(body, both.index + both[0].length - both[2].length);
      const claimant = /\bwho said it(?:[*_]{1,2})?\s*:\s*(?:[*_]{1,2})?\s*([^,.;\n]+)/i.exec(both[2])?.[1].trim();
      direct.push({
        claimReviewed: body,
        rating: both[1].trim(),
        verdict: bothVerdict,
        ...(claimant ? { claimant } : {}),
        ...(reviewer ? { reviewer } : {}),
        span: { start: bodyAt, end: bodyAt + body.length },
      });
      lines.push({ kind: 'other' });
      continue;
    }
    const c = CLAIM_LINE.exec(line) ?? QUESTION_LINE.exec(line) ?? NUMBERED_LINE.exec(line);
    if (c) {
      c.index += start;
      lines.push({ kind: 'claim', m: c });
      continue;
    }
    const rating = RATING_LINE.exec(line)?.[1].replace(/[*_.\s]+$/, '').trim();
    const who = CLAIMANT_LINE.exec(line)?.[1];
    lines.push(rating && verdictFromText(rating) ? { kind: 'rating', rating } : { kind: 'other', ...(who ? { claimant: claimantOf(who) } : {}) });
  }
  const out: Review[] = direct;
  const used = new Set<number>();
  const ratingNear = (from: number, step: 1 | -1): number => {
    for (let n = 1, k = from + step; n <= RATING_REACH && k >= 0 && k < lines.length; n++, k += step) {
      if (lines[k].kind === 'claim') return -1;
      if (lines[k].kind === 'rating' && !used.has(k)) return k;
    }
    return -1;
  };
  // a verdict in capitals on a quoted phrase inside a sentence ("In brief: the minister's "below 10 percent" is FALSE for
  // both fuels"): a fact-checker's rating written in prose
  for (const m of text.matchAll(QUOTED_VERDICT)) {
    const verdict = verdictFromText(m[2]);
    if (!verdict) continue;
    const start = m.index! + m[0].indexOf(m[1]);
    out.push({
      claimReviewed: m[1],
      rating: m[2],
      verdict,
      ...(reviewer ? { reviewer } : {}),
      span: { start, end: start + m[1].length },
      inline: true,
    });
  }
  lines.forEach((line, li) => {
    if (line.kind !== 'claim') return;
    let k = ratingNear(li, 1);
    if (k < 0) k = ratingNear(li, -1);
    if (k < 0) return;
    used.add(k);
    const m = line.m!;
    const rating = lines[k].rating!;
    const body = m[1];
    const bodyAt = m.index + m[0].lastIndexOf(body);
    const q = /["\u201c]([^"\u201d]{3,})["\u201d]/.exec(body);
    const start = bodyAt + (q ? q.index + 1 : 0);
    const claimReviewed = q ? q[1] : body.trim();
    // (after a dash behind the quotation, else on a "Who said it:" line between the claim and its rating)
    const claimant =
      (q ? /^\s*[-\u2013\u2014,]+\s*([^,\n]+)/.exec(body.slice(q.index + q[0].length))?.[1].trim() : undefined) ??
      lines.slice(Math.min(li, k) + 1, Math.max(li, k)).find((x) => x.claimant)?.claimant;
    out.push({
      claimReviewed,
      rating,
      verdict: verdictFromText(rating)!,
      ...(claimant ? { claimant } : {}),
      ...(reviewer ? { reviewer } : {}),
      span: { start, end: start + claimReviewed.length },
    });
  });
  out.push(...reviewsInTables(text, reviewer));
  return out;
}

/** a claimant's name as a line gives it: up to its first clause ("Irakli Chkhaidze, director general of …") */
function claimantOf(s: string): string {
  const name = s.split(/,\s|;\s|\s\(|\s[-\u2013\u2014]\s/)[0].replace(/[*_.\s]+$/, '').trim();
  return name.length > 80 ? `${name.slice(0, 79)}…` : name;
}

/** a table's cells: "1 | "The trucks had no fuel." | Facebook post | FALSE" (a markdown table's outer pipes left out),
 * each with its offset in the line */
function cellsOf(line: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  let from = 0;
  for (let i = 0; i <= line.length; i++) {
    if (i < line.length && line[i] !== '|') continue;
    const raw = line.slice(from, i);
    const lead = raw.length - raw.trimStart().length;
    out.push({ text: raw.trim(), at: from + lead });
    from = i + 1;
  }
  if (out.length && !out[0].text) out.shift();
  if (out.length && !out[out.length - 1].text) out.pop();
  return out;
}

/** a table's rating column's header: "Score", "Our rating", "Verdict" */
const RATING_HEADER = new RegExp(String.raw`^(?:our |the )?${RATING_WORD}$`);

/**
 * The reviews of a fact-check's scorecard written as a table: a header row naming a claim column and a rating column
 * ("No. | Claim | Who said it | Score"), then a row a claim ("1 | "The fire trucks had no fuel." | Facebook post |
 * FALSE"), up to the first line that is no row. The claim is its cell's quotation (else the cell), the claimant the cell
 * under "Who said it" ("Claimant", "Said by", "Source"), up to its first clause.
 */
function reviewsInTables(text: string, reviewer?: string): Review[] {
  if (!text.includes('|')) return [];
  const out: Review[] = [];
  let cols: { claim: number; rating: number; who: number; n: number } | undefined;
  let at = 0;
  for (const line of text.split('\n')) {
    const start = at;
    at += line.length + 1;
    if (!line.trim()) continue;
    if (!line.includes('|')) {
      cols = undefined;
      continue;
    }
    // (a markdown table's rule under its header)
    if (/^[\s|:-]+$/.test(line)) continue;
    const cells = cellsOf(line);
    const names = cells.map((c) => c.text.replace(/[*_]/g, '').trim().toLowerCase());
    const claim = names.findIndex((x) => /^(?:the )?claims?(?: checked| made)?$/.test(x));
    const rating = names.findIndex((x) => RATING_HEADER.test(x));
    if (claim >= 0 && rating >= 0) {
      cols = { claim, rating, who: names.findIndex((x) => /^(?:who said it|claimant|said by|source|speaker|who)$/.test(x)), n: cells.length };
      continue;
    }
    if (!cols || cells.length !== cols.n) continue;
    const ratingText = cells[cols.rating].text.replace(/[*_.]+$/g, '').replace(/^[*_]+/, '').trim();
    const verdict = verdictFromText(ratingText);
    const body = cells[cols.claim];
    if (!verdict || body.text.length < 3) continue;
    const q = /["\u201c]([^"\u201d]{3,})["\u201d]/.exec(body.text);
    const claimReviewed = q ? q[1] : body.text;
    const from = start + body.at + (q ? q.index + 1 : 0);
    const who = cols.who >= 0 ? claimantOf(cells[cols.who].text) : '';
    out.push({
      claimReviewed,
      rating: ratingText,
      verdict,
      ...(who ? { claimant: who } : {}),
      ...(reviewer ? { reviewer } : {}),
      span: { start: from, end: from + claimReviewed.length },
    });
  }
  return out;
}
