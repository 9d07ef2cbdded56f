/**
 * What the client shows, as plain strings: quick-pick items, the status bar, summaries. Pure (no `vscode`),
 * unit-tested in test/client. Codicons are written `$(name)`, which QuickPick labels and the status bar render.
 */
import type { DisputeView, EntitySummary, IndexStatus, SourceSummary } from '../../shared/protocol';

export interface ItemView {
  label: string;
  description?: string;
  detail?: string;
}

const typeIcons: Record<EntitySummary['type'], string> = {
  person: '$(person)',
  organization: '$(organization)',
  place: '$(location)',
  event: '$(calendar)',
};

export function typeIcon(type: string): string {
  return typeIcons[type as EntitySummary['type']] ?? '$(symbol-misc)';
}

/** "1 source", "3 sources", "1 dispute". */
export function count(n: number, singular: string, plural = singular + 's'): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

export function truncate(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : t.slice(0, Math.max(0, max - 1)).trimEnd() + '…';
}

/** Last path segment of a uri or path, decoded. */
export function baseName(uriOrPath: string): string {
  const last =
    uriOrPath
      .replace(/[?#].*$/, '')
      .replace(/\/+$/, '')
      .split(/[\\/]/)
      .pop() ?? uriOrPath;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** "2015-11-22T10:00:00Z" → "2015-11-22"; anything else unchanged. */
export function dateOf(published: string | undefined): string | undefined {
  if (!published) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(published.trim());
  return m ? m[1] : published.trim();
}

export function outletOf(source: SourceSummary): string {
  return source.outlet || source.title || baseName(source.uri);
}

/** "Reuters · Jane Doe · 2015-11-22" (missing parts left out). */
export function sourceLine(source: SourceSummary): string {
  return [source.outlet, source.author, dateOf(source.published)].filter((p): p is string => !!p && p.trim() !== '').join(' · ');
}

export function kindLabel(kind: string | undefined): string | undefined {
  return kind ? kind.replace(/[-_]+/g, ' ') : undefined;
}

const kindIcons: Record<string, string> = {
  news: '$(file-text)',
  wire: '$(radio-tower)',
  opinion: '$(comment)',
  analysis: '$(graph)',
  'press release': '$(megaphone)',
  'fact check': '$(verified)',
  'fact-check': '$(verified)',
};

export function entityItem(entity: EntitySummary): ItemView {
  const aliases = entity.aliases.filter((a) => a !== entity.name);
  return {
    label: `${typeIcon(entity.type)} ${entity.name}`,
    description: `${entity.type} · ${count(entity.sourceCount, 'source')} · ${count(entity.disputeCount, 'dispute')}`,
    detail: aliases.length > 0 ? `also: ${truncate(aliases.join(', '), 160)}` : undefined,
  };
}

/** Outlets of a dispute's sides, each once, in order: "Reuters vs Global Research". */
export function sideOutlets(dispute: DisputeView): string[] {
  return [...new Set(dispute.sides.map((s) => outletOf(s.claim.source)))];
}

export function disputeItem(dispute: DisputeView): ItemView {
  const entities = dispute.entities.map((e) => e.name).join(', ');
  return {
    label: `$(warning) ${truncate(dispute.point, 120)}`,
    description: [kindLabel(dispute.kind), entities].filter(Boolean).join(' · '),
    detail: `${sideOutlets(dispute).join(' vs ')} · ${count(dispute.sides.length, 'side')}`,
  };
}

export function sideItem(side: DisputeView['sides'][number]): ItemView {
  const claim = side.claim;
  const outlet = outletOf(claim.source);
  const speaker = claim.speaker && claim.speaker !== outlet ? claim.speaker : undefined;
  return {
    label: `$(quote) ${truncate(side.position || claim.text, 120)}`,
    description: [outlet, speaker, claim.stance, dateOf(claim.source.published)].filter(Boolean).join(' · '),
    detail: `“${truncate(claim.text, 240)}”`,
  };
}

/** `where` is the file's path shown to the user (workspace-relative when possible). */
export function sourceItem(source: SourceSummary, where?: string): ItemView {
  const kind = kindLabel(source.kind);
  return {
    label: `${(kind && kindIcons[kind]) || '$(file-text)'} ${source.title || baseName(source.uri)}`,
    description: sourceLine(source) || undefined,
    detail: [kind, count(source.entityCount, 'entity', 'entities'), where].filter(Boolean).join(' · '),
  };
}

// ---------------------------------------------------------------------------------------------- status bar

export type ServerState = 'starting' | 'running' | 'stopped';

export interface StatusBarView {
  text: string;
  /** Markdown */
  tooltip: string;
  /** which command a click runs */
  click: 'lookUpEntity' | 'showOutput';
  error: boolean;
}

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

function problemsMarkdown(problems: IndexStatus['problems'], max = 10): string {
  if (problems.length === 0) return '';
  const lines = problems.slice(0, max).map((p) => `- ${escapeMarkdown(baseName(p.path))}: ${escapeMarkdown(p.reason)}`);
  if (problems.length > max) lines.push(`- … and ${problems.length - max} more (see the output)`);
  return `\n\n${count(problems.length, 'file')} skipped:\n\n${lines.join('\n')}`;
}

function countsLine(status: IndexStatus): string {
  return `${count(status.sources, 'source')} · ${count(status.entities, 'entity', 'entities')} · ${count(status.disputes, 'dispute')}`;
}

/**
 * The status bar item for the server's state and its last IndexStatus.
 * `stoppedReason` explains a stopped server (crashed too often, failed to start).
 */
export function statusBarView(status: IndexStatus | undefined, server: ServerState, stoppedReason?: string): StatusBarView {
  if (server === 'stopped') {
    return {
      text: '$(error) Corroborate',
      tooltip: `**Corroborate**: the language server is not running.${stoppedReason ? `\n\n${escapeMarkdown(stoppedReason)}` : ''}\n\nClick to show the output; run *Corroborate: Restart Server* to start it again.`,
      click: 'showOutput',
      error: true,
    };
  }
  if (status?.state === 'error') {
    return {
      text: '$(error) Corroborate',
      tooltip: `**Corroborate**: indexing the corpus failed.${status.message ? `\n\n${escapeMarkdown(status.message)}` : ''}${problemsMarkdown(status.problems)}\n\nClick to show the output.`,
      click: 'showOutput',
      error: true,
    };
  }
  if (server === 'starting' || status === undefined || status.state === 'starting') {
    return {
      text: '$(sync~spin) Corroborate: starting',
      tooltip: '**Corroborate**: starting the language server…',
      click: 'showOutput',
      error: false,
    };
  }
  if (status.state === 'indexing') {
    const progress =
      typeof status.indexed === 'number' && typeof status.total === 'number' && status.total > 0
        ? ` ${status.indexed}/${status.total}`
        : '';
    return {
      text: `$(sync~spin) Corroborate: indexing${progress}`,
      tooltip: `**Corroborate**: indexing the corpus${progress ? ` (${progress.trim()} files)` : ''}…${status.message ? `\n\n${escapeMarkdown(status.message)}` : ''}\n\nSo far: ${countsLine(status)}.`,
      click: 'showOutput',
      error: false,
    };
  }
  return {
    text: `$(book) ${countsLine(status)}`,
    tooltip: `**Corroborate**: the corpus is indexed.\n\n${count(status.sources, 'source')}, ${count(status.entities, 'entity', 'entities')} and ${count(status.disputes, 'dispute')}.${problemsMarkdown(status.problems)}\n\nClick to look up an entity.`,
    click: 'lookUpEntity',
    error: false,
  };
}

// ---------------------------------------------------------------------------------------------- summaries

export function reindexSummary(status: IndexStatus): { message: string; level: 'info' | 'warning' | 'error' } {
  if (status.state === 'error') {
    return { message: `Corroborate: indexing failed${status.message ? `: ${status.message}` : '.'}`, level: 'error' };
  }
  const base = `Indexed ${count(status.sources, 'source')}: ${count(status.entities, 'entity', 'entities')}, ${count(status.disputes, 'dispute')}`;
  if (status.problems.length > 0) {
    return { message: `${base}. ${count(status.problems.length, 'file')} skipped.`, level: 'warning' };
  }
  return { message: `${base}.`, level: 'info' };
}

export function checkSummary(results: readonly { uri: string; findings: number }[]): string {
  const withFindings = results.filter((r) => r.findings > 0);
  const total = withFindings.reduce((n, r) => n + r.findings, 0);
  if (results.length === 0) return 'Corroborate: no drafts were checked.';
  if (total === 0) return `Corroborate: checked ${count(results.length, 'draft')}; no findings.`;
  return `Corroborate: checked ${count(results.length, 'draft')}; ${count(total, 'finding')} in ${count(withFindings.length, 'draft')}.`;
}
