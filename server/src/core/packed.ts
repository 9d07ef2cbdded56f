/**
 * What the packed stores of the index (claims, mentions) share: objects made on demand per source and kept while
 * their source is among the recently used, and postings from an entity to the (source, item) pairs naming it.
 */

/**
 * Items made on demand, by source and index, kept while their source is among the recently used: beyond `cap`
 * items, the least recently used sources' items are dropped (an item asked for twice meanwhile is the same object).
 * `prepare` makes what a source's items share (parsed once per source while it is kept).
 */
export class SlotCache<T, A> {
  private readonly slots = new Map<number, { items: (T | undefined)[]; shared: A }>();
  private made = 0;
  private lastSource = -1;
  private lastSlot: { items: (T | undefined)[]; shared: A } | undefined;

  constructor(
    private readonly cap: number,
    private readonly countOf: (s: number) => number,
    private readonly prepare: (s: number) => A,
    private readonly make: (s: number, i: number, shared: A) => T,
  ) {}

  get(s: number, i: number): T {
    // consecutive items of one source (the common case) skip the reordering
    let slot = s === this.lastSource ? this.lastSlot : this.slots.get(s);
    if (slot) {
      if (s !== this.lastSource) {
        // most recently used last
        this.slots.delete(s);
        this.slots.set(s, slot);
      }
    } else {
      slot = { items: new Array(this.countOf(s)), shared: this.prepare(s) };
      this.slots.set(s, slot);
    }
    this.lastSource = s;
    this.lastSlot = slot;
    let x = slot.items[i];
    if (x !== undefined) return x;
    x = this.make(s, i, slot.shared);
    slot.items[i] = x;
    if (++this.made > this.cap) this.evict(s);
    return x;
  }

  /** drops the least recently used sources' items (never those of `keep`, being asked for) */
  private evict(keep: number): void {
    for (const [s, slot] of this.slots) {
      if (this.made <= this.cap * 0.75) break;
      if (s === keep) continue;
      for (const x of slot.items) if (x !== undefined) this.made--;
      this.slots.delete(s);
      if (s === this.lastSource) this.lastSource = -1;
    }
  }
}

/** Postings: for each of `n` entities, the (source, item) pairs that name it, in source then item order. */
export class Postings {
  private constructor(
    private readonly from: Int32Array,
    /** source, item of each pair (2 bytes an entry when every entry fits, else 4) */
    private readonly pairs: Indexes,
  ) {}

  /**
   * Built with `eachIn` calling back with every (entity, source, item) of sources [from, to) of `sources`, in slices
   * of `slice` sources with a yield between them; each slice is visited twice (counting, then filling).
   */
  static *steps(
    n: number,
    sources: number,
    eachIn: (from: number, to: number, visit: (entity: number, s: number, i: number) => void) => void,
    slice = 1024,
  ): Generator<void, Postings, void> {
    const count = new Int32Array(n);
    const counting = (e: number) => count[e]++;
    for (let a = 0; a < sources; a += slice) {
      eachIn(a, Math.min(sources, a + slice), counting);
      yield;
    }
    const from = new Int32Array(n + 1);
    for (let e = 0; e < n; e++) from[e + 1] = from[e] + count[e];
    const pairs = new Int32Array(2 * from[n]);
    const fill = from.slice(0, n);
    const filling = (e: number, s: number, i: number) => {
      const at = 2 * fill[e]++;
      pairs[at] = s;
      pairs[at + 1] = i;
    };
    for (let a = 0; a < sources; a += slice) {
      eachIn(a, Math.min(sources, a + slice), filling);
      yield;
    }
    return new Postings(from, compactIndexes(pairs));
  }

  count(e: number): number {
    return this.from[e + 1] - this.from[e];
  }

  /** how many distinct sources the entity's pairs come from */
  sources(e: number): number {
    let n = 0;
    let last = -1;
    for (let k = this.from[e]; k < this.from[e + 1]; k++)
      if (this.pairs[2 * k] !== last) {
        last = this.pairs[2 * k];
        n++;
      }
    return n;
  }

  /** the distinct sources of the entity's pairs, in order */
  sourceList(e: number): number[] {
    const out: number[] = [];
    for (let k = this.from[e]; k < this.from[e + 1]; k++) if (out[out.length - 1] !== this.pairs[2 * k]) out.push(this.pairs[2 * k]);
    return out;
  }

  /** calls back with each of the entity's pairs, in order (the first `limit` of them) */
  forEach(e: number, visit: (s: number, i: number) => void, limit = Infinity): void {
    const to = Math.min(this.from[e + 1], this.from[e] + limit);
    for (let k = this.from[e]; k < to; k++) visit(this.pairs[2 * k], this.pairs[2 * k + 1]);
  }

  /** the entity's first `limit` pairs, made into items */
  map<T>(e: number, get: (s: number, i: number) => T, limit = Infinity): T[] {
    const from = this.from[e];
    const to = Math.min(this.from[e + 1], from + limit);
    const out: T[] = new Array(Math.max(0, to - from));
    for (let k = from; k < to; k++) out[k - from] = get(this.pairs[2 * k], this.pairs[2 * k + 1]);
    return out;
  }
}

/** one shared, frozen empty list (most claims have no figures, dates or context entities) */
export const NONE: never[] = Object.freeze([]) as unknown as never[];

export function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

/** `a`, or when it is shorter than `n`, a copy of it at least `n` long (twice as long, when that is more) */
export function withRoom(a: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> {
  if (n <= a.length) return a;
  const bigger = new Int32Array(Math.max(n, 2 * a.length));
  bigger.set(a);
  return bigger;
}

/** the index of `k` in a table being built (added at the end when new) */
export function indexIn(table: Map<string, number>, k: string): number {
  let i = table.get(k);
  if (i === undefined) table.set(k, (i = table.size));
  return i;
}

/** The position of `k` in a sorted `table` (in the order of `Array.prototype.sort`), or -1. */
export function positionInSorted(table: readonly string[], k: string): number {
  let lo = 0;
  let hi = table.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = table[mid];
    if (x === k) return mid;
    if (x < k) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** What the stores read a source's text from: the source itself (whose text may be kept packed) */
export interface HasText {
  readonly text: string;
}

/**
 * A store's lookups by entity: the id table's index, and the postings of the (entity, source, item) triples that
 * `eachIn` visits for sources [from, to), built in slices.
 */
export function* entityLookups(
  ids: string[],
  sources: number,
  eachIn: (from: number, to: number, visit: (entity: number, s: number, i: number) => void) => void,
): Generator<void, { idIndex: Map<string, number>; postings: Postings }, void> {
  const idIndex = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) idIndex.set(ids[i], i);
  yield;
  const postings = yield* Postings.steps(ids.length, sources, eachIn);
  return { idIndex, postings };
}

/** Runs steps (a generator that yields between slices of work) to their end, at once. */
export function drain<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * f over [0, n) in slices of `size` with a yield between slices: a pass of a generator in steps. (Small slices cost
 * little: the caller goes back to the event loop only once its time slice is spent. At 10,000 articles, slices of 2,048
 * mentions took up to 100 ms, which a request waited for, while the heap of a first indexing was being marked.)
 */
export function* inSteps(n: number, f: (from: number, to: number) => void, size = 256): Generator<void, void, void> {
  for (let a = 0; a < n; a += size) {
    if (a > 0) yield;
    f(a, Math.min(n, a + size));
  }
}

let pressing: () => boolean = () => false;

/**
 * How many slices end early after input from the client (the server's `giveWayWhen`): a request takes two turns of the
 * event loop (the protocol library's queue, then the handler's), each behind a slice of each job in slices (a rebuild,
 * draft checks). A window of 25 ms instead made a first indexing of 10,000 articles ~5% slower with
 * a hover every 200 ms.
 */
export const GIVE_WAY_SLICES = 8;

/**
 * Tells work in slices (`inSlices`: rebuilds) when to end its slice early: `f` says whether something
 * else is waiting for the event loop (a server: input from its client just arrived), and then each slice ends after
 * the step at hand. Never, by default. (A draft check, the answer to that input, keeps its slices: giving way after
 * a keystroke made the check that follows it ~3 ms slower.)
 */
export function giveWayWhen(f: () => boolean): void {
  pressing = f;
}

/** Whether a slice begun at `t` (`performance.now()`) should end now, after the step just done. */
function sliceOver(t: number, sliceMs: number, giveWay: boolean): boolean {
  return performance.now() - t >= sliceMs || (giveWay && pressing());
}

/**
 * Runs steps to their end in slices of about `sliceMs`, with a turn of the event loop between slices, and resolves to
 * what they return. `giveWay`: a slice ends early after input from the client (`giveWayWhen`); a draft check, the
 * answer to that input, passes false.
 */
export async function inSlices<T>(steps: Generator<void, T, void>, sliceMs = 20, giveWay = true): Promise<T> {
  for (;;) {
    const t = performance.now();
    let r = steps.next();
    while (!r.done && !sliceOver(t, sliceMs, giveWay)) r = steps.next();
    if (r.done) return r.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * A value made on first use, either at once (`get`) or in steps that yield between slices of work (`steps`); each
 * finishes what the other began.
 */
export class BuiltOnce<T> {
  private value: T | undefined;
  private building: Generator<void, T, void> | undefined;

  constructor(private readonly make: () => Generator<void, T, void>) {}

  get built(): boolean {
    return this.value !== undefined;
  }

  get(): T {
    return (this.value ??= drain((this.building ??= this.make())));
  }

  /** `wanted`: asked before each step; the steps stop (the value unmade) once it says no */
  *steps(wanted: () => boolean = () => true): Generator<void, void, void> {
    while (this.value === undefined && wanted()) {
      const r = (this.building ??= this.make()).next();
      if (r.done) this.value = r.value;
      else yield;
    }
  }
}

export function hasText(t: string | HasText): HasText {
  return typeof t === 'string' ? { text: t } : t;
}

/**
 * `text.slice(start, end)` that does not keep `text` in memory: V8 makes a longer slice a view of the whole string,
 * and a claim's sentence kept that way would keep its source's whole text (unpacked, and again each time it is
 * unpacked anew). Joined to one character first, the slice is taken of a fresh string of its own length.
 */
export function detachedSlice(text: string, start: number, end: number): string {
  return detached(text.slice(start, end));
}

/**
 * `s` as a string that keeps nothing else in memory: a slice of 13 characters or more is a view of the string it was
 * cut from, so a word cut from an article and kept as a cache's key keeps the whole article (a worker thread that had
 * analysed 3,000 articles still held all 3,000 texts, ~28 MB, through its word caches). Shorter slices are copies.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * Typed arrays carved out of shared buffers, for the many small arrays of stores made in one go (by a rebuild or a
 * snapshot's load: ~90,000 arrays at 10,000 articles). An array with a buffer of its own took ~350 bytes of RSS beyond
 * its data here (the buffer object, and its bookkeeping outside the heap); a view into a shared buffer, ~170.
 * The arrays of a rebuild are dropped together with it, so few buffers outlive their arrays for long. (Node's
 * `v8.serialize`, which writes the snapshot, writes a view's own bytes, not its buffer's; a structured clone, as to a
 * worker, would copy the whole buffer.)
 */
export class Slab {
  private buf = new ArrayBuffer(0);
  private at = 0;

  /** `chunk`: the size of each shared buffer, in bytes; an array over a quarter of it gets a buffer of its own */
  constructor(private readonly chunk = 256 * 1024) {}

  int32(n: number): Int32Array {
    return n === 0 ? NO_INT32 : new Int32Array(...this.take(n, 4));
  }

  uint8(n: number): Uint8Array {
    return n === 0 ? NO_UINT8 : new Uint8Array(...this.take(n, 1));
  }

  uint16(n: number): Uint16Array {
    return n === 0 ? NO_UINT16 : new Uint16Array(...this.take(n, 2));
  }

  /**
   * A copy of `a`, a column of offsets or table indexes (none negative), two bytes an entry when every entry fits in
   * two (at 10,000 articles, the key and entity tables and most articles do), else four.
   */
  indexesOf(a: Indexes): Indexes {
    const x = fitsTwoBytes(a) ? this.uint16(a.length) : this.int32(a.length);
    x.set(a);
    return x;
  }

  /** a copy of `a` in the slab */
  int32Of(a: Int32Array): Int32Array {
    const x = this.int32(a.length);
    x.set(a);
    return x;
  }

  /** a copy of `a` in the slab */
  uint8Of(a: ArrayLike<number>): Uint8Array {
    const x = this.uint8(a.length);
    x.set(a);
    return x;
  }

  /** Whether arrays of `bytes` bytes in all would share its buffers (larger ones get buffers of their own). */
  fits(bytes: number): boolean {
    return bytes <= this.chunk >> 2;
  }

  /** room for `n` elements of `size` bytes, aligned to `size`: the buffer, the offset in it and `n` */
  private take(n: number, size: number): [ArrayBuffer, number, number] {
    const bytes = n * size;
    if (!this.fits(bytes)) return [new ArrayBuffer(bytes), 0, n];
    let at = Math.ceil(this.at / size) * size;
    if (at + bytes > this.buf.byteLength) {
      this.buf = new ArrayBuffer(this.chunk);
      at = 0;
    }
    this.at = at + bytes;
    return [this.buf, at, n];
  }
}

/**
 * The size of each buffer of a slab whose buffers must each be a mapping of their own (`mappedSlab`): above the largest
 * size (32 MB on 64-bit Linux) up to which glibc's allocator may serve a request from its heap rather than mapping
 * pages for it, so that a buffer is given back whole when it is dropped. Only the pages written are resident. Many small
 * buffers freed together (the packed analyses of a first indexing, at their release) left holes that the allocator
 * kept resident instead.
 */
export const MAPPED_SLAB_BYTES = 32 * 1048576 + 65536;

export function mappedSlab(): Slab {
  return new Slab(MAPPED_SLAB_BYTES);
}

/** `a` if it is already in a buffer of a `mappedSlab`, else a copy of it in `slab` */
export function inMappedSlab(a: Int32Array, slab: Slab): Int32Array {
  return a.buffer.byteLength === MAPPED_SLAB_BYTES ? a : slab.int32Of(a);
}

const NO_INT32 = new Int32Array(0);
const NO_UINT16 = new Uint16Array(0);
const NO_UINT8 = new Uint8Array(0);

/** a column of offsets or table indexes, at two bytes an entry or four (`Slab.indexesOf`) */
export type Indexes = Int32Array | Uint16Array;

/** `a` at two bytes an entry when every entry fits (a copy), else `a` itself */
export function compactIndexes(a: Int32Array): Indexes {
  return fitsTwoBytes(a) ? Uint16Array.from(a) : a;
}

/** whether every entry of `a` fits in two bytes (a negative one, which the stores' checks refuse, does not: two bytes
 * would wrap it into range) */
function fitsTwoBytes(a: Indexes): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] < 0 || a[i] > 0xffff) return false;
  return true;
}

/** whether `x` is such a column */
export function isIndexes(x: unknown): x is Indexes {
  return x instanceof Int32Array || x instanceof Uint16Array;
}

/**
 * `s`, held as one byte per character when every character fits in one. V8 keeps a string cut from, joined to or
 * lower-cased from a text with any character beyond Latin-1 (an en dash, a "ć") at two bytes per character, however
 * plain its own characters are, and copies (to a worker, to disk and back) keep that form; about half the articles of
 * a news corpus have such a character. A string built from character codes takes the narrowest form.
 */
export function narrow(s: string): string {
  if (s.length === 0 || NOT_LATIN1.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i += NARROW_CHUNK) {
    const n = Math.min(NARROW_CHUNK, s.length - i);
    const codes = new Array<number>(n);
    for (let k = 0; k < n; k++) codes[k] = s.charCodeAt(i + k);
    out += String.fromCharCode.apply(null, codes);
  }
  return out;
}

const NOT_LATIN1 = /[^\x00-\xff]/;
const NARROW_CHUNK = 8192;
