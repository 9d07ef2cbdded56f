import { CorpusManager } from '../../server/src/indexing/manager';
import { checkDraft } from '../../server/src/core/check';
import { readFileSync } from 'node:fs';
import { LineMap } from '../../server/src/core/text/sentences';
(async () => {
  const m = new CorpusManager();
  const t0 = Date.now();
  await m.configure({ roots: ['corpus'], exclude: [] });
  const idx = m.index;
  console.log(
    'indexed',
    Date.now() - t0,
    'ms',
    idx.sources.size,
    'sources',
    idx.table.entities.size,
    'entities',
    idx.disputes.length,
    'disputes',
    m.problems,
  );
  if (process.argv.includes('--entities'))
    for (const e of idx.entities) console.log(e.type.padEnd(12), e.name, '|', e.aliases.join(', '), e.mentions.length);
  if (process.argv.includes('--disputes'))
    for (const d of idx.disputes) console.log(d.kind, '|', d.point.slice(0, 150), '|', d.sides.map((s) => s.sourceId.slice(-8)).join(','));
  for (const f of process.argv.slice(2).filter((a) => !a.startsWith('--'))) {
    const text = readFileSync(f, 'utf8');
    const r = checkDraft(idx, text, { languageId: f.endsWith('.md') ? 'markdown' : 'plaintext' });
    const lm = new LineMap(text);
    console.log('==', f);
    for (const mm of r.mentions) console.log('  M', lm.position(mm.span.start).line + 1, mm.text, '->', mm.entityId, mm.candidates ?? '');
    for (const x of r.findings)
      console.log(
        '  F',
        lm.position(x.span.start).line + 1,
        x.code,
        x.message.slice(0, 160),
        '|',
        x.related.map((r) => idx.sources.get(r.sourceId)?.meta.outlet).join(','),
      );
  }
})();
