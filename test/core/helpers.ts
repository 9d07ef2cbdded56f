import { CorpusIndex } from '../../server/src/core/index';
import { analyzeSource } from '../../server/src/core/analyze';
import type { Source, SourceMeta } from '../../server/src/core/model';
import { paragraphs } from '../../server/src/core/text/sentences';

/** An in-memory corpus: every text is one source whose whole body is prose. */
export function corpus(docs: { id: string; text: string; meta?: SourceMeta }[]): CorpusIndex {
  const idx = new CorpusIndex();
  for (const d of docs) {
    const src: Source = {
      id: d.id,
      path: `/virtual/${d.id}.txt`,
      format: 'text',
      text: d.text,
      meta: d.meta ?? { outlet: d.id },
      prose: paragraphs(d.text),
      headings: [],
    };
    idx.upsert(src, analyzeSource(src));
  }
  idx.rebuild();
  return idx;
}
