/** The file of texts beside the snapshot: a served index reads its sources' texts from it, not from memory. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { CorpusManager } from '../../../server/src/indexing/manager';
import { packedTextOf, StoredText } from '../../../server/src/core/text/packedText';
import { TextFile, TextsWriter } from '../../../server/src/cache/texts';
import { packText } from '../../../server/src/core/text/packedText';
import { tempCorpus } from '../helpers';

const ARTICLE = (name: string, n: number) =>
  `${name} visits Brussels\n\nBy Jane Reporter\n\nMonday, 21 March 2016\n\n${name} said on Monday that at least ${n} people were killed in the attack on the Brussels metro. “Ça va”, the Belgian police said after they arrested ${name}'s brother.\n`;

function setup() {
  return tempCorpus('corroborate-texts-test-', {
    'a.txt': ARTICLE('Karim Abdeslam', 31),
    'b.txt': ARTICLE('Mohamed Belkaid', 32),
    'c.md': `---\ntitle: Notes\n---\n\n${ARTICLE('Najim Laachraoui', 35)}`,
  });
}

const textFiles = (storage: string) => readdirSync(storage).filter((n) => n.startsWith('corroborate-texts-'));

/** the texts of the sources as a manager with no storage indexes them (all in memory) */
async function textsInMemory(corpus: string): Promise<Map<string, string>> {
  const m = new CorpusManager({ workers: 0 });
  await m.configure({ roots: [corpus], exclude: [] });
  const out = new Map([...m.index.sources].map(([id, s]) => [id, s.text]));
  await m.dispose();
  return out;
}

async function start(corpus: string, storage: string) {
  const logs: string[] = [];
  const m = new CorpusManager({ workers: 0, log: (s) => logs.push(s) });
  await m.configure({ roots: [corpus], exclude: [], cacheDir: storage });
  await m.whenCacheWritten();
  return { m, logs };
}

function assertStoredTexts(m: CorpusManager, expected: Map<string, string>) {
  assert.equal(m.index.sources.size, expected.size);
  for (const [id, s] of m.index.sources) {
    assert.ok(packedTextOf(s) instanceof StoredText, `${id}: read from the file of texts`);
    assert.equal(s.text, expected.get(id), id);
  }
}

test('once the snapshot is written, the texts are read from its file of texts; a restart and a change read them from there too', async () => {
  const { corpus, storage, cleanup } = setup();
  try {
    const expected = await textsInMemory(corpus);
    const first = await start(corpus, storage);
    assertStoredTexts(first.m, expected);
    const [name] = textFiles(storage);
    assert.deepEqual(textFiles(storage), [name], 'one file of texts');
    // what the index shows of them: claims' sentences read from the file
    const claims = [...first.m.index.claims.all()].map((c) => c.text);
    assert.ok(claims.some((t) => t.includes('at least 31 people were killed')));
    await first.m.dispose();

    const second = await start(corpus, storage);
    assert.equal(second.m.stats?.fromSnapshot, 3);
    assertStoredTexts(second.m, expected);
    assert.deepEqual(
      [...second.m.index.claims.all()].map((c) => c.text),
      claims,
    );

    // a change: the sources are read back from the per-file cache, rebuilt, and a new snapshot and file of texts are
    // written; the old file goes, and every text is read from the new one
    writeFileSync(path.join(corpus, 'b.txt'), ARTICLE('Mohamed Belkaid', 40));
    await second.m.configure({ roots: [corpus], exclude: [], cacheDir: storage });
    await second.m.whenCacheWritten();
    const now = textFiles(storage);
    assert.equal(now.length, 1);
    assert.notEqual(now[0], name);
    assertStoredTexts(second.m, await textsInMemory(corpus));
    assert.ok([...second.m.index.claims.all()].some((c) => c.text.includes('at least 40 people')));
    await second.m.dispose();
  } finally {
    cleanup();
  }
});

test('a damaged file of texts: reading a text fails with an error naming the file, and the index is made again; a missing or cut one is not used', async () => {
  const { corpus, storage, cleanup } = setup();
  try {
    const expected = await textsInMemory(corpus);
    await (await start(corpus, storage)).m.dispose();
    const file = path.join(storage, textFiles(storage)[0]);
    const good = readFileSync(file);

    // a flipped byte: the snapshot loads (its own checksum holds), the damaged text is refused when read
    const bad = Buffer.from(good);
    bad[Math.floor(bad.length / 2)] ^= 0xff;
    writeFileSync(file, bad);
    const damaged = await start(corpus, storage);
    assert.equal(damaged.m.stats?.fromSnapshot, 3);
    const failures = [...damaged.m.index.sources.values()].map((s) => {
      try {
        return s.text === expected.get(s.id) ? 'ok' : 'wrong';
      } catch (err) {
        return (err as Error).message;
      }
    });
    assert.equal(failures.filter((f) => f === 'wrong').length, 0, 'never a wrong text');
    assert.equal(failures.filter((f) => f !== 'ok').length, 1, 'the one damaged text');
    assert.match(
      failures.find((f) => f !== 'ok')!,
      new RegExp(`file of texts .*${path.basename(file)} is damaged`),
    );
    // the index is made again from the files, with a new file of texts
    await new Promise((r) => setImmediate(r));
    await damaged.m.whenReady();
    await damaged.m.whenCacheWritten();
    assert.ok(
      damaged.logs.some((l) => /is damaged .*; reindexing the corpus to replace it/.test(l)),
      damaged.logs.join('\n'),
    );
    assert.equal(damaged.m.stats?.analysed, 3);
    assertStoredTexts(damaged.m, expected);
    assert.notEqual(textFiles(storage)[0], path.basename(file));
    await damaged.m.dispose();
    const fresh = await start(corpus, storage);
    assert.equal(fresh.m.stats?.fromSnapshot, 3);
    assertStoredTexts(fresh.m, expected);
    await fresh.m.dispose();

    // cut short: the snapshot is not used; the per-file cache is read and a new snapshot written
    const now = path.join(storage, textFiles(storage)[0]);
    truncateSync(now, statSync(now).size - 10);
    const cut = await start(corpus, storage);
    assert.equal(cut.m.stats?.fromSnapshot, undefined);
    assert.equal(cut.m.stats?.fromCache, 3);
    assert.ok(
      cut.logs.some((l) => /snapshot not used: its file of texts cannot be used \(.* has \d+ bytes, expected \d+\)/.test(l)),
      cut.logs.join('\n'),
    );
    assertStoredTexts(cut.m, expected);
    await cut.m.dispose();

    // gone: likewise
    rmSync(path.join(storage, textFiles(storage)[0]));
    const gone = await start(corpus, storage);
    assert.equal(gone.m.stats?.fromSnapshot, undefined);
    assert.ok(gone.logs.some((l) => /snapshot not used: its file of texts corroborate-texts-[0-9a-f]+\.bin is missing/.test(l)));
    assertStoredTexts(gone.m, expected);
    await gone.m.dispose();
    assert.equal(textFiles(storage).length, 1);
  } finally {
    cleanup();
  }
});

test('a file of texts holds each text as written, whatever its size; an aborted one leaves nothing', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'corroborate-texts-file-'));
  try {
    // (the hex: over the writer's 1 MB buffer once deflated)
    const texts = ['', 'short', 'é'.repeat(3000), randomBytes(1_500_000).toString('hex'), 'lone \uD800 surrogate'].map(packText);
    assert.ok(texts[3].bytes.length > 1 << 20);
    const w = new TextsWriter(dir);
    const refs = texts.map((t) => w.add(t));
    await w.finish();
    const f = TextFile.open(w.file, w.bytes);
    texts.forEach((t, i) => assert.deepEqual(Buffer.from(f.read(refs[i].at, refs[i].size, refs[i].crc)), Buffer.from(t.bytes)));
    assert.throws(() => f.read(refs[2].at, refs[2].size, refs[2].crc ^ 1), /damaged/);
    assert.throws(() => TextFile.open(w.file, w.bytes + 1), /expected/);
    const aborted = new TextsWriter(dir);
    aborted.add(texts[1]);
    await aborted.abort();
    assert.deepEqual(readdirSync(dir), [path.basename(w.file)]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
