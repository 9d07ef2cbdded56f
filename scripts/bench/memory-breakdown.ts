// Heap held by each part of the corpus index, in steady state: node --expose-gc --import tsx scripts/bench/memory-breakdown.ts CORPUS_DIR
// (a corpus made by scripts/bench/generate.mjs, e.g. node scripts/bench.mjs --size 1000 --keep).
import { CorpusIndex, emptyTable } from '../../server/src/core/index';
import { analyzeSource } from '../../server/src/core/analyze';
import { parseSource } from '../../server/src/corpus/load';
import { readdirSync, readFileSync, statSync } from 'node:fs';
const g = (globalThis as any).gc as () => void;
const mb = () => {
  g();
  g();
  return process.memoryUsage().heapUsed / 1048576;
};
const walk = (d: string): string[] =>
  readdirSync(d).flatMap((f) => (statSync(d + '/' + f).isDirectory() ? walk(d + '/' + f) : [d + '/' + f]));
const files = walk(process.argv[2] ?? '/tmp/corroborate-bench/corpus-1000-20240501').filter((f) => f.endsWith('.txt'));
const base = mb();
const idx = new CorpusIndex();
for (const f of files) {
  const s = parseSource(f, readFileSync(f), { id: f }).source!;
  idx.upsert(s, analyzeSource(s));
}
const afterAnalyses = mb();
idx.rebuild();
const afterRebuild = mb();
let rawCount = 0;
for (const a of idx.analyses.values()) rawCount += a.raw.length;
console.log({
  sources: idx.sources.size,
  sentences: idx.claims.length,
  rawMentions: rawCount,
  entities: idx.table.entities.size,
  'analyses+sources MB': (afterAnalyses - base).toFixed(0),
  'derived index MB': (afterRebuild - afterAnalyses).toFixed(0),
});
const t = idx.table;
(idx as any).table = { ...t, mentions: new Map() };
const m1 = mb();
idx.table = emptyTable();
const m2 = mb();
(idx as any).claims = [];
idx.claimById.clear();
idx.claimsByEntity.clear();
const m3 = mb();
idx.sourceKeys.clear();
idx.disputesByKey.clear();
idx.nameTokens.clear();
const m4 = mb();
console.log({
  'resolved mention lists MB': (afterRebuild - m1).toFixed(0),
  'entities+lookup MB': (m1 - m2).toFixed(0),
  'claims+claim indexes MB': (m2 - m3).toFixed(0),
  'key/name indexes MB': (m3 - m4).toFixed(0),
  'rest MB': (m4 - afterAnalyses).toFixed(0),
});
for (const a of idx.analyses.values()) (a as any).raw = [];
const m5 = mb();
console.log({ 'raw mentions MB': (m4 - m5).toFixed(0), 'sentence analyses + source text MB': (m5 - base).toFixed(0) });
