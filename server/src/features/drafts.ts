import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CorpusIndex } from '../core/index';
import type { CancellationLike, DraftMention, FindingCode, Severity } from '../core/model';
import { checkDraft, type DraftCheck, type ParagraphCache } from '../core/check';

/** Draft analyses cached by uri, document version and index version. */
export class DraftCache {
  private cache = new Map<string, { version: number; indexVersion: number; key: string; check: DraftCheck }>();
  /** per document: analysed paragraphs by text, so an edit re-analyses only the changed paragraph */
  private paragraphs = new Map<string, ParagraphCache>();
  get(
    index: CorpusIndex,
    doc: TextDocument,
    severities?: Partial<Record<FindingCode, Severity | 'off'>>,
    token?: CancellationLike,
  ): DraftCheck {
    const key = JSON.stringify(severities ?? {});
    const c = this.cache.get(doc.uri);
    if (c && c.version === doc.version && c.indexVersion === index.version && c.key === key) return c.check;
    let pc = this.paragraphs.get(doc.uri);
    if (!pc) this.paragraphs.set(doc.uri, (pc = { indexVersion: index.version, entries: new Map() }));
    const check = checkDraft(index, doc.getText(), { languageId: doc.languageId, severities, token, cache: pc });
    this.cache.set(doc.uri, { version: doc.version, indexVersion: index.version, key, check });
    return check;
  }
  delete(uri: string): void {
    this.cache.delete(uri);
    this.paragraphs.delete(uri);
  }
  clear(): void {
    this.cache.clear();
  }
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
