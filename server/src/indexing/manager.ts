import { watch, type FSWatcher } from 'node:fs';
import * as path from 'node:path';
import { CorpusIndex } from '../core/index';
import { analyzeSource } from '../core/analyze';
import { loadSourceFile, formatOf, type LoadProblem } from '../corpus/load';
import { listCorpusFiles } from '../corpus/walk';

/**
 * Keeps the corpus index in step with the corpus folders: lists and loads the files, analyses each one,
 * rebuilds the derived index, and watches the folders for changes (debounced). It never writes into the
 * corpus folders. Indexing yields to the event loop between files, so the server answers requests from what
 * is indexed so far.
 */
export interface CorpusConfig {
  roots: string[];
  exclude: string[];
  maxBytes?: number;
}

export interface IndexProgress {
  state: 'indexing' | 'ready' | 'error';
  indexed: number;
  total: number;
  problems: LoadProblem[];
  message?: string;
}

export class CorpusManager {
  readonly index = new CorpusIndex();
  problems: LoadProblem[] = [];
  state: IndexProgress['state'] = 'indexing';
  private watchers: FSWatcher[] = [];
  private config: CorpusConfig = { roots: [], exclude: [] };
  private generation = 0;
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private readonly hashes = new Map<string, string>();
  private listeners: ((p: IndexProgress) => void)[] = [];
  private running: Promise<void> = Promise.resolve();

  onProgress(f: (p: IndexProgress) => void): void {
    this.listeners.push(f);
  }

  private emit(p: IndexProgress): void {
    for (const l of this.listeners) l(p);
  }

  /** Replaces the configuration and re-indexes everything. Resolves when the index is ready. */
  configure(config: CorpusConfig, opts: { watch?: boolean } = {}): Promise<void> {
    this.config = config;
    const gen = ++this.generation;
    this.running = this.running.then(() => this.indexAll(gen)).catch((err) => {
      this.state = 'error';
      this.emit({ state: 'error', indexed: 0, total: 0, problems: this.problems, message: String(err) });
    });
    if (opts.watch) this.startWatching();
    return this.running;
  }

  reindex(): Promise<void> {
    this.hashes.clear();
    return this.configure(this.config);
  }

  whenReady(): Promise<void> {
    return this.running;
  }

  private async indexAll(gen: number): Promise<void> {
    this.state = 'indexing';
    const { files, problems } = await listCorpusFiles(this.config.roots, { exclude: this.config.exclude });
    this.problems = [...problems];
    const keep = new Set(files);
    for (const id of [...this.index.sources.keys()]) if (!keep.has(id)) this.index.remove(id);
    this.emit({ state: 'indexing', indexed: 0, total: files.length, problems: this.problems });
    let i = 0;
    for (const file of files) {
      if (gen !== this.generation) return;
      await this.loadOne(file);
      i++;
      if (i % 25 === 0 || i === files.length) {
        this.index.rebuild();
        this.emit({ state: 'indexing', indexed: i, total: files.length, problems: this.problems });
        await new Promise((r) => setImmediate(r));
      }
    }
    this.index.rebuild();
    this.state = 'ready';
    this.emit({ state: 'ready', indexed: files.length, total: files.length, problems: this.problems });
  }

  private async loadOne(file: string): Promise<void> {
    const r = await loadSourceFile(file, { id: file, maxBytes: this.config.maxBytes });
    this.problems.push(...r.warnings);
    if (!r.source) {
      if (r.problem) this.problems.push(r.problem);
      this.index.remove(file);
      this.hashes.delete(file);
      return;
    }
    if (r.source.hash && this.hashes.get(file) === r.source.hash && this.index.sources.has(file)) return;
    try {
      const analysis = analyzeSource(r.source);
      this.index.upsert(r.source, analysis);
      if (r.source.hash) this.hashes.set(file, r.source.hash);
    } catch (err) {
      this.problems.push({ path: file, reason: `could not be analysed: ${(err as Error).message}` });
    }
  }

  private startWatching(): void {
    for (const w of this.watchers) w.close();
    this.watchers = [];
    for (const root of this.config.roots) {
      if (/[*?[\]{}]/.test(root)) continue;
      try {
        const w = watch(root, { recursive: true, persistent: false }, (_event, name) => {
          if (!name) return;
          const full = path.resolve(root, name.toString());
          if (!formatOf(full) && !full.endsWith('.meta.json')) return;
          this.pending.add(full);
          this.schedule();
        });
        w.on('error', () => undefined);
        this.watchers.push(w);
      } catch {
        // a single file or a missing folder: nothing to watch
      }
    }
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.pending.clear();
      this.running = this.running.then(() => this.indexAll(++this.generation));
    }, 300);
  }

  dispose(): void {
    for (const w of this.watchers) w.close();
    if (this.timer) clearTimeout(this.timer);
  }
}
