/** The on-disk index cache: per-file invalidation by content key, atomic writes, corrupt caches rebuilt. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  closeSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
  existsSync,
  statSync,
  utimesSync,
} from 'node:fs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CorpusManager } from '../../../server/src/indexing/manager';
import {
  CacheWriter,
  cacheFileIn,
  readCache,
  readSnapshot,
  snapshotFileIn,
  writeCache,
  type CachedEntry,
  type EntryInMemory,
} from '../../../server/src/cache/store';
import { nameCount } from '../../../server/src/core/entities/resolve';
import { assertOwnBuffer, plainEntities, tempCorpus } from '../helpers';
import { loadAndAnalyse } from '../../../server/src/indexing/work';
import { isStoredAnalysis, unpackSentences, type PackedAnalysis, type StoredAnalysis } from '../../../server/src/core/sentencePack';
import { MAPPED_SLAB_BYTES } from '../../../server/src/core/packed';
import { collector } from '../../../server/src/lsp/heapPolicy';
import { isPackedText, packedTextOf, unpackText, type PackedText } from '../../../server/src/core/text/packedText';

const ARTICLE = (name: string, n: number) =>
  `${name} visits Brussels\n\nBy Jane Reporter\n\nMonday, 21 March 2016\n\n${name} said on Monday that at least ${n} people were killed in the attack on the Brussels metro. The Belgian police arrested ${name}'s brother.\n`;

function setup() {
  return tempCorpus('corroborate-cache-test-', {
    'a.txt': ARTICLE('Karim Abdeslam', 31),
    'b.txt': ARTICLE('Mohamed Belkaid', 32),
    'c.md': `---\ntitle: Notes\noutlet: Example\n---\n\n${ARTICLE('Najim Laachraoui', 35)}`,
  });
}

/** the listing worker a warm start lists the corpus in, when built (else the corpus is listed in this thread) */
const LISTER = path.resolve(__dirname, '..', '..', '..', 'dist', 'listWorker.js');

async function indexOnce(corpus: string, storage: string, opts: { snapshot?: boolean; statTrustedAfterMs?: number } = {}) {
  // without the snapshot of the derived index, a start reads the per-file cache
  if (opts.snapshot === false) rmSync(snapshotFileIn(storage), { force: true });
  const logs: string[] = [];
  const m = new CorpusManager({
    workers: 0,
    log: (s) => logs.push(s),
    statTrustedAfterMs: opts.statTrustedAfterMs,
    listerScript: existsSync(LISTER) ? LISTER : '',
  });
  // what the server hears when the analyses leave memory (it collects their garbage then)
  m.onReleased(() => logs.push(`released with ${m.index.analyses.size} analyses in memory`));
  // and when only the last rebuild is left (it lets the heap grow less from then on)
  m.onAnalysed(() => logs.push(`analysed ${m.index.analyses.size} while ${m.state}`));
  await m.configure({ roots: [corpus], exclude: [], cacheDir: storage });
  await m.whenCacheWritten();
  await m.dispose();
  return { m, logs };
}

test('a second start reads every analysis from the cache and gives the same index', async () => {
  const { corpus, storage, cleanup } = setup();
  try {
    const first = await indexOnce(corpus, storage);
    assert.equal(first.m.stats?.analysed, 3);
    assert.ok(existsSync(cacheFileIn(storage)));
    assert.deepEqual(
      first.logs.filter((l) => l.startsWith('analysed')),
      ['analysed 3 while indexing'],
      'told once, before the index is ready',
    );
    const second = await indexOnce(corpus, storage, { snapshot: false });
    assert.equal(second.m.stats?.fromCache, 3);
    assert.equal(second.m.stats?.analysed, 0);
    assert.deepEqual(
      second.logs.filter((l) => l.startsWith('analysed')),
      [],
      'nothing analysed: nothing to tell',
    );
    assert.deepEqual([...second.m.index.table.entities.keys()].sort(), [...first.m.index.table.entities.keys()].sort());
    assert.equal(second.m.index.claims.size, first.m.index.claims.size);
    assert.equal(second.m.index.sources.get(path.join(corpus, 'c.md'))?.meta.outlet, 'Example');
  } finally {
    cleanup();
  }
});

test('only a file whose content changed is analysed again (content hash, not mtime)', async () => {
  const { corpus, storage, cleanup } = setup();
  try {
    await indexOnce(corpus, storage);
    writeFileSync(path.join(corpus, 'b.txt'), ARTICLE('Mohamed Belkaid', 40));
    // same bytes rewritten: a new mtime, the same content
    writeFileSync(path.join(corpus, 'a.txt'), ARTICLE('Karim Abdeslam', 31));
    const { m } = await indexOnce(corpus, storage);
    assert.equal(m.stats?.analysed, 1);
    assert.equal(m.stats?.fromCache, 2);
    assert.match(m.index.sources.get(path.join(corpus, 'b.txt'))!.text, /at least 40 people/);
  } finally {
    cleanup();
  }
});

test('a changed sidecar (NAME.meta.json) invalidates its source', async () => {
  const { corpus, storage, cleanup } = setup();
  try {
    await indexOnce(corpus, storage);
    writeFileSync(path.join(corpus, 'a.meta.json'), JSON.stringify({ outlet: 'Sidecar Times' }));
    const { m } = await indexOnce(corpus, storage);
    assert.equal(m.stats?.analysed, 1);
    assert.equal(m.index.sources.get(path.join(corpus, 'a.txt'))?.meta.outlet, 'Sidecar Times');
  } finally {
    cleanup();
  }
});

test('a deleted file leaves the index and the cache', async () => {
  const { corpus, storage, cleanup } = setup();
  try {
    await indexOnce(corpus, storage);
    rmSync(path.join(corpus, 'b.txt'));
    const { m } = await indexOnce(corpus, storage);
    assert.equal(m.index.sources.size, 2);
    const r = await readCache(cacheFileIn(storage), m.fingerprint());
    assert.ok(r.ok);
    if (r.ok) assert.deepEqual([...r.entries.keys()].sort(), [path.join(corpus, 'a.txt'), path.join(corpus, 'c.md')].sort());
  } finally {
    cleanup();
  }
});

test('a truncated or corrupted cache is detected, not trusted, and rebuilt', async () => {
  const { corpus, storage, cleanup } = setup();
  try {
    const { m } = await indexOnce(corpus, storage);
    const file = cacheFileIn(storage);
    const good = readFileSync(file);
    // truncated
    writeFileSync(file, good.subarray(0, good.length - 100));
    let r = await readCache(file, m.fingerprint());
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.reason, /truncated/);
    const again = await indexOnce(corpus, storage, { snapshot: false });
    assert.equal(again.m.stats?.analysed, 3);
    assert.ok(again.logs.some((l) => /cache not used/.test(l)));
    assert.equal((await readCache(file, m.fingerprint())).ok, true, 'rebuilt');
    // one flipped byte in the body
    const bytes = Buffer.from(readFileSync(file));
    bytes[bytes.length - 7] ^= 0xff;
    writeFileSync(file, bytes);
    r = await readCache(file, m.fingerprint());
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.reason, /checksum/);
    // garbage
    writeFileSync(file, 'not a cache at all');
    r = await readCache(file, m.fingerprint());
    assert.equal(r.ok, false);
    const third = await indexOnce(corpus, storage, { snapshot: false });
    assert.equal(third.m.stats?.analysed, 3);
    assert.equal(third.m.index.sources.size, 3);
  } finally {
    cleanup();
  }
});

test('a cache written by another analyser version is not trusted', async () => {
  const { corpus, storage, cleanup } = setup();
  try {
    const { m } = await indexOnce(corpus, storage);
    const r = await readCache(cacheFileIn(storage), 'another-fingerprint');
    assert.equal(r.ok, false);
    void m;
  } finally {
    cleanup();
  }
});

test('writes are atomic: a temp file renamed over the cache, nothing left behind, never in the corpus folder', async () => {
  const { corpus, storage, cleanup } = setup();
  try {
    const e = loadAndAnalyse(path.join(corpus, 'a.txt'));
    const entry = e as CachedEntry;
    const file = cacheFileIn(storage);
    await writeCache(file, 'fp', [entry]);
    const before = readFileSync(file);
    // a write that fails half way (an entry that cannot be serialised) leaves the old cache as it was
    const bad = { ...entry, file: 'x', source: { ...entry.source, oops: () => 1 } } as unknown as CachedEntry;
    await assert.rejects(writeCache(file, 'fp', [entry, bad]));
    assert.deepEqual(readFileSync(file), before);
    assert.deepEqual(readdirSync(storage), [path.basename(file)], 'no temp files left');
    assert.deepEqual(readdirSync(corpus).sort(), ['a.txt', 'b.txt', 'c.md']);
    const r = await readCache(file, 'fp');
    assert.ok(r.ok);
  } finally {
    cleanup();
  }
});

test('quantities keep an open upper bound (Infinity) through the cache', async () => {
  const { corpus, storage, cleanup } = setup();
  try {
    const e = loadAndAnalyse(path.join(corpus, 'a.txt')) as EntryInMemory;
    const qs = unpackSentences(e.analysis.packedSentences).flatMap((s) => s.quantities);
    assert.ok(
      qs.some((q) => q.high === Infinity),
      'the article says "at least 31"',
    );
    const file = cacheFileIn(storage);
    await writeCache(file, 'fp', [e]);
    const r = await readCache(file, 'fp');
    assert.ok(r.ok);
    if (r.ok) {
      const back = unpackSentences(r.entries.get(e.file)!.analysis.packedSentences).flatMap((s) => s.quantities);
      assert.deepEqual(back, qs);
    }
  } finally {
    cleanup();
  }
});

test('an unchanged corpus starts from the snapshot of the derived index: no analysis, no rebuild, the same answers', async () => {
  const { corpus, storage, cleanup } = setup();
  try {
    const first = await indexOnce(corpus, storage);
    assert.ok(existsSync(snapshotFileIn(storage)));
    const second = await indexOnce(corpus, storage);
    assert.equal(second.m.stats?.fromSnapshot, 3);
    assert.equal(second.m.stats?.analysed, 0);
    assert.equal(second.m.stats?.rebuilds, 0);
    assert.deepEqual(plainEntities(second.m.index.entities), plainEntities(first.m.index.entities));
    assert.deepEqual([...second.m.index.claims.all()], [...first.m.index.claims.all()]);
    assert.deepEqual(second.m.index.disputes, first.m.index.disputes);
    assert.equal(second.m.index.sources.get(path.join(corpus, 'c.md'))?.meta.outlet, 'Example');
    // a later re-index (a watched change) reads the per-file cache and rebuilds: the same index again
    const m = new CorpusManager({ workers: 0 });
    await m.configure({ roots: [corpus], exclude: [], cacheDir: storage });
    assert.equal(m.stats?.fromSnapshot, 3);
    writeFileSync(path.join(corpus, 'd.txt'), ARTICLE('Ibrahim Farouk', 12));
    await m.configure({ roots: [corpus], exclude: [], cacheDir: storage });
    assert.equal(m.stats?.fromCache, 3);
    assert.equal(m.stats?.analysed, 1);
    assert.equal(m.index.sources.size, 4);
    assert.ok(m.index.entities.some((e) => e.name === 'Ibrahim Farouk'));
    assert.deepEqual(
      [...m.index.claims.all()].filter((c) => !c.sourceId.endsWith('d.txt')).map((c) => c.text),
      [...first.m.index.claims.all()].map((c) => c.text),
    );
    await m.whenCacheWritten();
    await m.dispose();
  } finally {
    cleanup();
  }
});

test('a snapshot made for another corpus, or corrupt, is not used', async () => {
  const { corpus, storage, cleanup } = setup();
  try {
    await indexOnce(corpus, storage);
    writeFileSync(path.join(corpus, 'b.txt'), ARTICLE('Mohamed Belkaid', 40));
    const changed = await indexOnce(corpus, storage);
    assert.equal(changed.m.stats?.fromSnapshot, undefined);
    assert.equal(changed.m.stats?.analysed, 1);
    const file = snapshotFileIn(storage);
    const bytes = Buffer.from(readFileSync(file));
    bytes[bytes.length - 9] ^= 0xff;
    writeFileSync(file, bytes);
    const corrupt = await indexOnce(corpus, storage);
    assert.equal(corrupt.m.stats?.fromSnapshot, undefined);
    assert.equal(corrupt.m.stats?.fromCache, 3);
    assert.ok(corrupt.logs.some((l) => /snapshot not used: .*checksum/.test(l)));
    const again = await indexOnce(corpus, storage);
    assert.equal(again.m.stats?.fromSnapshot, 3, 'rewritten after the rebuild');
  } finally {
    cleanup();
  }
});

/** the corpus key a snapshot was written for (from its header) */
function snapshotCorpus(file: string): string {
  const head = readFileSync(file);
  return JSON.parse(head.subarray(16, 16 + head.readUInt32LE(12)).toString('utf8')).corpus;
}

test('a snapshot read before its corpus key is known is used only once the key is known and the same; a different key stops the read', async () => {
  const { corpus, storage, cleanup } = setup();
  try {
    const { m } = await indexOnce(corpus, storage);
    const file = snapshotFileIn(storage);
    const written = snapshotCorpus(file);
    const all: string[] = [];
    const whole = await readSnapshot(file, m.fingerprint(), written, (p) => void all.push(p.kind));
    assert.equal(whole.ok, true);
    assert.ok(all.length >= 3, all.join());
    // the key comes while the snapshot is being read
    let key!: (k: string) => void;
    let parts = 0;
    const late = readSnapshot(file, m.fingerprint(), new Promise<string>((r) => (key = r)), () => {
      if (++parts === 1) setImmediate(() => key(written));
    });
    assert.equal((await late).ok, true);
    assert.equal(parts, all.length);
    // another corpus's key, known after the first part: the read stops at the next chunk
    parts = 0;
    const other = await readSnapshot(file, m.fingerprint(), new Promise<string>((r) => (key = r)), () => {
      if (++parts === 1) key(`${written}x`);
    });
    assert.deepEqual(other, { ok: false, reason: 'the corpus changed since the snapshot' });
    assert.ok(parts < all.length, `${parts} of ${all.length} parts read`);
    // known only once every part has been read
    parts = 0;
    const last = await readSnapshot(file, m.fingerprint(), new Promise<string>((r) => (key = r)), () => {
      if (++parts === all.length) setImmediate(() => key('another'));
    });
    assert.deepEqual(last, { ok: false, reason: 'the corpus changed since the snapshot' });
    // known before the read: refused at the header, no part read
    parts = 0;
    const before = await readSnapshot(file, m.fingerprint(), Promise.resolve('another'), () => void parts++);
    assert.deepEqual(before, { ok: false, reason: 'the corpus changed since the snapshot' });
    assert.equal(parts, 0);
    // a corpus that could not be listed
    const failed = await readSnapshot(file, m.fingerprint(), Promise.reject(new Error('EIO')), () => undefined);
    assert.deepEqual(failed, { ok: false, reason: 'the corpus could not be listed (EIO)' });
  } finally {
    cleanup();
  }
});

test('an unchanged file is known by its stat signature, not read again; a rewrite of the same size and time is not missed', async () => {
  const { corpus, storage, cleanup } = setup();
  try {
    // files just written are not trusted by signature (a second write within the clock's granularity could hide)
    await indexOnce(corpus, storage);
    assert.equal((await indexOnce(corpus, storage)).m.stats?.keysFromStat, 0);
    const first = await indexOnce(corpus, storage, { statTrustedAfterMs: 0 });
    assert.ok(existsSync(path.join(storage, 'corroborate-files.stat')));
    const second = await indexOnce(corpus, storage, { statTrustedAfterMs: 0 });
    assert.equal(second.m.stats?.fromSnapshot, 3);
    assert.equal(second.m.stats?.keysFromStat, 3, 'no file read to know that the corpus is unchanged');
    assert.deepEqual([...second.m.index.claims.all()], [...first.m.index.claims.all()]);
    // same size, modification time set back: the status-change time still tells
    const a = path.join(corpus, 'a.txt');
    const before = statSync(a);
    writeFileSync(a, readFileSync(a, 'utf8').replaceAll('Karim Abdeslam', 'Karim Abdeslom'));
    utimesSync(a, before.atime, before.mtime);
    assert.equal(statSync(a).size, before.size);
    const third = await indexOnce(corpus, storage, { statTrustedAfterMs: 0 });
    assert.equal(third.m.stats?.keysFromStat, 2);
    assert.equal(third.m.stats?.fromSnapshot, undefined, 'the snapshot is for the old content');
    assert.ok(third.m.index.entities.some((e) => e.name === 'Karim Abdeslom'));
    // a corrupt table is ignored: the files are read again
    writeFileSync(path.join(storage, 'corroborate-files.stat'), 'garbage');
    const fourth = await indexOnce(corpus, storage, { statTrustedAfterMs: 0 });
    assert.equal(fourth.m.stats?.keysFromStat, 0);
    assert.equal(fourth.m.stats?.fromSnapshot, 3);
  } finally {
    cleanup();
  }
});

test('once the cache and snapshot are written, the per-file analyses leave memory; a later re-index reads them back', async () => {
  const { corpus, storage, cleanup } = setup();
  try {
    const first = await indexOnce(corpus, storage);
    assert.equal(first.m.index.analyses.size, 0, 'released after the writes');
    assert.deepEqual(
      first.logs.filter((l) => l.startsWith('released')),
      ['released with 0 analyses in memory'],
      'the listeners hear of it once, afterwards',
    );
    assert.equal(first.m.index.sources.size, 3, 'the index still answers');
    const claims = [...first.m.index.claims.all()];
    writeFileSync(path.join(corpus, 'b.txt'), ARTICLE('Mohamed Belkaid', 40));
    await first.m.configure({ roots: [corpus], exclude: [], cacheDir: storage });
    assert.equal(first.m.stats?.fromCache, 2, 'the unchanged files from the cache');
    assert.equal(first.m.stats?.analysed, 1);
    assert.equal(first.m.index.claims.size, claims.length);
    assert.ok([...first.m.index.claims.all()].some((c) => c.quantities.some((q) => q.value === 40)));
    assert.deepEqual(
      [...first.m.index.claims.all()].filter((c) => !c.sourceId.endsWith('b.txt')),
      claims.filter((c) => !c.sourceId.endsWith('b.txt')),
    );
    // (configured again after \`indexOnce\` disposed of it: its writes of that indexing are awaited before the folder goes)
    await first.m.dispose();
  } finally {
    cleanup();
  }
});

test('the first indexing keeps the signatures it took as it read the files: the next start reads none of them', async () => {
  const { corpus, storage, cleanup } = setup();
  try {
    const first = await indexOnce(corpus, storage, { statTrustedAfterMs: 0 });
    assert.equal(first.m.stats?.analysed, 3);
    // with no snapshot to check, no file is read for its key before the analysis (which reads each once)
    assert.equal(first.m.stats?.keysRead, 0, 'no file read for its key alone');
    const second = await indexOnce(corpus, storage, { statTrustedAfterMs: 0 });
    assert.equal(second.m.stats?.fromSnapshot, 3);
    assert.equal(second.m.stats?.keysFromStat, 3);
    assert.equal(second.m.stats?.keysRead, 0);
    // the table gone, a start with a snapshot reads each file for its key, and uses the snapshot
    rmSync(path.join(storage, 'corroborate-files.stat'));
    const third = await indexOnce(corpus, storage, { statTrustedAfterMs: 0 });
    assert.equal(third.m.stats?.fromSnapshot, 3);
    assert.equal(third.m.stats?.keysRead, 3);
  } finally {
    cleanup();
  }
});

test('an entry read from the cache keeps its columns in a mapped slab, not in the chunk it was read from', async () => {
  const { corpus, storage, cleanup } = setup();
  try {
    const entries = ['a.txt', 'b.txt'].map((f) => loadAndAnalyse(path.join(corpus, f))) as EntryInMemory[];
    const file = cacheFileIn(storage);
    await writeCache(file, 'fp', entries);
    const r = await readCache(file, 'fp');
    assert.ok(r.ok);
    if (!r.ok) return;
    const back = entries.map((e) => r.entries.get(e.file)!.analysis);
    const buffers = new Set(back.flatMap((a) => [a.packedSentences.cols.buffer, a.packedRaw.cols.buffer]));
    assert.equal(buffers.size, 1, 'one shared buffer');
    assert.equal([...buffers][0].byteLength, MAPPED_SLAB_BYTES);
    for (let i = 0; i < entries.length; i++) {
      assert.deepEqual([...back[i].packedSentences.cols], [...entries[i].analysis.packedSentences.cols]);
      assert.deepEqual([...back[i].packedRaw.cols], [...entries[i].analysis.packedRaw.cols]);
    }
  } finally {
    cleanup();
  }
});

test('a source reaches the index and the cache with its text packed, and reads back the same characters', async () => {
  const { corpus, storage, cleanup } = setup();
  try {
    const files = ['a.txt', 'c.md'].map((f) => path.join(corpus, f));
    const entries = files.map((f) => loadAndAnalyse(f)) as CachedEntry[];
    for (const e of entries) assert.ok(isPackedText(e.source.packedText) && !('text' in e.source), 'packed where it was read');
    const file = cacheFileIn(storage);
    await writeCache(file, 'fp', entries);
    const r = await readCache(file, 'fp');
    assert.ok(r.ok);
    if (!r.ok) return;
    for (const e of entries) {
      const p: PackedText = r.entries.get(e.file)!.source.packedText;
      assert.equal(unpackText(p), unpackText(e.source.packedText));
      // not a view into the chunk the entry was read from
      assertOwnBuffer(p, e.file);
    }
    // a first indexing and a start from the cache both index the packed text, whose characters are the file's
    // (the markdown one less its front matter)
    for (const opts of [{}, { snapshot: false }]) {
      const { m } = await indexOnce(corpus, storage, opts);
      const source = m.index.sources.get(files[0])!;
      assert.ok(packedTextOf(source), 'kept packed');
      assert.equal(source.text, readFileSync(files[0], 'utf8'));
      assert.match(m.index.sources.get(files[1])!.text, /Najim Laachraoui said on Monday/);
    }
  } finally {
    cleanup();
  }
});

test('a cache entry whose text is a string (format 3) or whose packed text is damaged is refused', async () => {
  const { corpus, storage, cleanup } = setup();
  try {
    const e = loadAndAnalyse(path.join(corpus, 'a.txt')) as CachedEntry;
    const file = cacheFileIn(storage);
    const { packedText, ...rest } = e.source;
    const asString = { ...e, source: { ...rest, text: unpackText(packedText) } } as unknown as CachedEntry;
    const damaged = { ...e, source: { ...e.source, packedText: { ...packedText, lines: new Int32Array([0, 5, 3]) } } };
    for (const bad of [asString, damaged]) {
      await writeCache(file, 'fp', [bad]);
      const r = await readCache(file, 'fp');
      assert.deepEqual(r, { ok: false, reason: 'corrupt cache entry' });
    }
  } finally {
    cleanup();
  }
});

test('a first indexing writes the cache as it analyses: complete before the last rebuild, which lets the analyses go', async () => {
  const { corpus, storage, cleanup } = setup();
  try {
    const m = new CorpusManager({ workers: 0 });
    const atAnalysed: { entries?: number; analyses: number; stored: number; releasing: boolean }[] = [];
    m.onAnalysed(({ releasing }) => {
      // the listeners hear of it just before the last rebuild: the cache is on disk already
      const analyses = m.index.analyses.size;
      const stored = [...m.index.analyses.values()].filter(isStoredAnalysis).length;
      void readCache(cacheFileIn(storage), m.fingerprint()).then((r) =>
        atAnalysed.push({ entries: r.ok ? r.entries.size : undefined, analyses, stored, releasing }),
      );
    });
    await m.configure({ roots: [corpus], exclude: [], cacheDir: storage });
    assert.equal(m.state, 'ready');
    assert.equal(m.index.analyses.size, 0, 'let go by the last rebuild, before the index was ready');
    assert.equal(m.index.claims.size > 0, true);
    await m.whenCacheWritten();
    assert.deepEqual(atAnalysed, [{ entries: 3, analyses: 3, stored: 0, releasing: true }]);
    assert.deepEqual(
      readdirSync(storage).filter((f) => f.endsWith('.tmp')),
      [],
    );
    // the same index as one built in memory, and a change read back from the cache
    const inMemory = new CorpusManager({ workers: 0 });
    await inMemory.configure({ roots: [corpus], exclude: [] });
    assert.deepEqual(plainEntities(m.index.entities), plainEntities(inMemory.index.entities));
    assert.deepEqual([...m.index.claims.all()], [...inMemory.index.claims.all()]);
    writeFileSync(path.join(corpus, 'c.md'), `---\ntitle: Notes\noutlet: Example\n---\n\n${ARTICLE('Najim Laachraoui', 44)}`);
    await m.configure({ roots: [corpus], exclude: [], cacheDir: storage });
    assert.equal(m.stats?.fromCache, 2);
    assert.equal(m.stats?.analysed, 1);
    assert.ok([...m.index.claims.all()].some((c) => c.quantities.some((q) => q.value === 44)));
    // (a change keeps the analyses read back until the cache is written after its last rebuild)
    await m.whenCacheWritten();
    assert.equal(atAnalysed.length, 2);
    assert.equal(atAnalysed[1].releasing, false);
    assert.equal(atAnalysed[1].analyses, 3);
    // (those read from the cache stay in it, read back by the rebuild; the one analysed again is in memory)
    assert.equal(atAnalysed[1].stored, 2);
    await m.dispose();
  } finally {
    cleanup();
  }
});

test('the last rebuild of a first indexing really lets the analyses go: none is reachable once it has made the index', async () => {
  const { corpus, storage, cleanup } = setup();
  try {
    for (let i = 0; i < 12; i++) writeFileSync(path.join(corpus, `n${i}.txt`), ARTICLE(`Person Number${i}`, 10 + i));
    const m = new CorpusManager({ workers: 0 });
    const analyses: WeakRef<object>[] = [];
    const upsert = m.index.upsert.bind(m.index);
    m.index.upsert = (source, analysis, copied) => {
      analyses.push(new WeakRef(analysis));
      upsert(source, analysis, copied);
    };
    // at the end of the last rebuild, while the indexing still waits for it (its own state as it is then)
    let reachable: number | undefined;
    const rebuild = m.index.rebuildInSlices.bind(m.index);
    m.index.rebuildInSlices = async (ms, opts) => {
      await rebuild(ms, opts);
      if (!opts?.releaseAnalyses) return;
      // (turns between collections: a WeakRef made or read in a job keeps its target until the job ends)
      for (let i = 0; i < 3; i++) {
        await new Promise((r) => setImmediate(r));
        collector()!();
      }
      reachable = analyses.filter((w) => w.deref() !== undefined).length;
    };
    await m.configure({ roots: [corpus], exclude: [], cacheDir: storage });
    assert.ok(analyses.length >= 15, `${analyses.length} analyses indexed`);
    assert.equal(reachable, 0, 'no analysis is held once the last rebuild has read it');
    await m.whenCacheWritten();
    await m.dispose();
  } finally {
    cleanup();
  }
});

test('an indexing overtaken by a newer one leaves no half-written cache, and the newer one writes a whole one', async () => {
  const { corpus, storage, cleanup } = setup();
  try {
    // enough files that analysing them in this thread outlasts the 30 ms before the newer indexing starts (with 30, a
    // fast run was ready first and the test failed)
    const extra = 200;
    for (let i = 0; i < extra; i++) writeFileSync(path.join(corpus, `n${i}.txt`), ARTICLE(`Person Number${i}`, 10 + i));
    const m = new CorpusManager({ workers: 0 });
    let overtaken = false;
    let ready = 0;
    m.onProgress((p) => {
      if (p.state === 'ready') ready++;
      if (!overtaken && p.state === 'indexing') {
        overtaken = true;
        // (while the first indexing analyses its files)
        setTimeout(() => void m.configure({ roots: [corpus], exclude: [], cacheDir: storage }), 30);
      }
    });
    await m.configure({ roots: [corpus], exclude: [], cacheDir: storage });
    await new Promise((r) => setTimeout(r, 60));
    await m.whenReady();
    await m.whenCacheWritten();
    assert.equal(ready, 1, 'the first indexing stopped before it was ready');
    assert.deepEqual(
      readdirSync(storage).filter((f) => f.endsWith('.tmp')),
      [],
    );
    const r = await readCache(cacheFileIn(storage), m.fingerprint());
    assert.ok(r.ok && r.entries.size === extra + 3);
    await m.dispose();
  } finally {
    cleanup();
  }
});

test('a cache that cannot be written as it goes is written once ready, as before, and the analyses stay until it is', async () => {
  const { corpus, storage, cleanup } = setup();
  try {
    // the storage path is a file: no cache can be opened there
    writeFileSync(storage, 'not a folder');
    const logs: string[] = [];
    const m = new CorpusManager({ workers: 0, log: (s) => logs.push(s) });
    await m.configure({ roots: [corpus], exclude: [], cacheDir: storage });
    assert.equal(m.state, 'ready');
    assert.equal(m.index.analyses.size, 3, 'kept: nothing is on disk');
    await m.whenCacheWritten();
    assert.ok(logs.some((l) => /index cache not written as it went/.test(l)));
    assert.ok(logs.some((l) => /index cache not written:/.test(l)));
    assert.equal(m.index.analyses.size, 3);
    assert.equal(readFileSync(storage, 'utf8'), 'not a folder');
    await m.dispose();
  } finally {
    cleanup();
  }
});

test('a change rebuilds once when an index is served meanwhile; a start serves what it kept first only when the rest takes long', async () => {
  const { corpus, storage, cleanup } = setup();
  try {
    const m = new CorpusManager({ workers: 0 });
    await m.configure({ roots: [corpus], exclude: [], cacheDir: storage });
    await m.whenCacheWritten();
    writeFileSync(path.join(corpus, 'b.txt'), ARTICLE('Mohamed Belkaid', 41));
    await m.configure({ roots: [corpus], exclude: [], cacheDir: storage });
    assert.deepEqual([m.stats?.fromCache, m.stats?.analysed, m.stats?.rebuilds], [2, 1, 1], 'the served index answered meanwhile');
    assert.ok([...m.index.claims.all()].some((c) => c.quantities.some((q) => q.value === 41)));
    await m.whenCacheWritten();
    await m.dispose();
    // a new process without the snapshot: nothing is served yet
    const start = async () => {
      rmSync(snapshotFileIn(storage), { force: true });
      const n = new CorpusManager({ workers: 0 });
      await n.configure({ roots: [corpus], exclude: [], cacheDir: storage });
      await n.whenCacheWritten();
      await n.dispose();
      return [n.stats?.fromCache, n.stats?.analysed, n.stats?.rebuilds];
    };
    writeFileSync(path.join(corpus, 'a.txt'), ARTICLE('Karim Abdeslam', 42));
    assert.deepEqual(await start(), [2, 1, 1], 'one file to analyse: not worth serving the two kept first');
    writeFileSync(path.join(corpus, 'a.txt'), ARTICLE('Karim Abdeslam', 43));
    writeFileSync(path.join(corpus, 'b.txt'), ARTICLE('Mohamed Belkaid', 44));
    assert.deepEqual(await start(), [1, 2, 2], 'two to analyse: the one kept is served first');
  } finally {
    cleanup();
  }
});

test('a cache read with its analyses left on disk reads each part back as it was written, even after a newer cache replaced the file', async () => {
  const { corpus, storage, cleanup } = setup();
  try {
    // (more entries than a chunk of entries holds: the reader finds the chunks of entries among the analyses' parts)
    for (let i = 0; i < 60; i++) writeFileSync(path.join(corpus, `n${i}.txt`), ARTICLE(`Person Number${i}`, 10 + i));
    const files = readdirSync(corpus).sort();
    const entries = files.map((f) => loadAndAnalyse(path.join(corpus, f))) as EntryInMemory[];
    const file = cacheFileIn(storage);
    const w = await CacheWriter.open(file, 'fp');
    for (const e of entries) w.add(e);
    await w.finish();
    const r = await readCache(file, 'fp', { stored: true });
    assert.ok(r.ok, r.ok ? '' : r.reason);
    if (!r.ok) return;
    assert.equal(r.entries.size, entries.length);
    const check = () => {
      for (const e of entries) {
        const stored = r.entries.get(e.file)!.analysis as StoredAnalysis;
        assert.ok(isStoredAnalysis(stored));
        const a = e.analysis;
        assert.equal(stored.sourceId, a.sourceId);
        assert.equal(stored.names, nameCount(a.packedRaw));
        const sentences = stored.readSentences();
        assert.deepEqual([...sentences.cols], [...a.packedSentences.cols]);
        assert.deepEqual(sentences.keys, a.packedSentences.keys);
        assert.equal(sentences.extra, a.packedSentences.extra);
        const raw = stored.readCandidates();
        assert.deepEqual([...raw.cols], [...a.packedRaw.cols]);
        assert.deepEqual(raw.strings, a.packedRaw.strings);
      }
    };
    check();
    // the same entries read whole
    const whole = await readCache(file, 'fp');
    assert.ok(whole.ok);
    if (whole.ok)
      for (const e of entries) assert.deepEqual(whole.entries.get(e.file)!.analysis.packedSentences.keys, e.analysis.packedSentences.keys);
    // a cache written from them (their chunks copied as they are) reads back whole as the first did
    const copy = path.join(storage, 'copy.cache');
    await writeCache(copy, 'fp', r.entries.values());
    const again = await readCache(copy, 'fp');
    assert.ok(again.ok);
    if (again.ok)
      for (const e of entries) {
        const back: EntryInMemory = again.entries.get(e.file)!;
        assert.deepEqual([...back.analysis.packedRaw.cols], [...e.analysis.packedRaw.cols]);
        assert.deepEqual(back.analysis.packedSentences.keys, e.analysis.packedSentences.keys);
        assert.equal(back.source.id, e.source.id);
      }
    // a newer cache renamed over the file: the reader still has the file it read
    await writeCache(file, 'fp', [entries[2]]);
    check();
  } finally {
    cleanup();
  }
});

test('a cache read with its analyses left on disk keeps only the sources; a chunk damaged since is refused by name when read back', async () => {
  const { corpus, storage, cleanup } = setup();
  try {
    const entries = ['a.txt', 'b.txt', 'c.md'].map((f) => loadAndAnalyse(path.join(corpus, f))) as EntryInMemory[];
    const file = cacheFileIn(storage);
    await writeCache(file, 'fp', entries);
    const r = await readCache(file, 'fp', { stored: true });
    assert.ok(r.ok);
    if (!r.ok) return;
    for (const e of entries) {
      const got: CachedEntry = r.entries.get(e.file)!;
      assert.ok(isStoredAnalysis(got.analysis), 'left on disk');
      assert.equal(got.source.id, e.source.id);
      assert.equal((got.analysis as StoredAnalysis).names, nameCount(e.analysis.packedRaw));
    }
    // one byte of the body changed in place (the same file the reader has open): in the first chunk, the first
    // entry's candidate names
    const bytes = readFileSync(file);
    const at = 4096 + 4 + 50;
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.from([bytes[at] ^ 0xff]), 0, 1, at);
    closeSync(fd);
    const stored = r.entries.get(entries[0].file)!.analysis as StoredAnalysis;
    assert.throws(
      () => stored.readCandidates(),
      (err: Error) => err.message.includes(file) && /damaged/.test(err.message),
    );
    // (its sentences, in a chunk of their own, are sound)
    assert.deepEqual(stored.readSentences().keys, entries[0].analysis.packedSentences.keys);
  } finally {
    cleanup();
  }
});

test('an analysis that cannot be read back during a rebuild leaves the index served, and the corpus is indexed again from its files', async () => {
  const { corpus, storage, cleanup } = setup();
  try {
    const logs: string[] = [];
    const m = new CorpusManager({ workers: 0, log: (s) => logs.push(s) });
    await m.configure({ roots: [corpus], exclude: [], cacheDir: storage });
    await m.whenCacheWritten();
    const claims = m.index.claims.size;
    // a change: the cache is read with its analyses left on disk; then, before the last rebuild reads them, the cache
    // file is damaged in place
    writeFileSync(path.join(corpus, 'b.txt'), ARTICLE('Mohamed Belkaid', 40));
    let damage = true;
    m.onAnalysed(() => {
      if (!damage) return;
      damage = false;
      const file = cacheFileIn(storage);
      const fd = openSync(file, 'r+');
      // (in the first chunk: an analysis the cache was read with, as the changed file's comes later)
      writeSync(fd, Buffer.alloc(64, 0x55), 0, 64, 4096 + 4 + 50);
      closeSync(fd);
    });
    const states: string[] = [];
    m.onProgress((p) => states.push(p.state));
    await m.configure({ roots: [corpus], exclude: [], cacheDir: storage });
    assert.equal(m.state, 'error');
    assert.equal(m.index.claims.size, claims, 'the previous index is still served');
    assert.ok(
      logs.some((l) => /index cache .* is damaged .*; reindexing the corpus/.test(l)),
      logs.join('\n'),
    );
    // the corpus indexed again from its files: every source, the change included, and a sound cache
    await new Promise((r) => setImmediate(r));
    await m.whenReady();
    assert.equal(m.state, 'ready');
    assert.equal(m.stats?.analysed, 3);
    assert.match(m.index.sources.get(path.join(corpus, 'b.txt'))!.text, /at least 40 people/);
    await m.whenCacheWritten();
    const r = await readCache(cacheFileIn(storage), m.fingerprint());
    assert.ok(r.ok && r.entries.size === 3);
    await m.dispose();
  } finally {
    cleanup();
  }
});

test('a cache replaced between its reader opening it and its entries being read is read again: the entries say where the analyses are in the file the reader has', async () => {
  const { corpus, storage, cleanup } = setup();
  const fsp = fs.promises;
  const open = fsp.open;
  try {
    const entries = ['a.txt', 'b.txt', 'c.md'].map((f) => loadAndAnalyse(path.join(corpus, f))) as EntryInMemory[];
    const file = cacheFileIn(storage);
    await writeCache(file, 'fp', entries.slice(0, 2));
    const newer = path.join(storage, 'newer.cache');
    await writeCache(newer, 'fp', entries);
    let replaced = 0;
    // (the entries' read opens the file after the reader has: a newer cache is renamed over it in between, once)
    fsp.open = (async (p: fs.PathLike, ...rest: unknown[]) => {
      if (p === file && !replaced++) fs.renameSync(newer, file);
      return (open as (...a: unknown[]) => Promise<fs.promises.FileHandle>)(p, ...rest);
    }) as typeof fsp.open;
    const r = await readCache(file, 'fp', { stored: true });
    fsp.open = open;
    assert.equal(replaced >= 2, true, 'read twice');
    assert.ok(r.ok, r.ok ? '' : r.reason);
    if (!r.ok) return;
    assert.equal(r.entries.size, 3, 'the newer cache');
    for (const e of entries)
      assert.deepEqual((r.entries.get(e.file)!.analysis as StoredAnalysis).readSentences().keys, e.analysis.packedSentences.keys);
  } finally {
    fsp.open = open;
    cleanup();
  }
});

test('an analysis part changed in place so that it still deserialises (a number in its columns) is refused by its CRC-32, not read as it is', async () => {
  const { corpus, storage, cleanup } = setup();
  try {
    const entries = ['a.txt', 'b.txt'].map((f) => loadAndAnalyse(path.join(corpus, f))) as EntryInMemory[];
    const file = cacheFileIn(storage);
    await writeCache(file, 'fp', entries);
    const r = await readCache(file, 'fp', { stored: true });
    assert.ok(r.ok);
    if (!r.ok) return;
    // the first entry's candidate columns, as they are in the file: one of their numbers changed
    const cols = entries[0].analysis.packedRaw.cols;
    const bytes = readFileSync(file);
    const at = bytes.indexOf(Buffer.from(cols.buffer, cols.byteOffset, cols.byteLength));
    assert.ok(at > 4096, 'the columns are in the file as they are');
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.from([bytes[at + 4] ^ 0x01]), 0, 1, at + 4);
    closeSync(fd);
    const stored = r.entries.get(entries[0].file)!.analysis as StoredAnalysis;
    assert.throws(
      () => stored.readCandidates(),
      (err: Error) => err.message.includes(file) && /fails its checksum/.test(err.message),
    );
  } finally {
    cleanup();
  }
});
