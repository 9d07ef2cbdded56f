#!/usr/bin/env node
// `npm run bench`: Corroborate at newsroom scale, through the real server over stdio.
//   node scripts/bench.mjs                       bundled corpus, 1,000 and 10,000 articles; prints a table
//   node scripts/bench.mjs --size N [--json F]   one size (0 = the bundled corpus); also writes the figures as JSON
//   options: --runs R (timed repetitions, default 5), --cold-runs R (default: 5, 3 from 10,000 up, 1 from 50,000),
//            --requests N (per latency figure, default 1000), --keep (keep the generated corpus for the next run)
//            --pause MS (a writer's pause between the draft's diagnostics and the first request, default 0: the
//            server makes the draft's hover cards in idle time, so with --pause 3000 the hovers find them made)
// Corpora are generated (seeded, deterministic) from ../shared/data/wikinews into a private temp folder.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { generate, readWikinews, rng } from './bench/generate.mjs';
import { BenchClient, root } from './bench/client.mjs';

const argv = process.argv.slice(2);
const opt = (name, def) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : def);
const sizes = argv.includes('--size') ? [Number(opt('--size'))] : [0, 1000, 10000];
const jsonOut = opt('--json');
const runs = Number(opt('--runs', 5));
const requests = Number(opt('--requests', 1000));
const pauseMs = Number(opt('--pause', 0));
const SEED = 20240501;

if (!['server.js', 'indexWorker.js', 'launch.js'].every((f) => existsSync(join(root, 'dist', f))))
  spawnSync('node', ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });

const work = join(tmpdir(), 'corroborate-bench');
mkdirSync(work, { recursive: true });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};
const r1 = (x) => Math.round(x * 10) / 10;
const r2 = (x) => Math.round(x * 100) / 100;
const log = (...a) => console.error('[bench]', ...a);

/** A realistic ~5,000-word draft: paragraphs of Wikinews articles (which the corpus holds) under headings. */
function buildDraft(words = 5000) {
  const arts = readWikinews();
  const r = rng(SEED);
  const order = arts
    .map((a, i) => ({ a, k: r() + i * 0 }))
    .sort((x, y) => x.k - y.k)
    .map((x) => x.a);
  const out = ['# Draft: a year in the news', ''];
  let n = 0;
  for (const a of order) {
    const lines = a.text.split('\n');
    out.push(`## ${lines[0].trim()}`, '');
    const paras = lines
      .slice(1)
      .map((l) => l.trim())
      .filter((l) => l.split(/\s+/).length > 12);
    for (const p of paras.slice(0, 4)) {
      out.push(p, '');
      n += p.split(/\s+/).length;
      if (n >= words) return { text: out.join('\n'), words: n };
    }
  }
  return { text: out.join('\n'), words: n };
}

function corpusFor(size) {
  if (size === 0)
    return {
      dir: join(root, 'corpus'),
      bytes: dirBytes(join(root, 'corpus')),
      files: 3,
      settings: { corpus: { paths: [], includeBundled: true } },
    };
  const dir = join(work, `corpus-${size}-${SEED}`);
  const t = performance.now();
  const g = generate(dir, size, { seed: SEED });
  log(`corpus of ${size} articles (${(g.bytes / 1e6).toFixed(1)} MB) ready in ${Math.round(performance.now() - t)} ms at ${dir}`);
  return { dir, bytes: g.bytes, files: g.files, settings: { corpus: { paths: [dir], includeBundled: false } } };
}

function dirBytes(dir) {
  let n = 0;
  const walk = (d) => {
    for (const e of require_readdir(d)) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(txt|md|html?|json)$/.test(e.name)) n += statSync(p).size;
    }
  };
  walk(dir);
  return n;
}
import { readdirSync } from 'node:fs';
const require_readdir = (d) => readdirSync(d, { withFileTypes: true });

async function startServer(settings, storagePath, label) {
  const memFile = join(work, `mem-${process.pid}-${label}.json`);
  const c = new BenchClient({ settings, storagePath, memFile });
  c.memFile = memFile;
  const { status, readyMs } = await c.start();
  if (status.state !== 'ready') throw new Error(`server ${status.state}: ${status.message ?? ''}\n${c.stderr}`);
  return { c, readyMs, status };
}

function readMem(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
}

/** Probes the editor's view while indexing: a hover every 200 ms; returns the latencies. */
function probeDuringIndexing(c, uri, pos) {
  const lat = [];
  let stop = false;
  const loop = async () => {
    while (!stop) {
      const t = performance.now();
      try {
        await c.request('textDocument/hover', { textDocument: { uri }, position: pos });
      } catch {}
      lat.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const p = loop();
  return { stop: async () => ((stop = true), await p, lat) };
}

async function benchSize(size) {
  const corpus = corpusFor(size);
  const coldRuns = Number(opt('--cold-runs', size >= 50000 ? 1 : size >= 10000 ? 3 : runs));
  const warmRuns = size >= 50000 ? Math.min(runs, 3) : runs;
  const draft = buildDraft();
  const draftPath = join(work, 'draft.md');
  const uri = pathToFileURL(draftPath).toString();
  writeFileSync(draftPath, draft.text); // for reproducing a figure by hand; the server gets the text over LSP
  const res = {
    size: size || 'bundled',
    articles: corpus.files,
    corpusMB: r2(corpus.bytes / 1e6),
    draftWords: draft.words,
    coldRuns,
    warmRuns,
  };

  // cold: empty storage each time
  const cold = [];
  const duringIndexing = [];
  let peakRss = 0;
  let peakHeap = 0;
  const settledRss = [];
  let storage;
  let coldLogs = [];
  for (let i = 0; i < coldRuns; i++) {
    if (storage) rmSync(storage, { recursive: true, force: true });
    storage = mkdtempSync(join(work, 'storage-'));
    const memFile = join(work, `mem-${process.pid}-cold.json`);
    const c = new BenchClient({ settings: corpus.settings, storagePath: storage, memFile });
    const started = c.start();
    // the draft is open while the corpus is indexed: requests answer from what is indexed so far (an editor opens it,
    // and asks anything, once the server is initialized: a hover sent before waited for the process to start)
    await c.initialized;
    await c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: draft.text } });
    const probe = probeDuringIndexing(c, uri, { line: 4, character: 10 });
    const { status, readyMs } = await started;
    duringIndexing.push(...(await probe.stop()));
    if (status.state !== 'ready') throw new Error(`server ${status.state}: ${status.message}`);
    cold.push(readyMs);
    // once the cache and snapshot are written, the server drops the analyses and collects: what it keeps serving with
    // until a restart (the figure is taken a second later, when the collector has handed its pages back)
    const released = await c.waitForLog(/^analyses released/);
    await new Promise((r) => setTimeout(r, 1000));
    const rss = c.peakRssMB();
    if (released) settledRss.push(rss.now);
    else log(`size ${size}: the server never said it released the analyses`);
    await c.stop();
    const mem = readMem(memFile);
    peakRss = Math.max(peakRss, rss.peak);
    peakHeap = Math.max(peakHeap, (mem.peakHeap ?? 0) / 1048576);
    coldLogs = c.logs.filter((l) => /indexed|cache|released/.test(l));
    log(
      `size ${size}: cold run ${i + 1}/${coldRuns}: ${Math.round(readyMs)} ms (peak RSS ${Math.round(rss.peak)} MB) ${coldLogs.join(' | ')}`,
    );
  }
  const cacheBytes = existsSync(join(storage, 'corroborate-index.cache')) ? statSync(join(storage, 'corroborate-index.cache')).size : 0;
  res.coldIndexMs = Math.round(median(cold));
  res.indexMBps = r2(corpus.bytes / 1e6 / (median(cold) / 1000));
  res.coldRunsMs = cold.map(Math.round);
  res.hoverDuringIndexingP50Ms = r1(pct(duringIndexing, 50));
  res.hoverDuringIndexingMaxMs = r1(Math.max(...duringIndexing));
  res.cacheMB = r2(cacheBytes / 1e6);
  const snap = join(storage, 'corroborate-index.snapshot');
  res.snapshotMB = r2((existsSync(snap) ? statSync(snap).size : 0) / 1e6);
  res.coldLog = coldLogs.join(' | ');

  // warm: the cache from the last cold run
  const warm = [];
  let server;
  for (let i = 0; i < warmRuns; i++) {
    const s = await startServer(corpus.settings, storage, 'warm');
    warm.push(s.readyMs);
    log(
      `size ${size}: warm run ${i + 1}/${warmRuns}: ${Math.round(s.readyMs)} ms ${s.c.logs.filter((l) => /indexed|cache/.test(l)).join(' | ')}`,
    );
    if (i < warmRuns - 1) await s.c.stop();
    else server = s;
  }
  res.warmStartMs = Math.round(median(warm));
  res.warmRunsMs = warm.map(Math.round);
  res.entities = server.status.entities;
  res.disputes = server.status.disputes;
  res.sources = server.status.sources;
  const c = server.c;

  // the draft
  const d0 = c.diagnostics(uri, 1);
  const tOpen = performance.now();
  await c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: draft.text } });
  const first = await d0;
  res.openDiagnosticsMs = r1(first.at - tOpen);
  res.draftDiagnostics = first.p.diagnostics.length;
  const symbols = await c.request('textDocument/documentSymbol', { textDocument: { uri } });
  const ranges = [];
  for (const s of symbols) for (const ch of s.children?.length ? s.children : [s]) ranges.push(ch.range);
  res.draftMentions = ranges.length;
  if (pauseMs > 0) {
    res.pauseBeforeRequestsMs = pauseMs;
    await new Promise((r) => setTimeout(r, pauseMs));
    log(
      `size ${size}: after a ${pauseMs} ms pause: ${c.logs.filter((l) => /hover cards made ahead/.test(l)).join(' | ') || 'no hover cards made ahead'}`,
    );
  }
  const rand = rng(SEED + size);
  const pick = () => ranges[Math.floor(rand() * ranges.length)];
  const lines = draft.text.split('\n');
  const timeMany = async (method, paramsOf) => {
    log(`size ${size}: ${requests} × ${method}`);
    const lat = [];
    for (let i = 0; i < requests; i++) {
      const params = paramsOf();
      const t = performance.now();
      await c.request(method, params);
      lat.push(performance.now() - t);
    }
    return lat;
  };
  const inside = () => {
    const r = pick();
    const len = Math.max(1, r.end.character - r.start.character);
    return { textDocument: { uri }, position: { line: r.start.line, character: r.start.character + Math.floor(rand() * len) } };
  };
  const hov = await timeMany('textDocument/hover', inside);
  const def = await timeMany('textDocument/definition', inside);
  const comp = await timeMany('textDocument/completion', () => {
    const r = pick();
    const len = r.end.character - r.start.character;
    const k = Math.min(len, 2 + Math.floor(rand() * Math.max(1, Math.min(6, len) - 1)));
    return { textDocument: { uri }, position: { line: r.start.line, character: r.start.character + k } };
  });
  Object.assign(res, {
    hoverP50Ms: r2(pct(hov, 50)),
    hoverP99Ms: r2(pct(hov, 99)),
    definitionP50Ms: r2(pct(def, 50)),
    definitionP99Ms: r2(pct(def, 99)),
    completionP50Ms: r2(pct(comp, 50)),
    completionP99Ms: r2(pct(comp, 99)),
  });

  // fuzzy search: names of the draft's entities, with a typo (deleted or swapped letter) in half of them
  const names = symbols.map((s) => s.name).filter((n) => n.length >= 4);
  const fz = await timeMany('corroborate/searchEntities', () => {
    let q = names[Math.floor(rand() * names.length)];
    if (rand() < 0.5) {
      const i = 1 + Math.floor(rand() * (q.length - 2));
      q = rand() < 0.5 ? q.slice(0, i) + q.slice(i + 1) : q.slice(0, i) + q[i + 1] + q[i] + q.slice(i + 2);
    }
    return { query: q, limit: 50 };
  });
  res.fuzzyMs = r2(pct(fz, 50));
  res.fuzzyP95Ms = r2(pct(fz, 95));
  res.fuzzyP99Ms = r2(pct(fz, 99));

  // keystroke -> fresh diagnostics (a letter typed in a paragraph), default settings (debounce 30 ms)
  const paraLines = lines.map((l, i) => (l.length > 80 && !l.startsWith('#') ? i : -1)).filter((i) => i >= 0);
  let version = 1;
  const keystroke = async () => {
    const line = paraLines[Math.floor(rand() * paraLines.length)];
    version++;
    const p = c.diagnostics(uri, version);
    const t = performance.now();
    await c.notify('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: version % 2 ? '' : '' }],
    });
    const d = await p;
    return d.at - t;
  };
  const typeChar = async () => {
    const line = paraLines[Math.floor(rand() * paraLines.length)];
    const col = Math.floor(rand() * lines[line].length);
    version++;
    const p = c.diagnostics(uri, version);
    const t = performance.now();
    await c.notify('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: col }, end: { line, character: col } }, text: 'x' }],
    });
    const d = await p;
    version++;
    const p2 = c.diagnostics(uri, version);
    await c.notify('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: col }, end: { line, character: col + 1 } }, text: '' }],
    });
    await p2;
    return d.at - t;
  };
  void keystroke;
  log(`size ${size}: keystrokes`);
  const ks = [];
  for (let i = 0; i < Math.max(runs, 10); i++) ks.push(await typeChar());
  res.diagnosticsMs = r1(median(ks));
  res.diagnosticsP95Ms = r1(pct(ks, 95));
  // the same with no debounce: the cost of checking the draft after an edit
  c.settings = { ...corpus.settings, debounceMs: 0 };
  await c.notify('workspace/didChangeConfiguration', { settings: {} });
  await new Promise((r) => setTimeout(r, 300));
  const ks0 = [];
  for (let i = 0; i < Math.max(runs, 10); i++) ks0.push(await typeChar());
  res.diagnosticsNoDebounceMs = r1(median(ks0));

  const rss = c.peakRssMB();
  res.rssNowMB = Math.round(rss.now);
  await c.stop();
  const mem = readMem(server.c.memFile);
  res.rssMB = Math.round(Math.max(peakRss, rss.peak));
  // the everyday figure: a server started on the storage folder (warm), then serving the draft's requests
  res.warmRssMB = Math.round(rss.peak);
  res.coldRssMB = Math.round(peakRss);
  if (settledRss.length) res.coldSettledRssMB = Math.round(median(settledRss));
  res.heapMB = Math.round(Math.max(peakHeap, (mem.peakHeap ?? 0) / 1048576));
  rmSync(storage, { recursive: true, force: true });
  return res;
}

const machine = {
  cores: cpus().length,
  cpu: cpus()[0]?.model,
  memGB: Math.round(totalmem() / 1073741824),
  node: process.version,
  date: new Date().toISOString(),
};
const results = [];
const t0 = performance.now();
for (const s of sizes) {
  const ts = performance.now();
  const r = await benchSize(s);
  r.benchSeconds = Math.round((performance.now() - ts) / 1000);
  results.push(r);
  log(JSON.stringify(r));
}

const rows = [
  ['articles', (r) => r.articles],
  ['corpus MB', (r) => r.corpusMB],
  ['entities / disputes', (r) => `${r.entities} / ${r.disputes}`],
  ['cold index s (median)', (r) => r2(r.coldIndexMs / 1000)],
  ['cold index MB/s', (r) => r.indexMBps],
  ['hover while indexing p50 / max ms', (r) => `${r.hoverDuringIndexingP50Ms} / ${r.hoverDuringIndexingMaxMs}`],
  ['warm start s (median)', (r) => r2(r.warmStartMs / 1000)],
  ['cache MB (per-file analyses / index snapshot)', (r) => `${r.cacheMB} / ${r.snapshotMB}`],
  ['peak RSS MB / main heap MB', (r) => `${r.rssMB} / ${r.heapMB}`],
  ['peak RSS MB: first indexing (cold) / warm start serving the draft', (r) => `${r.coldRssMB} / ${r.warmRssMB}`],
  ['RSS MB once the first indexing has released its analyses', (r) => `${r.coldSettledRssMB ?? '–'}`],
  [
    'hover p50 / p99 ms',
    (r) => `${r.hoverP50Ms} / ${r.hoverP99Ms}${r.pauseBeforeRequestsMs ? ` (after a ${r.pauseBeforeRequestsMs} ms pause)` : ''}`,
  ],
  ['definition p50 / p99 ms', (r) => `${r.definitionP50Ms} / ${r.definitionP99Ms}`],
  ['completion p50 / p99 ms', (r) => `${r.completionP50Ms} / ${r.completionP99Ms}`],
  ['fuzzy search p50 / p95 ms', (r) => `${r.fuzzyMs} / ${r.fuzzyP95Ms}`],
  ['keystroke → diagnostics ms (default debounce)', (r) => r.diagnosticsMs],
  ['keystroke → diagnostics ms (debounce 0)', (r) => r.diagnosticsNoDebounceMs],
  ['open draft → diagnostics ms', (r) => r.openDiagnosticsMs],
];
const header = ['', ...results.map((r) => String(r.size))];
const table = [header, ...rows.map(([k, f]) => [k, ...results.map((r) => String(f(r)))])];
const widths = header.map((_, i) => Math.max(...table.map((row) => row[i].length)));
console.log(
  `\nCorroborate benchmark — ${machine.cores} cores (${machine.cpu}), ${machine.memGB} GB, Node ${machine.node}, ${machine.date}`,
);
console.log(
  `draft: ${results[0]?.draftWords} words; ${requests} requests per latency figure; cold runs / warm runs: ${results.map((r) => `${r.coldRuns}/${r.warmRuns}`).join(', ')}`,
);
for (const row of table) console.log('| ' + row.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ') + ' |');
console.log(`total ${Math.round((performance.now() - t0) / 1000)} s`);
if (jsonOut) {
  const one = results.length === 1 ? results[0] : undefined;
  writeFileSync(jsonOut, JSON.stringify(one ? { ...one, machine } : { machine, results }, null, 2));
}
if (!argv.includes('--keep')) for (const s of sizes) if (s > 0) rmSync(join(work, `corpus-${s}-${SEED}`), { recursive: true, force: true });
// the servers' memory samples of this run
for (const label of ['cold', 'warm']) rmSync(join(work, `mem-${process.pid}-${label}.json`), { force: true });
// every server this run started has been stopped; nothing else is owed, so do not wait on leftover handles
process.exit(0);
