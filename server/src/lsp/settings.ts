import type { Connection } from 'vscode-languageserver';
import { defaultSettings, type CorroborateSettings } from '../../../shared/protocol';

/** Settings pulled per document with workspace/configuration; one cached promise per uri, cleared on change. */
export class Settings {
  private cache = new Map<string, Promise<CorroborateSettings>>();
  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
    private pushed: Partial<CorroborateSettings> = {},
  ) {}

  setPushed(s: unknown): void {
    this.pushed = (s && typeof s === 'object' ? (s as Partial<CorroborateSettings>) : {}) ?? {};
    this.cache.clear();
  }
  clear(): void {
    this.cache.clear();
  }
  forDocument(uri?: string): Promise<CorroborateSettings> {
    const key = uri ?? '';
    let p = this.cache.get(key);
    if (!p) {
      p = (
        this.canPull()
          ? this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'corroborate' }).catch(() => undefined)
          : Promise.resolve(undefined)
      ).then((v) => merge(v ?? this.pushed));
      this.cache.set(key, p);
    }
    return p;
  }
}

export function merge(v: unknown): CorroborateSettings {
  const s = (v && typeof v === 'object' ? v : {}) as Record<string, any>;
  const d = defaultSettings;
  const arr = (x: unknown, def: string[]) => (Array.isArray(x) ? x.filter((y) => typeof y === 'string') : def);
  const sev = (x: unknown, def: any) => (['off', 'hint', 'information', 'warning', 'error'].includes(x as string) ? x : def);
  const severity = s.severity ?? {};
  return {
    corpus: {
      paths: arr(s.corpus?.paths, d.corpus.paths),
      includeBundled: typeof s.corpus?.includeBundled === 'boolean' ? s.corpus.includeBundled : d.corpus.includeBundled,
      exclude: arr(s.corpus?.exclude, d.corpus.exclude),
    },
    languages: arr(s.languages, d.languages),
    severity: {
      'disputed-claim': sev(severity['disputed-claim'], d.severity['disputed-claim']),
      'disputed-entity': sev(severity['disputed-entity'], d.severity['disputed-entity']),
      'unknown-spelling': sev(severity['unknown-spelling'], d.severity['unknown-spelling']),
    },
    citationStyle: s.citationStyle === 'link' ? 'link' : 'footnote',
    debounceMs: typeof s.debounceMs === 'number' && s.debounceMs >= 0 ? Math.min(s.debounceMs, 5000) : d.debounceMs,
  };
}
