/**
 * Typed reading of the `corroborate.*` settings. No runtime dependency on `vscode`: the reader takes
 * anything shaped like `vscode.workspace`, so the coercion is unit-tested in plain Node.
 *
 * The server pulls its settings itself (workspace/configuration); the client's middleware passes the
 * answer through `coerceSettings` so the server always receives a complete, well-typed object even when
 * settings.json holds a wrong type.
 */
import type { CorroborateSettings, SeverityName } from '../../shared/protocol';
import { defaultSettings } from '../../shared/protocol';

export const section = 'corroborate';

export type TraceSetting = 'off' | 'messages' | 'verbose';

/** The part of `vscode.workspace` this module needs. */
export interface ConfigurationSource {
  getConfiguration(section?: string, scope?: unknown): { get<T>(key: string): T | undefined };
}

const severities: readonly SeverityName[] = ['off', 'hint', 'information', 'warning', 'error'];
const severityKeys = ['disputed-claim', 'disputed-entity', 'unknown-spelling'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringArray(value: unknown, fallback: string[]): string[] {
  if (!Array.isArray(value)) return [...fallback];
  return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/**
 * Turns the raw `corroborate` object (as VS Code nests it: `{ corpus: { paths }, severity: { 'disputed-claim' } }`)
 * into complete settings. Wrong types fall back to the default of that one key; unknown keys are kept, so a
 * setting added on the server side only still reaches it.
 */
export function coerceSettings(raw: unknown): CorroborateSettings & Record<string, unknown> {
  const r = isRecord(raw) ? raw : {};
  const corpus = isRecord(r.corpus) ? r.corpus : {};
  const severity = isRecord(r.severity) ? r.severity : {};
  const d = defaultSettings;
  const debounce = typeof r.debounceMs === 'number' && Number.isFinite(r.debounceMs) ? r.debounceMs : d.debounceMs;
  const languages = stringArray(r.languages, d.languages);
  return {
    ...r,
    corpus: {
      ...corpus,
      paths: stringArray(corpus.paths, d.corpus.paths),
      includeBundled: typeof corpus.includeBundled === 'boolean' ? corpus.includeBundled : d.corpus.includeBundled,
      exclude: stringArray(corpus.exclude, d.corpus.exclude),
    },
    languages: languages.length > 0 ? languages : [...d.languages],
    severity: {
      ...severity,
      ...Object.fromEntries(severityKeys.map((k) => [k, oneOf(severity[k], severities, d.severity[k])])),
    } as CorroborateSettings['severity'],
    citationStyle: oneOf(r.citationStyle, ['footnote', 'link'] as const, d.citationStyle),
    debounceMs: Math.min(Math.max(Math.round(debounce), 0), 5000),
  };
}

/** The settings that apply to `scope` (a document or folder uri; none for the workspace level). */
export function readSettings(workspace: ConfigurationSource, scope?: unknown): CorroborateSettings {
  return coerceSettings(workspace.getConfiguration(undefined, scope).get(section));
}

export function readTrace(workspace: ConfigurationSource): TraceSetting {
  return oneOf(workspace.getConfiguration(section).get('trace.server'), ['off', 'messages', 'verbose'] as const, 'off');
}
