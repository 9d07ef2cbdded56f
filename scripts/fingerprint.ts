/**
 * Fingerprint of the analysis: hashes of everything the core derives from real text, to show that a change meant
 * to be behaviour-preserving (speed, memory) is. Run before and after; equal lines mean equal output.
 *   node --import tsx scripts/fingerprint.ts [--packed | --stored]
 * It indexes the bundled corpus with the Wikinews articles of ../shared/data/wikinews and hashes:
 *   analyses  every source's analysis (sentences and candidate names), as the analyser returns it
 *   entities  the entity table (names, types, aliases, every mention's span) and its size
 *   claims    every claim of every source, as the index serves it
 *   disputes  every dispute and their count
 * and, over ../shared/data/fnc1-dev (all bodies as one corpus), the findings of every claim checked as a draft.
 * --packed gives the index what worker threads and the cache give it: copies of each source, its text packed, and of
 * its analysis, packed. --stored gives it what a cache file keeps: each analysis read back (a fresh copy) whenever a
 * rebuild asks for it (`StoredAnalysis`).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { analyzeSource } from '../server/src/core/analyze';
import { checkDraft } from '../server/src/core/check';
import { CorpusIndex } from '../server/src/core/index';
import { nameCount } from '../server/src/core/entities/resolve';
import { packAnalysis, type StoredAnalysis } from '../server/src/core/sentencePack';
import { parseSource } from '../server/src/corpus/load';
import { fromPlain, toIndexed } from '../server/src/indexing/work';

const root = path.resolve(import.meta.dirname, '..');
const shared = path.resolve(root, '../shared');
const stored = process.argv.includes('--stored');
const packed = stored || process.argv.includes('--packed');
const clone = <T>(x: T): T => v8.deserialize(v8.serialize(x)) as T;

const hash = (x: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(x, (_k, v) => (v instanceof Set ? [...v] : v)))
    .digest('hex')
    .slice(0, 12);
const txtFiles = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.txt') || f.endsWith('.md') || f.endsWith('.html'))
        .sort()
        .map((f) => path.join(dir, f))
    : [];

function index(files: string[], analyses?: unknown[]): CorpusIndex {
  const idx = new CorpusIndex();
  for (const f of files) {
    const s = parseSource(f, readFileSync(f), { id: path.relative(path.dirname(root), f) }).source;
    if (!s) continue;
    const a = analyzeSource(s);
    analyses?.push(a);
    if (stored) {
      const p = packAnalysis(a);
      const raw = v8.serialize(p.packedRaw);
      const sentences = v8.serialize(p.packedSentences);
      const later: StoredAnalysis = {
        stored: true,
        sourceId: p.sourceId,
        names: nameCount(p.packedRaw),
        readCandidates: () => v8.deserialize(raw),
        readSentences: () => v8.deserialize(sentences),
      };
      idx.upsert(fromPlain(clone(toIndexed(s))), later, true);
    } else if (packed) idx.upsert(fromPlain(clone(toIndexed(s))), clone(packAnalysis(a)), true);
    else idx.upsert(s, a);
  }
  idx.rebuild();
  return idx;
}

const seeds = readdirSync(path.join(root, 'corpus'), { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(md|txt|html?)$/.test(f))
  .sort()
  .map((f) => path.join(root, 'corpus', f));
const analyses: unknown[] = [];
const idx = index([...seeds, ...txtFiles(path.join(shared, 'data/wikinews'))], analyses);
const entities = idx.entities
  .map((e) => ({ ...e, mentions: e.mentions.map((m) => [m.sourceId, m.span.start, m.span.end, m.text]) }))
  .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const claims = [...idx.claims.all()];
console.log(
  `analyses ${hash(analyses)} entities ${hash(entities)} ${entities.length} claims ${hash(claims)} ${claims.length} disputes ${hash(idx.disputes)} ${idx.disputes.length}`,
);

const fnc = path.join(shared, 'data/fnc1-dev');
if (existsSync(fnc)) {
  const dirs = readdirSync(fnc)
    .filter((d) => d.startsWith('claim_'))
    .sort();
  const fidx = index(dirs.flatMap((d) => txtFiles(path.join(fnc, d, 'bodies'))));
  const findings = dirs.map(
    (d) => checkDraft(fidx, readFileSync(path.join(fnc, d, 'claim.txt'), 'utf8'), { languageId: 'plaintext' }).findings,
  );
  console.log(
    `fnc findings ${hash(findings)} ${findings.flat().length} entities ${hash(fidx.entities.map((e) => [e.id, e.name, e.type, e.mentions.length]))} ${fidx.entities.length}`,
  );
}
