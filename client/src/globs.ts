/**
 * Which files "Check All Drafts" looks at: pure glob building, unit-tested in test/client.
 * Drafts are files of the configured languages, minus node_modules, the user's excluded files and every
 * corpus folder (a source article is not a draft).
 */

/** File extensions of the languages a draft may be written in (others are ignored). */
export const languageExtensions: Readonly<Record<string, readonly string[]>> = {
  markdown: ['md', 'markdown', 'mdown', 'mkd', 'mkdn'],
  plaintext: ['txt', 'text'],
  restructuredtext: ['rst'],
  asciidoc: ['adoc', 'asciidoc'],
  latex: ['tex'],
};

/** `**\/*.{md,markdown,txt}` for the given languages, or undefined when none has known extensions. */
export function draftInclude(languages: readonly string[]): string | undefined {
  const exts = [...new Set(languages.flatMap((l) => languageExtensions[l] ?? []))];
  if (exts.length === 0) return undefined;
  return exts.length === 1 ? `**/*.${exts[0]}` : `**/*.{${exts.join(',')}}`;
}

/** Expands brace groups, nested ones too: "a/*.{js,map}" → "a/*.js", "a/*.map". Unbalanced braces stay as they are. */
export function expandBraces(glob: string): string[] {
  const open = glob.indexOf('{');
  if (open === -1) return [glob];
  let depth = 0;
  const cuts: number[] = [];
  let close = -1;
  for (let i = open; i < glob.length && close === -1; i++) {
    const c = glob[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) close = i;
    else if (c === ',' && depth === 1) cuts.push(i);
  }
  if (close === -1) return [glob];
  const before = glob.slice(0, open);
  const after = glob.slice(close + 1);
  const bounds = [open, ...cuts, close];
  const alternatives = bounds.slice(0, -1).map((start, k) => glob.slice(start + 1, bounds[k + 1]));
  return [...new Set(alternatives.flatMap((alt) => expandBraces(before + alt + after)))];
}

const globChars = /[*?[\]{}]/;

function toSlashes(p: string): string {
  return p.replace(/\\/g, '/');
}

function isAbsolute(p: string): boolean {
  return p.startsWith('/') || /^[a-zA-Z]:\//.test(p);
}

function samePrefix(path: string, folder: string): boolean {
  const windows = /^[a-zA-Z]:\//.test(folder);
  const a = windows ? path.toLowerCase() : path;
  const b = windows ? folder.toLowerCase() : folder;
  return a === b || a.startsWith(b.endsWith('/') ? b : b + '/');
}

/**
 * The globs, relative to `folder`, that cover one corpus path (a folder or a glob, workspace-relative or
 * absolute). A glob with a folder prefix excludes that whole folder; `.`, the folder itself and paths
 * outside it exclude nothing.
 */
export function corpusExcludes(corpusPath: string, folder: string, home?: string): string[] {
  let p = toSlashes(corpusPath.trim());
  const root = toSlashes(folder).replace(/\/+$/, '');
  if (p === '' || p === '.' || p === './') return [];
  if (home && (p === '~' || p.startsWith('~/'))) p = toSlashes(home).replace(/\/+$/, '') + p.slice(1);
  if (isAbsolute(p)) {
    if (!samePrefix(p, root)) return [];
    p = p.slice(root.length);
  }
  p = p
    .replace(/^(\.\/)+/, '')
    .replace(/^\/+/, '')
    .replace(/\/+$/, '');
  if (p === '' || p === '.' || p.split('/').includes('..')) return [];
  const segments = p.split('/');
  const firstGlob = segments.findIndex((s) => globChars.test(s));
  if (firstGlob === -1) return [p, `${p}/**`];
  if (firstGlob > 0) {
    const prefix = segments.slice(0, firstGlob).join('/');
    return [prefix, `${prefix}/**`];
  }
  return expandBraces(p);
}

/** The `true` keys of `files.exclude` / `search.exclude`, each also as a folder. */
export function settingExcludes(setting: unknown): string[] {
  if (typeof setting !== 'object' || setting === null) return [];
  return Object.entries(setting as Record<string, unknown>)
    .filter(([, on]) => on === true)
    .flatMap(([glob]) => expandBraces(toSlashes(glob)))
    .flatMap((g) => (g.endsWith('/**') ? [g] : [g, `${g}/**`]));
}

/**
 * One glob for `findFiles`'s exclude argument. Globs with a literal comma (which would split the group)
 * are left out.
 */
export function joinGlobs(globs: readonly string[]): string | undefined {
  const usable = [...new Set(globs.map((g) => g.trim()))].filter((g) => g !== '' && !g.includes(',') && !/[{}]/.test(g));
  if (usable.length === 0) return undefined;
  return usable.length === 1 ? usable[0] : `{${usable.join(',')}}`;
}

export interface DraftExcludeOptions {
  /** the workspace folder's path */
  folder: string;
  corpusPaths: readonly string[];
  /** the bundled corpus folder, excluded when it lies inside the workspace folder */
  bundledCorpus?: string;
  /** values of `files.exclude` and `search.exclude` */
  settingExcludes?: readonly unknown[];
  home?: string;
}

export function draftExclude(o: DraftExcludeOptions): string | undefined {
  return joinGlobs([
    '**/node_modules',
    '**/node_modules/**',
    ...o.corpusPaths.flatMap((p) => corpusExcludes(p, o.folder, o.home)),
    ...(o.bundledCorpus && isAbsolute(toSlashes(o.bundledCorpus)) ? corpusExcludes(o.bundledCorpus, o.folder) : []),
    ...(o.settingExcludes ?? []).flatMap(settingExcludes),
  ]);
}
