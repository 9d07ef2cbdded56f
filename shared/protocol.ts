/**
 * Everything the client and the server say to each other beyond standard LSP, declared once.
 * Imported by client/, server/ and the tests. No runtime dependencies but the message types.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

/** Settings under `corroborate.` (read per document with workspace/configuration). */
export type SeverityName = 'off' | 'hint' | 'information' | 'warning' | 'error';

export interface CorroborateSettings {
  corpus: {
    /** folders or globs, workspace-relative or absolute */
    paths: string[];
    includeBundled: boolean;
    exclude: string[];
  };
  languages: string[];
  severity: {
    'disputed-claim': SeverityName;
    'disputed-entity': SeverityName;
    'unknown-spelling': SeverityName;
  };
  /** the citation style the "insert citation" quick fix writes */
  citationStyle: 'footnote' | 'link';
  debounceMs: number;
}

export const defaultSettings: CorroborateSettings = {
  corpus: { paths: [], includeBundled: true, exclude: [] },
  languages: ['markdown', 'plaintext'],
  severity: { 'disputed-claim': 'warning', 'disputed-entity': 'information', 'unknown-spelling': 'hint' },
  citationStyle: 'footnote',
  debounceMs: 30,
};

/** What the client passes at initialize. */
export interface InitializationOptions {
  /** folder where the server may keep its index cache (the extension's workspace storage) */
  storagePath?: string;
  /** folder of the bundled corpus */
  bundledCorpusPath?: string;
  /** false in an untrusted workspace: corpus paths outside the workspace are ignored */
  trusted?: boolean;
}

export interface Location_ {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface EntitySummary {
  id: string;
  name: string;
  type: 'person' | 'organization' | 'place' | 'event';
  aliases: string[];
  sourceCount: number;
  mentionCount: number;
  disputeCount: number;
}

export interface SourceSummary {
  id: string;
  uri: string;
  title?: string;
  outlet?: string;
  author?: string;
  published?: string;
  kind?: string;
  entityCount: number;
}

export interface ClaimView {
  id: string;
  text: string;
  stance: string;
  speaker: string;
  location: Location_;
  source: SourceSummary;
}

export interface DisputeView {
  id: string;
  kind: string;
  point: string;
  entities: { id: string; name: string }[];
  sides: { position: string; claim: ClaimView }[];
}

export interface EntityCard extends EntitySummary {
  /** claims grouped per source, most relevant first */
  sources: { source: SourceSummary; claims: ClaimView[] }[];
  disputes: DisputeView[];
  /** the best passage in each source */
  passages: Location_[];
  /** the card as Markdown, the same text the hover shows */
  markdown: string;
}

export interface IndexStatus {
  state: 'starting' | 'indexing' | 'ready' | 'error';
  sources: number;
  entities: number;
  disputes: number;
  /** files skipped, with the reason */
  problems: { path: string; reason: string }[];
  indexed?: number;
  total?: number;
  message?: string;
}

export namespace SearchEntitiesRequest {
  export const method = 'corroborate/searchEntities';
  export const type = new RequestType<{ query: string; limit?: number }, EntitySummary[], void>(method);
}
export namespace EntityRequest {
  export const method = 'corroborate/entity';
  export const type = new RequestType<{ id: string }, EntityCard | null, void>(method);
}
export namespace DisputesRequest {
  export const method = 'corroborate/disputes';
  export const type = new RequestType<{ entityId?: string }, DisputeView[], void>(method);
}
export namespace SourcesRequest {
  export const method = 'corroborate/sources';
  export const type = new RequestType<Record<string, never>, SourceSummary[], void>(method);
}
export namespace ReindexRequest {
  export const method = 'corroborate/reindex';
  export const type = new RequestType<Record<string, never>, IndexStatus, void>(method);
}
export namespace CheckAllDraftsRequest {
  export const method = 'corroborate/checkAllDrafts';
  /** uris of drafts to check (the client finds them); answers the number of findings per uri */
  export const type = new RequestType<{ uris: string[] }, { uri: string; findings: number }[], void>(method);
}
export namespace StatusNotification {
  export const method = 'corroborate/status';
  export const type = new NotificationType<IndexStatus>(method);
}

/** Diagnostic codes and the documentation anchors their codeDescription links to. */
export const diagnosticCodes = ['disputed-claim', 'disputed-entity', 'unknown-spelling', 'source-error'] as const;
export const docsBase = 'https://github.com/corroborate/corroborate/blob/main/docs/diagnostics.md';
export function docsFor(code: string): string {
  return `${docsBase}#${code}`;
}

/**
 * The heap limit the language server is started with, in MB: half of the machine's memory, between V8's usual
 * default (4 GB) and 16 GB. A corpus of tens of thousands of articles needs more than the default; V8 only takes
 * what it uses.
 */
export function serverHeapLimitMB(totalMemoryBytes: number): number {
  return Math.max(4096, Math.min(16384, Math.floor(totalMemoryBytes / 1048576 / 2)));
}

/** The young generation's semi-spaces, in MB (V8's default is 16 on a 64-bit machine). */
export const SERVER_SEMI_SPACE_MB = 8;

/**
 * How the extension starts the language server process (the benchmark starts it the same way):
 * - the heap limit above;
 * - a young generation of 2 × 8 MB instead of 2 × 16, which keeps ~16 MB less resident. 2 × 4 MB kept ~7 MB less
 *   again in the benchmark at 10,000 articles, but completion p99 rose to 8–9 ms in two of three runs (3 ms with 8);
 * - `MALLOC_ARENA_MAX=2`: glibc gives each thread that allocates (V8's collector threads, the index workers) an
 *   arena of its own, which the deserialised index leaves fragmented; two cut ~25 MB of resident memory there.
 * - `MALLOC_MMAP_THRESHOLD_=131072`: glibc maps a block of 128 KB or more on its own, and gives it back when it is
 *   freed; by default it raises that threshold (up to 32 MB) each time such a block is freed, after which blocks of
 *   that size come from its heap and leave holes there. The snapshot's parts (~1 MB each) did so: a warm start kept
 *   ~45 MB of freed heap resident. Fixed at its initial value, the warm server held 14–40 MB less in the benchmark
 *   at 10,000 articles (serving the draft: 288–318 MB against 311–333), with no latency it could show.
 * Other C libraries ignore both.
 */
export function serverProcessOptions(totalMemoryBytes: number): { execArgv: string[]; env: Record<string, string> } {
  return {
    execArgv: [`--max-old-space-size=${serverHeapLimitMB(totalMemoryBytes)}`, `--max-semi-space-size=${SERVER_SEMI_SPACE_MB}`],
    env: { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' },
  };
}
