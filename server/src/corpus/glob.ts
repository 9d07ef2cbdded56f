/**
 * A small glob matcher (our own, no dependency, no regular expressions): `*` and `?`
 * within a path segment, `**` across segments, `[abc]`/`[!a-z]` classes and `{a,b}`
 * alternatives. Paths use `/`. Matching is polynomial (no backtracking blow-up).
 */

const GLOB_CHARS = /[*?[\]{}]/;

export function hasGlob(s: string): boolean {
  return GLOB_CHARS.test(s);
}

/** {a,b} alternatives expanded (nested allowed; at most 256 patterns). */
export function expandBraces(glob: string, limit = 256): string[] {
  const open = findBrace(glob);
  if (!open) return [glob];
  const { start, end, alts } = open;
  const out: string[] = [];
  for (const alt of alts) {
    for (const e of expandBraces(glob.slice(0, start) + alt + glob.slice(end + 1), limit)) {
      if (out.length >= limit) return out;
      out.push(e);
    }
  }
  return out;
}

function findBrace(glob: string): { start: number; end: number; alts: string[] } | undefined {
  for (let i = 0; i < glob.length; i++) {
    if (glob[i] === '\\') {
      i++;
      continue;
    }
    if (glob[i] !== '{') continue;
    let level = 0;
    const cuts: number[] = [];
    for (let j = i; j < glob.length; j++) {
      const c = glob[j];
      if (c === '\\') j++;
      else if (c === '{') level++;
      else if (c === ',' && level === 1) cuts.push(j);
      else if (c === '}' && --level === 0) {
        if (cuts.length === 0) break; // "{a}" is literal
        const alts: string[] = [];
        let last = i + 1;
        for (const k of cuts) {
          alts.push(glob.slice(last, k));
          last = k + 1;
        }
        alts.push(glob.slice(last, j));
        return { start: i, end: j, alts };
      }
    }
  }
  return undefined;
}

type Token = { t: 'lit'; c: string } | { t: 'any' } | { t: 'star' } | { t: 'class'; neg: boolean; set: string };

function tokenize(seg: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '\\' && i + 1 < seg.length) out.push({ t: 'lit', c: seg[++i] });
    else if (c === '*') {
      if (out[out.length - 1]?.t !== 'star') out.push({ t: 'star' });
    } else if (c === '?') out.push({ t: 'any' });
    else if (c === '[') {
      const close = seg.indexOf(']', i + 2);
      if (close < 0) {
        out.push({ t: 'lit', c });
        continue;
      }
      let body = seg.slice(i + 1, close);
      const neg = body[0] === '!' || body[0] === '^';
      if (neg) body = body.slice(1);
      out.push({ t: 'class', neg, set: body });
      i = close;
    } else out.push({ t: 'lit', c });
  }
  return out;
}

function inClass(set: string, c: string): boolean {
  for (let i = 0; i < set.length; i++) {
    if (i + 2 < set.length && set[i + 1] === '-') {
      if (c >= set[i] && c <= set[i + 2]) return true;
      i += 2;
    } else if (set[i] === c) return true;
  }
  return false;
}

function tokenMatches(tok: Token, c: string): boolean {
  if (tok.t === 'lit') return tok.c === c;
  if (tok.t === 'any') return true;
  if (tok.t === 'class') return inClass(tok.set, c) !== tok.neg;
  return false;
}

/** Wildcard match of one path segment: greedy with backtracking to the last star, O(n·m). */
function matchSegment(toks: Token[], s: string): boolean {
  let p = 0;
  let i = 0;
  let starP = -1;
  let starI = 0;
  while (i < s.length) {
    if (p < toks.length && toks[p].t === 'star') {
      starP = p++;
      starI = i;
    } else if (p < toks.length && tokenMatches(toks[p], s[i])) {
      p++;
      i++;
    } else if (starP >= 0) {
      p = starP + 1;
      i = ++starI;
    } else return false;
  }
  while (p < toks.length && toks[p].t === 'star') p++;
  return p === toks.length;
}

type Segment = 'globstar' | Token[];

function compileOne(glob: string): (parts: string[]) => boolean {
  const segs: Segment[] = [];
  for (const seg of glob.split('/')) {
    if (seg === '**') {
      if (segs[segs.length - 1] !== 'globstar') segs.push('globstar');
    } else segs.push(tokenize(seg));
  }
  return (parts: string[]) => {
    // memoised DP over (pattern segment, path segment): O(P·S)
    const P = segs.length;
    const S = parts.length;
    const memo = new Int8Array((P + 1) * (S + 1));
    const go = (i: number, j: number): boolean => {
      const key = i * (S + 1) + j;
      if (memo[key]) return memo[key] === 1;
      let r: boolean;
      if (i === P) r = j === S;
      else if (segs[i] === 'globstar') r = go(i + 1, j) || (j < S && go(i, j + 1));
      else r = j < S && matchSegment(segs[i] as Token[], parts[j]) && go(i + 1, j + 1);
      memo[key] = r ? 1 : 2;
      return r;
    };
    return go(0, 0);
  };
}

/** A compiled glob: `*` and `?` within a segment, `**` across segments, `[…]`, `{a,b}`. */
export function compileGlob(glob: string): (path: string) => boolean {
  const fns = expandBraces(glob).map(compileOne);
  return (path: string) => {
    const parts = path.split('/');
    return fns.some((f) => f(parts));
  };
}

export type Matcher = (path: string) => boolean;

/** True when `path` (with `/` separators) matches the glob. */
export function matchGlob(glob: string, path: string): boolean {
  return compileGlob(glob)(path);
}

/** the matcher of no pattern (the walk asks whether it is this one, to skip working out paths for it) */
export const NOTHING: Matcher = () => false;

/**
 * A matcher for exclude patterns. A pattern without a slash ("drafts", "*.tmp") matches a
 * file or folder name at any depth; a pattern with a slash matches the path relative to
 * the base (or an absolute path); a folder that matches excludes everything under it.
 */
export function excludeMatcher(patterns: string[]): Matcher {
  const res = patterns
    .map((p) => p.trim().replace(/\\/g, '/').replace(/\/+$/, ''))
    .filter((p) => p.length > 0)
    .map((p) => {
      const anyDepth = !p.includes('/');
      const body = p.replace(/^\.\//, '');
      return { re: { test: compileGlob(body) }, anyDepth };
    });
  if (!res.length) return NOTHING;
  return (path: string) => {
    const parts = path.split('/').filter(Boolean);
    for (const { re, anyDepth } of res) {
      if (anyDepth) {
        if (parts.some((seg) => re.test(seg))) return true;
      } else {
        // the path itself or any of its ancestors
        let prefix = '';
        for (let k = 0; k < parts.length; k++) {
          prefix = k === 0 ? (path.startsWith('/') ? `/${parts[0]}` : parts[0]) : `${prefix}/${parts[k]}`;
          if (re.test(prefix)) return true;
        }
      }
    }
    return false;
  };
}

/** The literal folder before the first glob segment: "sources/**\/*.md" → "sources". */
export function globBase(glob: string): string {
  const parts = glob.replace(/\\/g, '/').split('/');
  const base: string[] = [];
  for (const p of parts) {
    if (hasGlob(p)) break;
    base.push(p);
  }
  if (base.length === parts.length) base.pop();
  return base.join('/') || (glob.startsWith('/') ? '/' : '.');
}
