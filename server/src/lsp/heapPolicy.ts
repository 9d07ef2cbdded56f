import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * How far V8 lets the old generation grow past what the last full collection left before collecting again.
 *
 * While indexing, V8's own choice (up to four times the live heap with the server's heap limit): loading and
 * rebuilding allocate quickly, and collecting more often slowed a warm start on 10,000 articles from ~0.85 to
 * ~1.3 s. Once the index is ready, the live data changes little and what the server allocates while answering
 * (checks, cards, the claims made for them) is short-lived; left to the default factor, that garbage piled up for
 * hundreds of MB before a full collection ran (a warm server on 10,000 articles went from ~330 to ~500 MB while
 * answering a draft, with ~200 MB live). While serving, the heap grows by two fifths of the live data between
 * collections instead. A fifth kept ~8 MB less, but its 7–13 full collections in a bench session (6 or so pausing
 * over 5 ms) put hover p99 over 5 ms in 6 of 22 bench runs (5 of the last 11); with two fifths, in none of three
 * alternated runs.
 *
 * V8 recomputes that limit only after a full collection, so the switch to serving asks for one (run from a task,
 * not inside the request or notification at hand): without it, the limit set during loading held until the garbage
 * reached it.
 *
 * Only while the heap is small enough for a full collection to be short (`SMALL_HEAP_BYTES`): at 50,000 articles
 * (a ~1 GB heap after a warm start, several GB after a first indexing) the collection at ready held the server for
 * up to 5.5 s and each later one for ~100–200 ms, which doubled definition p99. A larger heap keeps V8's choice.
 *
 * After an indexing that analysed files (a first indexing above all), the server drops the per-file analyses once the
 * cache and the snapshot are written (`afterRelease`). Most of the heap is garbage then (2.7 GB used for 0.4 GB live
 * at 50,000 articles), which V8's limit, set while indexing, kept until its memory reducer came ~25 s later (RSS ~990
 * MB at 10,000 articles and ~3.9 GB at 50,000 meanwhile), and which a plain full collection leaves on committed,
 * fragmented pages. So the release asks for one full, compacting collection whatever the size: its pause depends on
 * what is live, the derived index (105–172 ms at 10,000 articles, 416 ms at 50,000), once, after the indexing; over
 * `SMALL_HEAP_BYTES` used, a plain one first (see `afterRelease`).
 */
export const SERVING_HEAP_GROWTH_PERCENT = 40;
/**
 * The growth once an indexing has analysed its files and only its last rebuild (then the cache and the snapshot) is
 * left: the worker threads are gone, so a core is free for V8's concurrent marking, and that rebuild makes a derived
 * index beside the one being served, and its garbage.
 *
 * `settling`: the per-file analyses are on disk and the rebuild lets each go once it has read it (a first indexing).
 * Left to V8, the heap of a first indexing of 10,000 articles grew from ~380 MB just after a collection to ~800 MB
 * there, the process's peak; with a growth of 40%, ~630 MB (main heap ~420 MB); with 15%, ~550 MB (heap ~300 MB), and
 * the indexing's rebuilds took no longer (8.2–9.4 s against 8.6–9.2 s in alternated runs); with 5%, no lower and ~1.5
 * s more.
 *
 * `settling-kept`: the rebuild keeps every analysis until the cache is written after it (a change to the corpus, whose
 * analyses were read back from the cache). Its live heap is larger throughout, and 15% slowed a watched change to one
 * file of 10,000 from 9.2–10.4 to 11.2–12.5 s (three alternated runs a side) for a peak ~40 MB lower: 40% there.
 *
 * No collection is asked for at the switch (a full collection of that heap holds the server): the next one V8 makes
 * sets the limit.
 */
export const SETTLING_HEAP_GROWTH_PERCENT = 15;
export const SETTLING_KEPT_HEAP_GROWTH_PERCENT = 40;
/** the used heap up to which serving collects more often (a full collection of ~160 MB took 56–83 ms here) */
export const SMALL_HEAP_BYTES = 384 * 1048576;

/** `settling`, `settling-kept`: an indexing whose files are analysed, with its last rebuild to go (which lets the
 * analyses go as it reads them, or keeps them) */
export type HeapPhase = 'indexing' | 'settling' | 'settling-kept' | 'serving';

export type Gc = (options?: { type?: 'major' | 'minor'; execution?: 'sync' | 'async' }) => unknown;

/** the growth percent set last */
let current: number | undefined;
let phaseNow: HeapPhase | undefined;
let gcFunction: Gc | null | undefined;

/**
 * V8's collector, as `--expose-gc` gives it (turned on here if the process was started without it: the flag is the
 * process's, the function this thread's, so a worker thread asks for its own); null when it cannot be had.
 */
export function collector(): Gc | null {
  if (gcFunction === undefined) {
    try {
      const g = (globalThis as { gc?: Gc }).gc;
      if (g) gcFunction = g;
      else {
        setFlagsFromString('--expose-gc');
        // a new context gets the gc function the flag exposes; this one was made before
        gcFunction = runInNewContext('gc') as Gc;
      }
    } catch {
      gcFunction = null;
    }
  }
  return gcFunction;
}

export interface HeapPolicyHooks {
  setFlags(flags: string): void;
  /** asks for a full collection from a task of its own, compacting every page if asked; resolves when it has run,
   * to false when no collector could be had */
  collect(compact?: boolean): Promise<boolean>;
  /** bytes of heap in use (live and garbage) */
  usedHeap(): number;
}

const v8Hooks: HeapPolicyHooks = {
  setFlags: setFlagsFromString,
  collect: async (compact) => {
    const gc = collector();
    if (!gc) return false;
    // a full collection compacts only the pages V8 picks; the rest stay committed however little they hold
    if (compact) setFlagsFromString('--compact-on-every-full-gc');
    try {
      await gc({ type: 'major', execution: 'async' });
    } finally {
      if (compact) setFlagsFromString('--no-compact-on-every-full-gc');
    }
    return true;
  },
  usedHeap: () => getHeapStatistics().used_heap_size,
};

/** Sets the growth for the phase (no-op when unchanged); returns the V8 flag set, if any. */
export function heapPolicy(phase: HeapPhase, hooks: HeapPolicyHooks = v8Hooks): string | undefined {
  const before = phaseNow;
  phaseNow = phase;
  if (phase === 'settling' || phase === 'settling-kept')
    return before === 'indexing'
      ? setGrowth(phase === 'settling' ? SETTLING_HEAP_GROWTH_PERCENT : SETTLING_KEPT_HEAP_GROWTH_PERCENT, hooks)
      : undefined;
  // 0 = V8 decides (its default)
  const flag = setGrowth(phase === 'serving' && hooks.usedHeap() <= SMALL_HEAP_BYTES ? SERVING_HEAP_GROWTH_PERCENT : 0, hooks);
  // (from settling, the serving growth may be set already: the collection still comes, as after an indexing)
  if (phase === 'serving' && current && (flag || before === 'settling' || before === 'settling-kept')) void hooks.collect();
  return flag;
}

/**
 * The per-file analyses of an indexing are released (serving goes on): collects their garbage, compacting, with the
 * serving growth set first so that this collection sets the next limit, then keeps that growth only if what is live
 * is small. Nothing while an indexing is under way again. Resolves to whether it collected and the flags it set.
 */
export async function afterRelease(hooks: HeapPolicyHooks = v8Hooks): Promise<{ collected: boolean; flags: string[] }> {
  const flags: string[] = [];
  if (phaseNow !== 'serving') return { collected: false, flags };
  const first = setGrowth(SERVING_HEAP_GROWTH_PERCENT, hooks);
  if (first) flags.push(first);
  // a large heap (mostly the analyses just dropped) is first collected plainly: the pages that empties are given
  // back before the compacting collection copies what lives elsewhere onto pages of its own (a change to one source
  // of 10,000, which drops ~300 MB of analyses at once, peaked during that copy: 796–803 MB against 715–724 so)
  if (hooks.usedHeap() > SMALL_HEAP_BYTES) await hooks.collect(false);
  // compacting: the analyses were spread over most of the old generation's pages, which a plain collection leaves
  // committed (~490 MB of pages for ~90 MB live at 10,000 articles, until V8's memory reducer came ~15 s later)
  const collected = await hooks.collect(true);
  // (an indexing that started meanwhile has set its own growth)
  if (phaseNow === 'serving' && hooks.usedHeap() > SMALL_HEAP_BYTES) {
    const back = setGrowth(0, hooks);
    if (back) flags.push(back);
  }
  return { collected, flags };
}

function setGrowth(percent: number, hooks: HeapPolicyHooks): string | undefined {
  if (percent === current) return undefined;
  current = percent;
  const flag = `--heap-growing-percent=${percent}`;
  hooks.setFlags(flag);
  return flag;
}
