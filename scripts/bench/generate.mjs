// Seeded, deterministic corpus generator for `npm run bench`: the Wikinews articles of ../shared/data/wikinews
// replicated to N articles with distinct ids and lightly varied names. Writes only into the folder it is given
// (a private temp folder), never into the repository.
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export const WIKINEWS = new URL('../../../shared/data/wikinews/', import.meta.url).pathname;

/** mulberry32: small, fast, seeded PRNG */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function readWikinews(dir = WIKINEWS) {
  return readdirSync(dir)
    .filter((f) => /^wikinews-.*\.txt$/.test(f))
    .sort()
    .map((f) => ({ name: f.replace(/\.txt$/, ''), text: readFileSync(join(dir, f), 'utf8') }));
}

const SUFFIXES = ['ov', 'ski', 'son', 'ez', 'ini', 'berg', 'ley', 'ard', 'ova', 'ton'];
const VOWELS = 'aeiou';
const KEEP = new Set(
  'January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split(
    ' ',
  ),
);

/** A light variant of a capitalised name: a vowel changed and/or a suffix added (deterministic from r). */
function vary(word, r) {
  const pick = r();
  if (pick < 0.5) return word + SUFFIXES[Math.floor(r() * SUFFIXES.length)];
  const idx = [];
  for (let i = 1; i < word.length; i++) if (VOWELS.includes(word[i])) idx.push(i);
  if (!idx.length) return word + SUFFIXES[Math.floor(r() * SUFFIXES.length)];
  const i = idx[Math.floor(r() * idx.length)];
  let v = VOWELS[Math.floor(r() * VOWELS.length)];
  if (v === word[i]) v = VOWELS[(VOWELS.indexOf(v) + 1) % VOWELS.length];
  return word.slice(0, i) + v + word.slice(i + 1);
}

/**
 * Replica `rep` of an article: replica 0 is the article as is; others rename about a third of the capitalised
 * words of 5+ letters that are not sentence-initial (consistently within the article), so entities multiply
 * with the corpus as they do in a real archive, and shift the year in the date line.
 */
export function variant(article, rep, seed = 1) {
  if (rep === 0) return article.text;
  const r = rng(seed * 1_000_003 + rep * 7919 + hash(article.name));
  const map = new Map();
  const text = article.text.replace(/(?<=[a-z,;] )(\p{Lu}\p{Ll}{4,})\b/gu, (w) => {
    if (!map.has(w)) map.set(w, !KEEP.has(w) && r() < 0.35 ? vary(w, r) : w);
    return map.get(w);
  });
  const years = rep % 7;
  return text.replace(/^(.*)\n/, (_m, title) => `${title} (${rep})\n`).replace(/\b(20[12]\d)\b/, (y) => String(Number(y) + years));
}

function hash(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Writes `size` articles into `dir` (in subfolders of 1,000) and returns { files, bytes }. Idempotent. */
export function generate(dir, size, { seed = 1, articles = readWikinews() } = {}) {
  let bytes = 0;
  const files = [];
  const marker = join(dir, `.generated-${size}-${seed}.json`);
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8'));
  for (let i = 0; i < size; i++) {
    const a = articles[i % articles.length];
    const rep = Math.floor(i / articles.length);
    const sub = join(dir, `part-${String(Math.floor(i / 1000)).padStart(3, '0')}`);
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    const text = variant(a, rep, seed);
    const file = join(sub, `${a.name}-r${String(rep).padStart(3, '0')}.txt`);
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
    files.push(file);
  }
  const out = { size, files: files.length, bytes };
  writeFileSync(marker, JSON.stringify(out));
  return out;
}
