import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CorpusIndex } from '../core/index';
import type { CancellationLike, DraftMention } from '../core/model';
import {
  Cancelled,
  checkDraft,
  checkDraftSteps,
  mentionsAround,
  type CheckOptions,
  type DraftCheck,
  type ParagraphCache,
} from '../core/check';
import { inSlices } from '../core/packed';

/** per finding code, the severity the settings give it (or 'off') */
type Severities = CheckOptions['severities'];

/** A copy of the document as it is now (`TextDocuments` updates a document in place as it is edited). */
export function frozen(doc: TextDocument): TextDocument {
  return TextDocument.create(doc.uri, doc.languageId, doc.version, doc.getText());
}

/**
 * Draft analyses cached by uri, document version and index version. `get` checks a draft at once; `refresh` checks
 * it in slices that yield to the event loop (what the server's diagnostics use), and `latest` answers a request with
 * the last check of the document's current text while a newer index is being checked against, instead of making the
 * request wait for a whole check.
 */
export class DraftCache {
  private cache = new Map<string, { version: number; indexVersion: number; key: string; check: DraftCheck; stale: boolean }>();
  /** per document: analysed paragraphs by text, so an edit re-analyses only the changed paragraph */
  private paragraphs = new Map<string, ParagraphCache>();
  /** per document: the check running in slices, and the version and settings it is for */
  private running = new Map<string, { version: number; key: string; isCurrent: () => boolean; done: Promise<DraftCheck | undefined> }>();

  get(index: CorpusIndex, doc: TextDocument, severities?: Severities, token?: CancellationLike): DraftCheck {
    const fresh = this.fresh(index, doc, severities);
    if (fresh) return fresh;
    const check = checkDraft(index, doc.getText(), this.optionsFor(index, doc, severities, token));
    this.remember(index, doc, severities, check);
    return check;
  }

  /**
   * The check of the document's text for a request (`doc` as `frozen` gives it: the check is of that text). The one
   * for the current index if there is one. Else the last check of this text, made against an earlier index or before
   * the settings changed, while a check for now runs in slices (started here if none runs): its mentions and
   * findings are those of what was indexed then, which is what a request during indexing may answer from. Else, for
   * a text never checked, the check of it in slices (other requests are answered meanwhile); undefined when an edit
   * overtakes it (`isCurrent`). With an `offset` (a request about a place in the text), a last check made against an
   * earlier index has the mentions of the paragraph at that offset resolved against this one: a hover right after the
   * index is ready must not answer from a check made before any source was indexed.
   */
  async latest(
    index: CorpusIndex,
    doc: TextDocument,
    severities: Severities,
    isCurrent: () => boolean,
    offset?: number,
  ): Promise<DraftCheck | undefined> {
    const fresh = this.fresh(index, doc, severities);
    if (fresh) return fresh;
    const c = this.cache.get(doc.uri);
    const checking = this.refresh(index, doc, severities, isCurrent);
    if (c && c.version === doc.version && c.key === keyOf(severities)) {
      checking.catch(() => undefined);
      return offset === undefined || c.indexVersion === index.version ? c.check : withParagraphNow(index, doc, c.check, offset);
    }
    return checking;
  }

  /**
   * The check of another open document for a request that reads its mentions (references): any check of its text,
   * whatever index or settings it was made with, else one made now and not kept (it would replace the check that
   * `latest` serves with one of other settings).
   */
  mentionsOf(index: CorpusIndex, doc: TextDocument): DraftCheck {
    const c = this.cache.get(doc.uri);
    if (c && c.version === doc.version) return c.check;
    return checkDraft(index, doc.getText(), { languageId: doc.languageId });
  }

  /**
   * Checks the document against the index in slices of about `sliceMs`, yielding to the event loop between them.
   * `doc` must not change meanwhile (`frozen`). Resolves to the check, or to undefined when the document changed
   * meanwhile (`isCurrent` said so), a newer refresh of it started, or it was closed. One refresh runs per document
   * at a time; asking again while one runs for the same version and settings returns that one.
   */
  refresh(
    index: CorpusIndex,
    doc: TextDocument,
    severities: Severities,
    isCurrent: () => boolean,
    sliceMs = 20,
  ): Promise<DraftCheck | undefined> {
    const fresh = this.fresh(index, doc, severities);
    if (fresh) return Promise.resolve(fresh);
    const key = keyOf(severities);
    const running = this.running.get(doc.uri);
    if (running && running.version === doc.version && running.key === key && running.isCurrent()) return running.done;
    const entry = { version: doc.version, key, isCurrent, done: Promise.resolve<DraftCheck | undefined>(undefined) };
    const superseded = () => this.running.get(doc.uri) !== entry || !isCurrent();
    entry.done = (async () => {
      try {
        // after the one before it: two checks of one document must not fill its paragraph cache at once
        await running?.done.catch(() => undefined);
        if (superseded()) return undefined;
        const token = {
          get isCancellationRequested() {
            return superseded();
          },
        };
        const steps = checkDraftSteps(index, doc.getText(), this.optionsFor(index, doc, severities, token));
        // (its slices whole: the check is the answer to the client's input)
        const check = await inSlices(steps, sliceMs, false);
        // (not if the document changed or was closed during the last slice)
        if (superseded()) return undefined;
        this.remember(index, doc, severities, check);
        return check;
      } catch (err) {
        if (err instanceof Cancelled) return undefined;
        throw err;
      } finally {
        if (this.running.get(doc.uri) === entry) this.running.delete(doc.uri);
      }
    })();
    this.running.set(doc.uri, entry);
    return entry.done;
  }

  /** whether a check runs in slices now */
  get busy(): boolean {
    return this.running.size > 0;
  }

  delete(uri: string): void {
    this.cache.delete(uri);
    this.paragraphs.delete(uri);
    this.running.delete(uri);
  }

  /** Which drafts have a check made against this index version, and of which of their versions (a key: equal keys, the
   * same checks). */
  checkedFor(index: CorpusIndex): string {
    let key = `${index.version}`;
    for (const [uri, c] of this.checkedAgainst(index)) key += ` ${uri}@${c.version}`;
    return key;
  }

  /** The mentions of the open drafts' checks made against this index version (what a hover on them will ask about). */
  *mentionsChecked(index: CorpusIndex): Generator<DraftMention> {
    for (const [, c] of this.checkedAgainst(index)) yield* c.check.mentions;
  }

  /** the drafts' checks made against this index version, and not to be made again */
  private *checkedAgainst(index: CorpusIndex): Generator<[string, { version: number; check: DraftCheck }]> {
    for (const [uri, c] of this.cache) if (!c.stale && c.indexVersion === index.version) yield [uri, c];
  }

  /** Every check is to be made again (the settings changed, or the corpus was indexed anew); the last ones still
   * serve `latest` meanwhile. */
  clear(): void {
    for (const c of this.cache.values()) c.stale = true;
  }

  /** Every check is dropped: the corpus is another one, whose entities the last checks do not name. */
  reset(): void {
    this.cache.clear();
  }

  private fresh(index: CorpusIndex, doc: TextDocument, severities?: Severities): DraftCheck | undefined {
    const c = this.cache.get(doc.uri);
    return c && !c.stale && c.version === doc.version && c.indexVersion === index.version && c.key === keyOf(severities)
      ? c.check
      : undefined;
  }

  private optionsFor(
    index: CorpusIndex,
    doc: TextDocument,
    severities: Severities,
    token: CancellationLike | undefined,
  ): CheckOptions & { cache: ParagraphCache } {
    let pc = this.paragraphs.get(doc.uri);
    if (!pc) this.paragraphs.set(doc.uri, (pc = { indexVersion: index.version, entries: new Map() }));
    return { languageId: doc.languageId, severities, token, cache: pc };
  }

  private remember(index: CorpusIndex, doc: TextDocument, severities: Severities, check: DraftCheck): void {
    this.cache.set(doc.uri, { version: doc.version, indexVersion: index.version, key: keyOf(severities), check, stale: false });
  }
}

function keyOf(severities?: Severities): string {
  return JSON.stringify(severities ?? {});
}

/**
 * The longest draft, and paragraph, whose names a request resolves anew while the draft's re-check is to come. The
 * prose mask is made of the whole draft: 0.12–0.18 s for 4 MB, and a request must not hold the server that long (a
 * 16 MB draft took ~0.5 s). Over them, the request answers from the last check, as before.
 */
export const RESOLVE_NOW_MAX_CHARS = 1_000_000;
export const RESOLVE_NOW_MAX_PARAGRAPH = 50_000;

/** `check` with the mentions of the paragraph around `offset` as the index resolves them now. */
function withParagraphNow(index: CorpusIndex, doc: TextDocument, check: DraftCheck, offset: number): DraftCheck {
  const text = doc.getText();
  if (text.length > RESOLVE_NOW_MAX_CHARS) return check;
  const now = mentionsAround(index, text, doc.languageId, offset, RESOLVE_NOW_MAX_PARAGRAPH);
  if (!now) return check;
  const { start, end } = now.span;
  const mentions = check.mentions.filter((m) => m.span.end <= start || m.span.start >= end).concat(now.mentions);
  mentions.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { ...check, mentions };
}

export function mentionAt(check: DraftCheck, offset: number): DraftMention | undefined {
  // the innermost mention containing the offset ("Marsdorp" inside "raid in Marsdorp")
  let best: DraftMention | undefined;
  for (const m of check.mentions) {
    if (m.span.start > offset) break;
    if (offset <= m.span.end && (!best || m.span.end - m.span.start < best.span.end - best.span.start)) best = m;
  }
  return best;
}
