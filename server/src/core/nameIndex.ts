import type { Entity } from './model';
import { damerauLevenshtein } from './entities/resolve';
import { fold } from './lexicon';
import { compactIndexes, drain, positionInSorted, type Indexes } from './packed';

/**
 * The name indexes behind spelling suggestions and the fuzzy palette search, built on first use after a rebuild.
 * Both are kept as typed arrays over shared strings: at 10,000 articles, maps of strings to sets and lists took
 * ~90 MB of heap (a quarter of the server's), as columns they take a few.
 */

/** 32-bit FNV-1a of a string's UTF-16 code units */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** `v` is `t`, or `t` with one character deleted */
function isVariant(t: string, v: string): boolean {
  if (t.length === v.length) return t === v;
  if (t.length !== v.length + 1) return false;
  let p = 0;
  while (p < v.length && t.charCodeAt(p) === v.charCodeAt(p)) p++;
  return t.startsWith(v.slice(p), p + 1);
}

/** entries sorted by (hash, owner), split into two columns */
function sortedPairs(hashes: number[], owners: number[]): { hashes: Uint32Array; owners: Int32Array } {
  // hash * 2^21 + owner is exact in a double while owners stay below 2^21
  const keyed = new Float64Array(hashes.length);
  for (let j = 0; j < hashes.length; j++) keyed[j] = hashes[j] * 2097152 + owners[j];
  keyed.sort();
  const h = new Uint32Array(keyed.length);
  const o = new Int32Array(keyed.length);
  for (let j = 0; j < keyed.length; j++) {
    h[j] = Math.floor(keyed[j] / 2097152);
    o[j] = keyed[j] - h[j] * 2097152;
  }
  return { hashes: h, owners: o };
}

/** the first entry at or after hash `h` */
function lowerBound(hashes: Uint32Array, h: number): number {
  let lo = 0;
  let hi = hashes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (hashes[mid] < h) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** most name tokens the spelling index takes (the packed owner column holds indexes below 2^21) */
const MAX_TOKENS = 2097152;

/** The entities whose names have a token: a read-only table of token -> entity ids. */
export interface NameTokens {
  has(token: string): boolean;
  /** the entities, each once, in the order their names were met; undefined for no such token */
  get(token: string): readonly string[] | undefined;
}

interface SpellingParts {
  tokens: string[];
  ids: string[];
  listStart: Int32Array;
  lists: Int32Array;
  sortedOf: Int32Array;
  hashes: Uint32Array;
  owners: Int32Array;
}

/**
 * Name tokens (folded words of every name and alias, 3 letters or more) with the entities they name, and their
 * one-deletion variants for symmetric-delete spelling lookup: a word's candidates are the tokens that share a
 * variant with it. The variants are kept as sorted hashes, each checked against its token when found.
 */
export class SpellingIndex {
  /** folded name token -> the entities whose names have it (see `NameTokens`) */
  readonly nameTokens: NameTokens;
  /** the tokens, sorted */
  private readonly tokens: string[];
  /** token k's entities: `lists[listStart[k] .. listStart[k + 1])`, indexes into `ids` (a map of lists took 5.5 MB
   * of heap at 10,000 articles; this, under 1 MB) */
  private readonly listStart: Int32Array;
  private readonly lists: Int32Array;
  private readonly ids: string[];
  /** the variants' hashes, sorted, and the rank (order met) of each one's token */
  private readonly hashes: Uint32Array;
  private readonly owners: Int32Array;
  /** a token's index among the sorted tokens, by its rank */
  private readonly sortedOf: Int32Array;

  /** The index of `entities`, built at once. */
  static of(entities: Iterable<Entity>): SpellingIndex {
    return drain(SpellingIndex.steps(entities));
  }

  /**
   * The index of `entities`, built in steps that each take a few milliseconds (`every` entities or tokens): at 10,000
   * articles the whole took ~180 ms, which a draft check after each rebuild had waited for at once.
   */
  static *steps(entities: Iterable<Entity>, every = 2048): Generator<void, SpellingIndex, void> {
    // (built once per index version, on first use; the map of lists is dropped once packed)
    const byToken = new Map<string, number[]>();
    const idIndex = new Map<string, number>();
    const ids: string[] = [];
    let seen = 0;
    for (const e of entities) {
      let id = idIndex.get(e.id);
      if (id === undefined) {
        idIndex.set(e.id, (id = ids.length));
        ids.push(e.id);
      }
      for (const n of new Set([e.name, ...e.aliases])) {
        for (const w of n.split(/[\s]+/)) {
          const t = fold(w).replace(/['\u2019]s?$/, '');
          if (t.length < 3) continue;
          const list = byToken.get(t);
          // (an entity's tokens are all added before the next entity's: a repeat is the list's last)
          if (list) {
            if (list[list.length - 1] !== id) list.push(id);
          } else if (byToken.size < MAX_TOKENS) byToken.set(t, [id]);
        }
      }
      if (++seen % every === 0) yield;
    }
    // tokens in the order met (their rank: near misses found together keep that order, the first met first) and sorted
    const met = [...byToken.keys()];
    const tokens = met.slice().sort();
    yield;
    const sortedAt = new Map<string, number>();
    for (let k = 0; k < tokens.length; k++) sortedAt.set(tokens[k], k);
    const sortedOf = Int32Array.from(met, (t) => sortedAt.get(t)!);
    const listStart = new Int32Array(tokens.length + 1);
    let n = 0;
    for (let k = 0; k < tokens.length; k++) {
      listStart[k] = n;
      n += byToken.get(tokens[k])!.length;
    }
    listStart[tokens.length] = n;
    const lists = new Int32Array(n);
    for (let k = 0; k < tokens.length; k++) lists.set(byToken.get(tokens[k])!, listStart[k]);
    yield;
    const hashes: number[] = [];
    const owners: number[] = [];
    for (let r = 0; r < met.length; r++) {
      const t = met[r];
      hashes.push(hash32(t));
      owners.push(r);
      for (let i = 0; i < t.length; i++) {
        hashes.push(hash32(t.slice(0, i) + t.slice(i + 1)));
        owners.push(r);
      }
      if (r % every === every - 1) yield;
    }
    return new SpellingIndex({ tokens, ids, listStart, lists, sortedOf, ...sortedPairs(hashes, owners) });
  }

  private constructor(p: SpellingParts) {
    ({ tokens: this.tokens, ids: this.ids, listStart: this.listStart, lists: this.lists, sortedOf: this.sortedOf } = p);
    ({ hashes: this.hashes, owners: this.owners } = p);
    this.nameTokens = { has: (t) => this.tokenAt(t) >= 0, get: (t) => this.entitiesOf(this.tokenAt(t)) };
  }

  /** the index of `t` among the sorted tokens, or -1 */
  private tokenAt(t: string): number {
    return positionInSorted(this.tokens, t);
  }

  private entitiesOf(k: number): string[] | undefined {
    if (k < 0) return undefined;
    const out: string[] = [];
    for (let j = this.listStart[k]; j < this.listStart[k + 1]; j++) out.push(this.ids[this.lists[j]]);
    return out;
  }

  /** Known name tokens within edit distance 1 (2 for long words) of a word, nearest first. */
  nearMisses(word: string): { token: string; distance: number; entityIds: string[] }[] {
    const w = fold(word);
    const max = w.length >= 8 ? 2 : 1;
    // (by their index among the sorted tokens)
    const cands = new Set<number>();
    const variants = [w];
    for (let i = 0; i < w.length; i++) variants.push(w.slice(0, i) + w.slice(i + 1));
    for (const v of variants) {
      const h = hash32(v);
      for (let j = lowerBound(this.hashes, h); j < this.hashes.length && this.hashes[j] === h; j++) {
        const k = this.sortedOf[this.owners[j]];
        if (isVariant(this.tokens[k], v)) cands.add(k);
      }
    }
    const out: { token: string; distance: number; entityIds: string[] }[] = [];
    for (const k of cands) {
      const c = this.tokens[k];
      if (c === w) continue;
      const d = damerauLevenshtein(w, c, max);
      if (d <= max) out.push({ token: c, distance: d, entityIds: this.entitiesOf(k) ?? [] });
    }
    return out.sort((a, b) => a.distance - b.distance);
  }
}

export function trigramsOf(s: string): string[] {
  const t = `  ${s} `;
  const out: string[] = [];
  for (let i = 0; i + 3 <= t.length; i++) out.push(t.slice(i, i + 3));
  return out;
}

interface SearchParts {
  keys: string[];
  start: Int32Array;
  entityOf: string[];
  nameOf: string[];
  gramIds: Map<string, number>;
  from: Int32Array;
  names: Indexes;
}

/**
 * Every folded name and alias with the entities it names, and the trigrams of each as postings, for the fuzzy
 * palette search: a query's trigrams pre-select a few hundred names, never a scan of the whole corpus.
 */
export class SearchIndex {
  /** distinct folded names */
  private readonly keys: string[];
  /** per folded name: where its (entity, name as written) pairs start in `entityOf`/`nameOf` */
  private readonly start: Int32Array;
  private readonly entityOf: string[];
  private readonly nameOf: string[];
  /** trigram -> its number; the folded names that have trigram `g` are `names[from[g]]` to `names[from[g + 1] - 1]`,
   * in order (one array for every trigram: built by counting, then filling, with no list per trigram to grow) */
  private readonly gramIds: Map<string, number>;
  private readonly from: Int32Array;
  private readonly names: Indexes;
  /** per folded name, a query's count of shared trigrams (zero between queries), and the names it counted */
  private counts?: Int32Array;
  private touched?: Int32Array;

  /** The index of `entities`, built at once. */
  static of(entities: Iterable<Entity>): SearchIndex {
    return drain(SearchIndex.steps(entities));
  }

  /** The index of `entities`, built in steps that each take a few milliseconds (at 10,000 articles the whole takes
   * ~230 ms; the index asks for it at once, when the first completion or palette search after a rebuild needs it). */
  static *steps(entities: Iterable<Entity>, every = 2048): Generator<void, SearchIndex, void> {
    const keys: string[] = [];
    const keyIndex = new Map<string, number>();
    const keyOf: number[] = [];
    const entityOf: string[] = [];
    const nameOf: string[] = [];
    let seen = 0;
    for (const e of entities) {
      for (const name of new Set([e.name, ...e.aliases])) {
        const key = fold(name);
        let k = keyIndex.get(key);
        if (k === undefined) {
          keyIndex.set(key, (k = keys.length));
          keys.push(key);
        }
        keyOf.push(k);
        entityOf.push(e.id);
        nameOf.push(name);
      }
      if (++seen % every === 0) yield;
    }
    // the pairs regrouped by folded name, each name's in the order met
    const nKeys = keys.length;
    const start = new Int32Array(nKeys + 1);
    for (const k of keyOf) start[k + 1]++;
    for (let k = 0; k < nKeys; k++) start[k + 1] += start[k];
    const next = start.slice(0, nKeys);
    const byKey = { entityOf: new Array<string>(keyOf.length), nameOf: new Array<string>(keyOf.length) };
    for (let j = 0; j < keyOf.length; j++) {
      const at = next[keyOf[j]]++;
      byKey.entityOf[at] = entityOf[j];
      byKey.nameOf[at] = nameOf[j];
    }
    yield;
    // the trigram postings: each name once per trigram it has
    const gramIds = new Map<string, number>();
    const count: number[] = [];
    const last: number[] = [];
    function* eachGram(visit: (g: number, k: number) => void): Generator<void, void, void> {
      for (let k = 0; k < nKeys; k++) {
        for (const gram of trigramsOf(keys[k])) {
          let g = gramIds.get(gram);
          if (g === undefined) {
            gramIds.set(gram, (g = count.length));
            count.push(0);
            last.push(-1);
          }
          if (last[g] !== k) {
            last[g] = k;
            visit(g, k);
          }
        }
        if (k % every === every - 1) yield;
      }
    }
    yield* eachGram((g) => count[g]++);
    const from = new Int32Array(count.length + 1);
    for (let g = 0; g < count.length; g++) from[g + 1] = from[g] + count[g];
    const names = new Int32Array(from[count.length]);
    const fill = from.slice(0, count.length);
    last.fill(-1);
    yield* eachGram((g, k) => (names[fill[g]++] = k));
    return new SearchIndex({ keys, start, ...byKey, gramIds, from, names: compactIndexes(names) });
  }

  private constructor(p: SearchParts) {
    ({ keys: this.keys, start: this.start, entityOf: this.entityOf, nameOf: this.nameOf } = p);
    ({ gramIds: this.gramIds, from: this.from, names: this.names } = p);
  }

  /**
   * The folded names sharing most trigrams with the folded query (the first `limit`, most shared first, ties in
   * the order first counted), with how many they share and the (entity id, name as written) pairs each stands for.
   */
  candidates(q: string, limit: number): { key: string; shared: number; names: { entityId: string; name: string }[] }[] {
    // counted in arrays kept for the next query: a query touches tens of thousands of names at 10,000 articles, and a
    // map of them per query was most of what the server allocated while serving completions
    const counts = (this.counts ??= new Int32Array(this.keys.length));
    const touched = (this.touched ??= new Int32Array(this.keys.length));
    let n = 0;
    let most = 0;
    for (const gram of trigramsOf(q)) {
      const g = this.gramIds.get(gram);
      if (g === undefined) continue;
      for (let j = this.from[g]; j < this.from[g + 1]; j++) {
        const k = this.names[j];
        const c = ++counts[k];
        if (c === 1) touched[n++] = k;
        if (c > most) most = c;
      }
    }
    // the first `limit` by count, most first, ties in the order first counted: every name above the count at which
    // the limit falls, then the first of those at it
    const atCount = new Int32Array(most + 1);
    for (let j = 0; j < n; j++) atCount[counts[touched[j]]]++;
    let floor = most;
    let above = 0;
    while (floor > 1 && above + atCount[floor] < limit) above += atCount[floor--];
    let quota = limit - above;
    const picked: { k: number; shared: number }[] = [];
    for (let j = 0; j < n; j++) {
      const k = touched[j];
      const c = counts[k];
      counts[k] = 0;
      if (c > floor || (c === floor && quota-- > 0)) picked.push({ k, shared: c });
    }
    // (a stable sort: ties stay in the order first counted)
    return picked
      .sort((a, b) => b.shared - a.shared)
      .map(({ k, shared }) => {
        const names: { entityId: string; name: string }[] = [];
        for (let j = this.start[k]; j < this.start[k + 1]; j++) names.push({ entityId: this.entityOf[j], name: this.nameOf[j] });
        return { key: this.keys[k], shared, names };
      });
  }
}
