/**
 * Listing the source files of a corpus: folders, single files and globs; symlinks are
 * followed, each real folder is visited once (no loops); dot-folders, node_modules and
 * exclude globs are skipped; what cannot be read is reported, never thrown.
 */
import { accessSync, constants as fsConstants, promises as fsp, type Dirent, type Stats } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import * as nodePath from 'node:path';
import { compileGlob, excludeMatcher, globBase, hasGlob, NOTHING } from './glob';
import { formatOf } from './formats';
import type { LoadProblem } from './load';

const toPosix = (p: string) => p.split(nodePath.sep).join('/');

function reasonOf(err: unknown, what: string): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return `${what} not found`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied (cannot read the ${what})`;
    case 'ELOOP':
      return 'symbolic link loop';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    default:
      return `cannot read the ${what} (${code ? `${code}: ` : ''}${(err as Error)?.message ?? String(err)})`;
  }
}

/** Lists the source files under the given roots (folders, single files, or globs like "sources/**\/*.md"), following symlinks safely (no loops), skipping dot-folders, node_modules and the exclude globs; files it cannot read are reported as problems. Supported extensions: .txt .text .md .markdown .html .htm .json .jsonld */
export async function listCorpusFiles(
  roots: string[],
  opts: { exclude?: string[]; base?: string; confine?: string[] } = {},
): Promise<{ files: string[]; problems: LoadProblem[]; folders: string[] }> {
  const base = nodePath.resolve(opts.base ?? process.cwd());
  // in an untrusted workspace: nothing outside these folders, even through a symbolic link
  const confine = opts.confine ? await Promise.all(opts.confine.map((c) => fsp.realpath(c).catch(() => nodePath.resolve(c)))) : undefined;
  const allowed = (real: string) => !confine || confine.some((c) => real === c || real.startsWith(c.endsWith(nodePath.sep) ? c : c + nodePath.sep));
  const patterns = (opts.exclude ?? []).map((p) => p.replace(/\\/g, '/'));
  const excludedRel = excludeMatcher(patterns.filter((p) => !p.startsWith('/')));
  const excludedAbs = excludeMatcher(patterns.filter((p) => p.startsWith('/')));
  const problems: LoadProblem[] = [];
  const files: string[] = [];
  /** the folders walked (as reached, not resolved), for watching */
  const folders: string[] = [];
  const seenFiles = new Set<string>(); // real paths
  const seenDirs = new Set<string>(); // real paths

  const isExcluded = (abs: string, root: string) => {
    // (the default: no pattern, and no paths to work out for each of 10,000 files)
    if (excludedRel === NOTHING && excludedAbs === NOTHING) return false;
    // relative patterns: against the path below the corpus root and below the base folder
    const rels = [toPosix(nodePath.relative(root, abs)), toPosix(nodePath.relative(base, abs))].filter(
      (r) => r !== '' && !r.startsWith('..'),
    );
    return rels.some((r) => excludedRel(r)) || excludedAbs(toPosix(abs));
  };

  let checked = 0;
  /** `real`: the resolved path when known (a plain file in a resolved folder), to save a system call per file */
  const addFile = async (abs: string, real?: string) => {
    try {
      real ??= await fsp.realpath(abs);
      // synchronous (a few microseconds; through promises, the check took ~0.5 s of a warm start at 10,000 files),
      // with a turn of the event loop every 1,000 files
      if (++checked % 1000 === 0) await nextTurn();
      accessSync(abs, fsConstants.R_OK);
    } catch (err) {
      problems.push({ path: abs, reason: reasonOf(err, 'file') });
      return;
    }
    if (seenFiles.has(real)) return;
    if (!allowed(real)) {
      problems.push({ path: abs, reason: 'outside the workspace (not read in an untrusted workspace)' });
      return;
    }
    seenFiles.add(real);
    files.push(abs);
  };

  const walk = async (start: string, root: string, accept: (abs: string) => boolean) => {
    const stack = [start];
    while (stack.length) {
      const dir = stack.pop()!;
      let real: string;
      try {
        real = await fsp.realpath(dir);
      } catch (err) {
        problems.push({ path: dir, reason: reasonOf(err, 'folder') });
        continue;
      }
      if (seenDirs.has(real)) continue; // a symlink back into a visited folder: no loop
      if (!allowed(real)) {
        problems.push({ path: dir, reason: 'outside the workspace (not read in an untrusted workspace)' });
        continue;
      }
      seenDirs.add(real);
      folders.push(dir);
      let entries: Dirent[];
      try {
        entries = await fsp.readdir(dir, { withFileTypes: true });
      } catch (err) {
        problems.push({ path: dir, reason: reasonOf(err, 'folder') });
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const subdirs: string[] = [];
      for (const e of entries) {
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        const abs = nodePath.join(dir, e.name);
        let isDir = e.isDirectory();
        let isFile = e.isFile();
        if (e.isSymbolicLink()) {
          let st: Stats;
          try {
            st = await fsp.stat(abs);
          } catch (err) {
            const code = (err as NodeJS.ErrnoException)?.code;
            problems.push({ path: abs, reason: code === 'ENOENT' ? 'broken symbolic link' : reasonOf(err, 'file') });
            continue;
          }
          isDir = st.isDirectory();
          isFile = st.isFile();
        }
        if (isExcluded(abs, root)) continue;
        if (isDir) subdirs.push(abs);
        else if (isFile && formatOf(abs) && accept(abs)) await addFile(abs, e.isSymbolicLink() ? undefined : nodePath.join(real, e.name));
      }
      for (let k = subdirs.length - 1; k >= 0; k--) stack.push(subdirs[k]);
    }
  };

  for (const rootSpec of roots) {
    if (!rootSpec || !rootSpec.trim()) continue;
    try {
      if (hasGlob(rootSpec)) {
        const pattern = toPosix(nodePath.resolve(base, rootSpec));
        const matches = compileGlob(pattern);
        const dir = nodePath.resolve(globBase(pattern));
        let st: Stats;
        try {
          st = await fsp.stat(dir);
        } catch (err) {
          problems.push({ path: dir, reason: reasonOf(err, 'folder') });
          continue;
        }
        if (!st.isDirectory()) {
          problems.push({ path: dir, reason: 'not a folder' });
          continue;
        }
        await walk(dir, dir, (abs) => matches(toPosix(abs)));
        continue;
      }
      const abs = nodePath.resolve(base, rootSpec);
      let st: Stats;
      try {
        st = await fsp.stat(abs);
      } catch (err) {
        problems.push({ path: abs, reason: reasonOf(err, 'file or folder') });
        continue;
      }
      if (st.isDirectory()) await walk(abs, abs, () => true);
      else if (st.isFile()) {
        if (!formatOf(abs)) {
          problems.push({
            path: abs,
            reason: `unsupported file type ${nodePath.extname(abs) || '(none)'} (supported: .txt .text .md .markdown .html .htm .json .jsonld)`,
          });
        } else if (!isExcluded(abs, nodePath.dirname(abs))) await addFile(abs);
      } else problems.push({ path: abs, reason: 'not a regular file or folder' });
    } catch (err) {
      problems.push({ path: rootSpec, reason: reasonOf(err, 'file or folder') });
    }
  }
  return { files, problems, folders };
}
