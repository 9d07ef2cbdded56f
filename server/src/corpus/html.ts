/**
 * Saved HTML pages: the main text (article › main › whole page), boilerplate dropped,
 * blocks as paragraphs, h1–h6 as headings, metadata from <title>/<meta>/<time>/JSON-LD,
 * ClaimReview JSON-LD as reviews, and a map from text offsets back to file offsets.
 * Uses htmlparser2's streaming tokenizer (no DOM, no recursion), so deep or broken
 * markup costs linear time.
 */
import { Parser } from 'htmlparser2';
import type { Review, SourceKind, SourceMeta, Span } from '../core/model';
import { collectClaimReviews, readClaimReview, renderReviews, type ReviewData } from './claimreview';
import { normaliseDate, parseDateLine } from './dates';
import { nameOf, normaliseKind } from './meta';
import { OffsetMapBuilder } from './offsets';
import { isFooterLine, parseByline } from './text';

const DROP_TAGS = new Set([
  'script', 'style', 'noscript', 'nav', 'header', 'footer', 'aside', 'form', 'iframe', 'svg', 'template',
  'button', 'select', 'textarea', 'object', 'embed', 'canvas', 'audio', 'video', 'head', 'title', 'math', 'dialog',
  'menu', 'input', 'label',
]);

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav',
  'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'ul',
  'caption', 'center', 'body', 'html', 'legend', 'option',
]);

const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Never dropped for their class/id (a body with class "nav-open" is still the page). */
const KEEP_TAGS = new Set(['html', 'body', 'main', 'article']);

const BOILERPLATE_TOKEN =
  /^(?:nav|navbar|navigation|menu|menus|footer|share|sharing|shares|social|comment|comments|related|subscribe|subscription|newsletter|cookie|cookies|consent|ad|ads|advert|adverts|advertisement|advertising|sponsored|promo|banner|sidebar|breadcrumb|breadcrumbs|popup|modal|outbrain|taboola)$/i;

function isBoilerplate(attribs: Record<string, string>): boolean {
  for (const key of ['class', 'id', 'role']) {
    const v = attribs[key];
    if (!v || v.length > 500) continue;
    if (key === 'role' && /^(?:navigation|banner|contentinfo|complementary|menu|menubar|search|dialog)$/i.test(v.trim())) return true;
    if (key === 'role') continue;
    for (const token of v.split(/[\s_-]+/)) if (token && BOILERPLATE_TOKEN.test(token)) return true;
  }
  if ('hidden' in attribs) return true;
  if (attribs['aria-hidden'] === 'true') return true;
  const style = attribs.style;
  if (style && style.length < 500 && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  return false;
}

function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b);
}

/** Collects the text of one scope (article, main or the whole page). */
class TextBuilder {
  parts: string[] = [];
  len = 0;
  map = new OffsetMapBuilder();
  blocks: { start: number; end: number; heading: boolean }[] = [];
  private blockStart = -1;
  private blockHeading = false;
  private pendingBreak = false;
  private pendingSpace = -1;
  private pendingSpaceIdentity = false;
  /** file offset where the last emitted text ended */
  private lastFileEnd = 0;

  private emit(s: string, fileStart: number, fileEnd: number, identity: boolean): void {
    const start = this.len;
    this.parts.push(s);
    this.len += s.length;
    this.map.add(start, this.len, fileStart, fileEnd, identity);
    this.lastFileEnd = fileEnd;
  }

  /** `data` came from file[fileStart, fileEnd); identity when it is the file's characters as they are. */
  text(data: string, fileStart: number, fileEnd: number, identity: boolean, heading: boolean): void {
    const n = data.length;
    let i = 0;
    while (i < n) {
      if (isSpaceCode(data.charCodeAt(i))) {
        let j = i + 1;
        while (j < n && isSpaceCode(data.charCodeAt(j))) j++;
        if (this.pendingSpace < 0 && !this.pendingNewline) {
          this.pendingSpace = identity ? fileStart + i : fileStart;
          this.pendingSpaceIdentity = identity && j - i === 1 && data.charCodeAt(i) === 32;
        }
        i = j;
        continue;
      }
      let j = i + 1;
      while (j < n && !isSpaceCode(data.charCodeAt(j))) j++;
      const runFileStart = identity ? fileStart + i : fileStart;
      if (this.blockStart < 0 || this.pendingBreak) {
        this.closeBlock();
        if (this.len > 0) {
          this.parts.push('\n\n');
          this.len += 2;
        }
        this.blockStart = this.len;
        this.blockHeading = heading;
        this.pendingBreak = false;
      } else if (this.pendingSpace >= 0) {
        const sp = this.pendingSpace;
        if (this.pendingNewline) this.emit('\n', sp, runFileStart, false);
        else if (this.pendingSpaceIdentity) this.emit(' ', sp, sp + 1, true);
        else this.emit(' ', sp, runFileStart, false);
      }
      this.pendingSpace = -1;
      this.pendingNewline = false;
      if (identity) this.emit(data.slice(i, j), fileStart + i, fileStart + j, true);
      else this.emit(data.slice(i, j), fileStart, fileEnd, false);
      i = j;
    }
  }

  /** A block boundary: the next text starts a new paragraph. */
  blockBreak(): void {
    this.pendingSpace = -1;
    this.pendingNewline = false;
    if (this.blockStart >= 0) this.pendingBreak = true;
  }

  /** <br>: a line break inside the paragraph; two in a row end the paragraph. */
  lineBreak(fileOffset: number): void {
    if (this.blockStart < 0 || this.pendingBreak) return;
    if (this.pendingNewline) {
      this.blockBreak();
      return;
    }
    this.pendingNewline = true;
    this.pendingSpace = fileOffset;
    this.pendingSpaceIdentity = false;
  }
  private pendingNewline = false;

  private closeBlock(): void {
    if (this.blockStart >= 0 && this.len > this.blockStart) {
      this.blocks.push({ start: this.blockStart, end: this.len, heading: this.blockHeading });
    }
  }

  /**
   * Appends generated text (e.g. a rendered ClaimReview) as its own block, mapped to a file
   * range; `inner` maps a part of it (the claim) to its own place in the file.
   */
  appendGenerated(
    s: string,
    fileStart: number,
    fileEnd: number,
    inner?: { start: number; end: number; fileStart: number; fileEnd: number; identity: boolean },
  ): number {
    this.finish();
    if (this.len > 0) {
      this.parts.push('\n\n');
      this.len += 2;
    }
    const start = this.len;
    this.parts.push(s);
    this.len += s.length;
    if (inner) {
      this.map.add(start, start + inner.start, fileStart, inner.fileStart, false);
      this.map.add(start + inner.start, start + inner.end, inner.fileStart, inner.fileEnd, inner.identity);
      this.map.add(start + inner.end, this.len, inner.fileEnd, fileEnd, false);
    } else this.map.add(start, this.len, fileStart, fileEnd, false);
    return start;
  }

  finish(): void {
    if (this.blockStart >= 0) {
      this.closeBlock();
      this.blockStart = -1;
      this.pendingBreak = false;
    }
  }

  get textValue(): string {
    return this.parts.join('');
  }

  get lastFile(): number {
    return this.lastFileEnd;
  }
}

export interface HtmlResult {
  text: string;
  meta: SourceMeta;
  prose: Span[];
  headings: Span[];
  reviews: Review[];
  fileOffset: (offset: number) => number;
  warnings: string[];
}

interface Frame {
  name: string;
  drop: boolean;
  scope: 0 | 1 | 2; // 1 = main, 2 = article
}

export function parseHtml(html: string): HtmlResult {
  const warnings: string[] = [];
  const all = new TextBuilder();
  const mainB = new TextBuilder();
  const articleB = new TextBuilder();
  const stack: Frame[] = [];
  let dropDepth = 0; // number of open dropped elements
  let mainDepth = 0;
  let articleDepth = 0;
  let headingDepth = 0;

  const metaTags = new Map<string, string>();
  let titleText = '';
  let inTitle = 0;
  let canonical: string | undefined;
  let timeDatetime: string | undefined;
  let firstH1: string | undefined;
  let h1Text = '';
  let inH1 = false;
  let ldJson: { text: string; start: number; end: number } | undefined;
  const ldBlocks: { text: string; start: number; end: number }[] = [];

  const builders = () => {
    const out: TextBuilder[] = [all];
    if (mainDepth > 0) out.push(mainB);
    if (articleDepth > 0) out.push(articleB);
    return out;
  };

  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        const frameDrop = dropDepth > 0 || DROP_TAGS.has(name) || (!KEEP_TAGS.has(name) && isBoilerplate(attribs));
        let scope: Frame['scope'] = 0;
        if (!frameDrop && name === 'main') scope = 1;
        if (!frameDrop && name === 'article') scope = 2;
        stack.push({ name, drop: frameDrop, scope });
        if (frameDrop) dropDepth++;
        if (scope === 1) mainDepth++;
        if (scope === 2) articleDepth++;

        if (name === 'meta') {
          const key = (attribs.property || attribs.name || attribs.itemprop || '').trim().toLowerCase();
          const content = attribs.content;
          if (key && typeof content === 'string' && content.trim() && !metaTags.has(key)) metaTags.set(key, content.trim());
        } else if (name === 'link') {
          if (/(?:^|\s)canonical(?:\s|$)/i.test(attribs.rel ?? '') && attribs.href && !canonical) canonical = attribs.href.trim();
        } else if (name === 'time') {
          if (!timeDatetime && attribs.datetime) timeDatetime = attribs.datetime;
        } else if (name === 'title') {
          inTitle++;
        } else if (name === 'script' && /ld\+json/i.test(attribs.type ?? '')) {
          ldJson = { text: '', start: parser.endIndex + 1, end: parser.endIndex + 1 };
        } else if (name === 'h1' && !firstH1) {
          inH1 = true;
        }
        if (!frameDrop && BLOCK_TAGS.has(name)) for (const b of builders()) b.blockBreak();
        if (!frameDrop && name === 'br') for (const b of builders()) b.lineBreak(parser.startIndex);
        if (!frameDrop && HEADING_TAGS.has(name)) headingDepth++;
      },
      onclosetag(name) {
        // htmlparser2 reports implied closes too, so the stack stays balanced
        const frame = stack.pop();
        if (!frame) return;
        if (!frame.drop && BLOCK_TAGS.has(frame.name)) for (const b of builders()) b.blockBreak();
        if (!frame.drop && HEADING_TAGS.has(frame.name)) headingDepth = Math.max(0, headingDepth - 1);
        if (frame.drop) dropDepth--;
        if (frame.scope === 1) mainDepth--;
        if (frame.scope === 2) articleDepth--;
        if (frame.name === 'title') inTitle = Math.max(0, inTitle - 1);
        if (frame.name === 'script' && ldJson) {
          ldJson.end = parser.startIndex;
          ldBlocks.push(ldJson);
          ldJson = undefined;
        }
        if (frame.name === 'h1' && inH1) {
          inH1 = false;
          const t = h1Text.replace(/\s+/g, ' ').trim();
          if (t) firstH1 = t;
          h1Text = '';
        }
        void name;
      },
      ontext(data) {
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        if (ldJson) {
          ldJson.text += data;
          return;
        }
        if (inTitle > 0) {
          if (titleText.length < 2000) titleText += data;
          return;
        }
        if (inH1 && h1Text.length < 2000) h1Text += data;
        if (dropDepth > 0) return;
        const identity = end - start === data.length && html.startsWith(data, start);
        for (const b of builders()) b.text(data, start, end, identity, headingDepth > 0);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.end(html);

  // choose the scope: <article>, else <main>, else the whole page
  for (const b of [all, mainB, articleB]) b.finish();
  const chosen = articleB.len > 0 ? articleB : mainB.len > 0 ? mainB : all;

  // ---- JSON-LD: ClaimReview and article metadata
  const reviewItems: { data: ReviewData; start: number; end: number }[] = [];
  const ld: SourceMeta = {};
  for (const block of ldBlocks) {
    let data: unknown;
    try {
      data = JSON.parse(block.text);
    } catch (err) {
      warnings.push(`JSON-LD block at offset ${block.start} is not valid JSON (${(err as Error).message}); ignored`);
      continue;
    }
    const crs = collectClaimReviews(data);
    crs.forEach((o, i) => {
      const { review, skip } = readClaimReview(o);
      if (review) reviewItems.push({ data: review, start: block.start, end: block.end });
      else warnings.push(`ClaimReview ${i + 1} in JSON-LD at offset ${block.start} skipped: ${skip}`);
    });
    readArticleLd(data, ld);
  }

  let text = chosen.textValue;
  const prose: Span[] = [];
  const headings: Span[] = [];
  for (const bl of chosen.blocks) {
    if (bl.heading) {
      headings.push({ start: bl.start, end: bl.end });
      continue;
    }
    if (bl.end - bl.start <= 300) {
      const s = text.slice(bl.start, bl.end);
      if (isFooterLine(s) || parseByline(s) || parseDateLine(s)) continue;
    }
    prose.push({ start: bl.start, end: bl.end });
  }

  const reviews: Review[] = [];
  for (const r of reviewItems) {
    // the claim as the page states it (case aside), else a rendered block at the end
    const lower = text.toLowerCase();
    const claim = r.data.claimReviewed;
    let at = text.indexOf(claim);
    if (at < 0 && lower.length === text.length) at = lower.indexOf(claim.toLowerCase());
    if (at >= 0) {
      reviews.push({ ...r.data, span: { start: at, end: at + r.data.claimReviewed.length } });
    } else {
      const rendered = renderReviews([r.data]);
      const rv0 = rendered.reviews[0];
      const escaped = JSON.stringify(r.data.claimReviewed).slice(1, -1);
      const at = html.slice(r.start, r.end).indexOf(escaped);
      const inner =
        at >= 0
          ? {
              start: rv0.span.start,
              end: rv0.span.end,
              fileStart: r.start + at,
              fileEnd: r.start + at + escaped.length,
              identity: escaped === r.data.claimReviewed,
            }
          : undefined;
      const start = chosen.appendGenerated(rendered.text, r.start, r.end, inner);
      for (const rv of rendered.reviews) {
        const span = { start: rv.span.start + start, end: rv.span.end + start };
        reviews.push({ ...rv, span });
        prose.push({ ...span });
      }
      text = chosen.textValue;
    }
  }

  // ---- metadata
  const m = (k: string) => metaTags.get(k);
  const meta: SourceMeta = {};
  const outlet = m('og:site_name') ?? ld.outlet ?? m('application-name');
  if (outlet) meta.outlet = outlet;
  let title = m('og:title') ?? m('twitter:title') ?? ld.title ?? cleanTitle(titleText, outlet) ?? firstH1;
  if (title) title = title.replace(/\s+/g, ' ').trim();
  if (title) meta.title = title;
  const authorMeta = m('author') ?? m('article:author') ?? m('byl') ?? m('dc.creator') ?? m('parsely-author');
  const author =
    authorMeta && !/^https?:/i.test(authorMeta) ? (parseByline(authorMeta)?.join(', ') ?? authorMeta) : ld.author;
  if (author) meta.author = author;
  const published =
    normaliseDate(m('article:published_time')) ??
    normaliseDate(m('date')) ??
    normaliseDate(m('datepublished')) ??
    normaliseDate(m('pubdate')) ??
    normaliseDate(m('publishdate')) ??
    normaliseDate(m('dc.date.issued')) ??
    normaliseDate(m('dc.date')) ??
    ld.published ??
    normaliseDate(timeDatetime);
  if (published) meta.published = published;
  const url = canonical ?? m('og:url') ?? ld.url;
  if (url) meta.url = url;
  const kind = ld.kind ?? (reviews.length > 0 ? 'fact-check' : undefined);
  if (kind) meta.kind = kind;
  if (!meta.outlet && reviews[0]?.reviewer) meta.outlet = reviews[0].reviewer;

  return { text, meta, prose, headings, reviews, fileOffset: chosen.map.build(), warnings };
}

function cleanTitle(t: string, outlet: string | undefined): string | undefined {
  let s = t.replace(/\s+/g, ' ').trim();
  if (!s) return undefined;
  if (outlet) {
    for (const sep of [' | ', ' - ', ' – ', ' — ', ' :: ']) {
      if (s.endsWith(sep + outlet)) s = s.slice(0, s.length - sep.length - outlet.length).trim();
    }
  }
  return s || undefined;
}

const ARTICLE_TYPES: Record<string, SourceKind | undefined> = {
  NewsArticle: 'news',
  Article: undefined,
  ReportageNewsArticle: 'news',
  AnalysisNewsArticle: 'analysis',
  OpinionNewsArticle: 'opinion',
  BackgroundNewsArticle: 'analysis',
  BlogPosting: undefined,
  Report: undefined,
};

function readArticleLd(data: unknown, into: SourceMeta): void {
  const queue: unknown[] = [data];
  let seen = 0;
  while (queue.length && seen < 1000) {
    const v = queue.shift();
    seen++;
    if (Array.isArray(v)) {
      queue.push(...v.slice(0, 100));
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    const o = v as Record<string, unknown>;
    if (Array.isArray(o['@graph'])) queue.push(...(o['@graph'] as unknown[]).slice(0, 100));
    const types = (Array.isArray(o['@type']) ? o['@type'] : [o['@type']]).filter((x): x is string => typeof x === 'string');
    const t = types.find((x) => x in ARTICLE_TYPES);
    if (!t) continue;
    if (!into.title && typeof o.headline === 'string') into.title = o.headline.trim() || undefined;
    if (!into.author) into.author = nameOf(o.author);
    if (!into.outlet) into.outlet = nameOf(o.publisher);
    if (!into.published) into.published = normaliseDate(o.datePublished);
    if (!into.url && typeof o.url === 'string') into.url = o.url;
    if (!into.kind) into.kind = ARTICLE_TYPES[t] ?? normaliseKind(o.genre);
    return;
  }
}
