// Heap held by each part of the corpus index, in steady state: node --expose-gc --import tsx scripts/bench/memory-breakdown.ts CORPUS_DIR
// (a corpus made by scripts/bench/generate.mjs, e.g. node scripts/bench.mjs --size 1000 --keep). Analyses go through
// v8 serialisation first, as they do when they come from worker threads or the on-disk cache.
import { CorpusIndex, emptyTable } from '../../server/src/core/index';
import { ClaimStore } from '../../server/src/core/claimStore';
import { MentionStore } from '../../server/src/core/mentionStore';
import { analyzeSource } from '../../server/src/core/analyze';
import { parseSource } from '../../server/src/corpus/load';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as v8 from 'node:v8';
const g = (globalThis as any).gc as () => void;
const mb = () => {
  g();
  g();
  // typed arrays (packed claims) live outside the JS heap
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1048576;
};
const walk = (d: string): string[] =>
  readdirSync(d).flatMap((f) => (statSync(d + '/' + f).isDirectory() ? walk(d + '/' + f) : [d + '/' + f]));
const files = walk(process.argv[2] ?? '/tmp/corroborate-bench/corpus-1000-20240501').filter((f) => f.endsWith('.txt'));
const base = mb();
const idx = new CorpusIndex();
for (const f of files) {
  const s = parseSource(f, readFileSync(f), { id: f }).source!;
  idx.upsert(s, v8.deserialize(v8.serialize(analyzeSource(s))), true);
}
const afterAnalyses = mb();
idx.rebuild();
const afterRebuild = mb();
const d = (idx as unknown as { d: Record<string, unknown> }).d;
const steps: [string, () => void][] = [
  [
    'per-source key/entity sets, dispute key index',
    () => Object.assign(d, { sourceKeys: new Map(), sourceEntities: new Map(), disputesByKey: new Map() }),
  ],
  ['disputes and their indexes', () => Object.assign(d, { disputes: [], disputesByEntity: new Map(), disputesByClaim: new Map() })],
  [
    'claims (packed, and those materialised) and their postings',
    () => Object.assign(d, { claims: ClaimStore.empty(), doersByClaim: new Map() }),
  ],
  ['resolved mentions (packed, and those materialised) and their postings', () => (d.mentions = MentionStore.empty())],
  ['entities and name lookup', () => Object.assign(d, { table: emptyTable(), entityWords: new Set() })],
];
const parts: Record<string, string> = {};
let prev = afterRebuild;
for (const [label, drop] of steps) {
  drop();
  const now = mb();
  parts[`${label} MB`] = (prev - now).toFixed(1);
  prev = now;
}
for (const a of idx.analyses.values())
  if ('packedRaw' in a) a.packedRaw = { count: 0, cols: new Int32Array(0), strings: [] };
  else if ('raw' in a) a.raw = [];
const noRaw = mb();
parts['raw name candidates (packed) MB'] = (prev - noRaw).toFixed(1);
for (const a of idx.analyses.values())
  if ('packedSentences' in a) a.packedSentences = { count: 0, cols: new Int32Array(1), keys: [], extra: '' };
  else if ('sentences' in a) a.sentences = [];
const noSentences = mb();
parts['per-sentence analyses (packed) MB'] = (noRaw - noSentences).toFixed(1);
parts['sources (text, spans, metadata) and the rest MB'] = (noSentences - base).toFixed(1);
console.log({
  sources: idx.sources.size,
  'analyses MB (after loading)': (afterAnalyses - base).toFixed(0),
  'derived index MB (rebuild)': (afterRebuild - afterAnalyses).toFixed(0),
  'total MB': (afterRebuild - base).toFixed(0),
  ...parts,
});
