/**
 * The palette lookups: Look Up Entity…, Show Disputes…, Open Source…, and opening a passage.
 * Each takes an optional argument that skips the UI (for tests and for other commands) and answers
 * what it chose.
 */
import * as vscode from 'vscode';
import {
  DisputesRequest,
  EntityRequest,
  SearchEntitiesRequest,
  SourcesRequest,
  type DisputeView,
  type EntityCard,
  type EntitySummary,
  type Location_,
  type SourceSummary,
} from '../../shared/protocol';
import { choose, rankEntities } from './rank';
import type { Services } from './services';
import { baseName, disputeItem, entityItem, outletOf, sideItem, sourceItem } from './view';

const searchLimit = 50;
const debounceMs = 80;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof vscode.Uri) && !Array.isArray(value);
}

function isPick(value: unknown, allowString: boolean): boolean {
  return value === undefined || typeof value === 'number' || (allowString && typeof value === 'string');
}

// ------------------------------------------------------------------------------------------------ passages

function isLocation(value: unknown): value is Location_ {
  return isObject(value) && typeof value.uri === 'string' && isObject(value.range);
}

/** Opens a passage as a preview with its range revealed and selected. */
export async function openLocation(s: Services, location: Location_): Promise<vscode.TextEditor> {
  const uri = s.client.protocol2CodeConverter.asUri(location.uri);
  const range = s.client.protocol2CodeConverter.asRange(location.range);
  const editor = await vscode.window.showTextDocument(uri, { preview: true, selection: range });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/**
 * `corroborate.openPassage`, for links in hovers and cards:
 * `command:corroborate.openPassage?` + encodeURIComponent(JSON.stringify([location])) where location is a
 * `Location_`, or `[uri, line, character?]` (0-based).
 */
export async function openPassage(s: Services, first: unknown, line?: unknown, character?: unknown): Promise<Location_ | undefined> {
  let location: Location_ | undefined;
  if (isLocation(first)) location = first;
  else if (typeof first === 'string') {
    const l = typeof line === 'number' ? line : 0;
    const c = typeof character === 'number' ? character : 0;
    location = { uri: first, range: { start: { line: l, character: c }, end: { line: l, character: c } } };
  }
  if (!location) {
    s.log.warn('corroborate.openPassage was run without a location ({ uri, range }, or uri, line, character); nothing to open.');
    return undefined;
  }
  await openLocation(s, location);
  return location;
}

// ------------------------------------------------------------------------------------------------ entities

export interface LookUpArgs {
  query: string;
  /** index in the ranked candidates, or an id / name / alias; default the first */
  pick?: number | string;
  /** default 'passage' (falls back to the card when the entity has no passage) */
  open?: 'passage' | 'card';
}

export interface LookUpResult {
  query: string;
  /** the server's candidates, re-ranked as the quick pick shows them */
  candidates: EntitySummary[];
  entity?: EntitySummary;
  card?: EntityCard | null;
  opened: 'passage' | 'card' | 'disputes' | 'none';
  /** the passage opened */
  location?: Location_;
  /** the document opened (the passage's source, or the card's `corroborate:` uri) */
  uri?: string;
  /** how the card was shown: the Markdown preview, or a text editor (always for a test argument) */
  shown?: 'preview' | 'text';
}

export function isLookUpArgs(arg: unknown): arg is LookUpArgs {
  return (
    isObject(arg) &&
    typeof arg.query === 'string' &&
    isPick(arg.pick, true) &&
    (arg.open === undefined || arg.open === 'passage' || arg.open === 'card')
  );
}

async function searchEntities(s: Services, query: string, token?: vscode.CancellationToken): Promise<EntitySummary[]> {
  return s.client.sendRequest(SearchEntitiesRequest.type, { query, limit: searchLimit }, token);
}

/**
 * Opens the entity's best passage, or its card. `scripted` (a test argument) shows the card as the active
 * text editor instead of the rendered preview, so a caller can read it back.
 */
async function openEntity(
  s: Services,
  entity: EntitySummary,
  how: 'passage' | 'card',
  scripted: boolean,
): Promise<Omit<LookUpResult, 'query' | 'candidates'>> {
  const card = await s.client.sendRequest(EntityRequest.type, { id: entity.id });
  if (!card) {
    void vscode.window.showWarningMessage(`Corroborate: “${entity.name}” is no longer in the index. Reindex the corpus or search again.`);
    return { entity, card: null, opened: 'none' };
  }
  const passage = card.passages[0];
  if (how === 'passage' && passage) {
    await openLocation(s, passage);
    return { entity, card, opened: 'passage', location: passage, uri: passage.uri };
  }
  const { uri, shown } = await s.cards.open(card, scripted ? 'text' : 'preview');
  return { entity, card, opened: 'card', uri: uri.toString(), shown };
}

/** A capitalised phrase under the cursor ("Salah Abdeslam"), or the selection. */
function queryFromEditor(useWordAtCursor: boolean): string {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return '';
  const selection = editor.selection;
  if (!selection.isEmpty) return selection.isSingleLine ? editor.document.getText(selection).trim().slice(0, 120) : '';
  if (!useWordAtCursor) return '';
  const range = editor.document.getWordRangeAtPosition(
    selection.active,
    /\p{Lu}[\p{L}\p{M}'’-]*(?:[ \t]+(?:\p{Lu}[\p{L}\p{M}'’-]*|al|el|de|van|von|bin))*/u,
  );
  return range ? editor.document.getText(range) : '';
}

type EntityItem = vscode.QuickPickItem & { entity: EntitySummary };

const cardButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('preview'), tooltip: 'Open entity card' };
const disputesButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('warning'), tooltip: 'Show disputes' };

function toEntityItem(entity: EntitySummary): EntityItem {
  return {
    ...entityItem(entity),
    entity,
    // The server matched it (alias, fuzzy): keep it even when the label does not contain the text typed.
    alwaysShow: true,
    buttons: entity.disputeCount > 0 ? [cardButton, disputesButton] : [cardButton],
  };
}

/**
 * Look Up Entity…: a quick pick fed by corroborate/searchEntities as the user types (debounced, earlier
 * requests cancelled), re-ranked with fuse.js. Accept opens the best passage; the item buttons open the
 * entity card or its disputes.
 */
export async function lookUpEntity(s: Services, arg?: unknown): Promise<LookUpResult | DisputesResult | undefined> {
  if (isLookUpArgs(arg)) {
    const candidates = rankEntities(arg.query, await searchEntities(s, arg.query));
    const entity = choose(candidates, arg.pick, (e) => [e.id, e.name, ...e.aliases]);
    if (!entity) return { query: arg.query, candidates, opened: 'none' };
    return { query: arg.query, candidates, ...(await openEntity(s, entity, arg.open ?? 'passage', true)) };
  }

  const fromEditorMenu = arg instanceof vscode.Uri;
  const qp = vscode.window.createQuickPick<EntityItem>();
  qp.title = 'Corroborate: Look Up Entity';
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  const index = s.status.current;
  qp.placeholder =
    index?.state === 'ready'
      ? 'Name of a person, organization, place or event (aliases and misspellings work too)'
      : `The corpus is still being indexed${index?.indexed !== undefined && index.total ? ` (${index.indexed}/${index.total})` : ''}; results may be incomplete`;
  qp.value = queryFromEditor(fromEditorMenu);

  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: vscode.CancellationTokenSource | undefined;
  let candidates: EntitySummary[] = [];
  let chosen: { entity: EntitySummary; how: 'passage' | 'card' | 'disputes' } | undefined;

  const search = async (query: string): Promise<void> => {
    pending?.cancel();
    pending?.dispose();
    const cts = (pending = new vscode.CancellationTokenSource());
    const mine = ++seq;
    qp.busy = true;
    try {
      const found = await searchEntities(s, query, cts.token);
      if (mine !== seq) return;
      candidates = rankEntities(query, found);
      qp.items = candidates.map(toEntityItem);
    } catch (error) {
      if (mine !== seq || cts.token.isCancellationRequested) return;
      s.log.error(`Searching entities for “${query}” failed: ${error instanceof Error ? error.message : String(error)}`);
      qp.items = [];
    } finally {
      if (mine === seq) qp.busy = false;
    }
  };

  return new Promise((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [
      qp.onDidChangeValue((value) => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => void search(value), debounceMs);
      }),
      qp.onDidAccept(() => {
        const item = qp.selectedItems[0] ?? qp.activeItems[0];
        if (!item) return;
        chosen = { entity: item.entity, how: 'passage' };
        qp.hide();
      }),
      qp.onDidTriggerItemButton((e) => {
        chosen = { entity: e.item.entity, how: e.button === disputesButton ? 'disputes' : 'card' };
        qp.hide();
      }),
      qp.onDidHide(() => {
        if (timer) clearTimeout(timer);
        pending?.cancel();
        pending?.dispose();
        const query = qp.value;
        for (const d of subscriptions) d.dispose();
        qp.dispose();
        if (!chosen) return resolve(undefined);
        const { entity, how } = chosen;
        const run =
          how === 'disputes'
            ? showDisputes(s, undefined, entity.id)
            : openEntity(s, entity, how, false).then((r): LookUpResult => ({ query, candidates, ...r }));
        run.then(resolve, reject);
      }),
    ];
    qp.show();
    void search(qp.value);
  });
}

// ------------------------------------------------------------------------------------------------ disputes

export interface DisputesArgs {
  /** index of the dispute (default 0) */
  pick?: number;
  /** index of the side whose passage opens (default 0) */
  side?: number;
  /** only the disputes about this entity */
  entityId?: string;
}

export interface DisputesResult {
  disputes: DisputeView[];
  dispute?: DisputeView;
  side?: DisputeView['sides'][number];
  location?: Location_;
}

/** Any plain object argument skips the UI (`{}` picks the first dispute and its first side). */
export function isDisputesArgs(arg: unknown): arg is DisputesArgs {
  return (
    isObject(arg) && isPick(arg.pick, false) && isPick(arg.side, false) && (arg.entityId === undefined || typeof arg.entityId === 'string')
  );
}

type DisputeItem = vscode.QuickPickItem & { dispute: DisputeView };
type SideItem = vscode.QuickPickItem & { side: DisputeView['sides'][number] };

/**
 * Show Disputes…: the disputes (all, or one entity's), then the chosen dispute's sides; a side opens its
 * passage. `entityId` (from Look Up Entity's button) limits the list to one entity.
 */
export async function showDisputes(s: Services, arg?: unknown, entityId?: string): Promise<DisputesResult | undefined> {
  const testing = isDisputesArgs(arg);
  const args: DisputesArgs = testing ? arg : { entityId };
  const disputes = await s.client.sendRequest(DisputesRequest.type, args.entityId ? { entityId: args.entityId } : {});

  if (testing) {
    const dispute = disputes[args.pick ?? 0];
    const side = dispute?.sides[args.side ?? 0];
    if (!dispute || !side) return { disputes, dispute };
    await openLocation(s, side.claim.location);
    return { disputes, dispute, side, location: side.claim.location };
  }

  if (disputes.length === 0) {
    void vscode.window.showInformationMessage(
      args.entityId
        ? 'Corroborate: the sources do not dispute anything about this entity.'
        : 'Corroborate: the sources in the corpus do not dispute each other.',
    );
    return { disputes };
  }
  const dispute = (
    await vscode.window.showQuickPick<DisputeItem>(
      disputes.map((d) => ({ ...disputeItem(d), dispute: d })),
      {
        title: 'Corroborate: Disputes',
        placeHolder: `${disputes.length} disputed points; choose one to see who says what`,
        matchOnDescription: true,
        matchOnDetail: true,
      },
    )
  )?.dispute;
  if (!dispute) return undefined;
  const side = (
    await vscode.window.showQuickPick<SideItem>(
      dispute.sides.map((side) => ({ ...sideItem(side), side })),
      {
        title: `Disputed: ${dispute.point}`,
        placeHolder: `${dispute.sides.map((x) => outletOf(x.claim.source)).join(' vs ')}; choose a side to open its passage`,
        matchOnDescription: true,
        matchOnDetail: true,
      },
    )
  )?.side;
  if (!side) return { disputes, dispute };
  await openLocation(s, side.claim.location);
  return { disputes, dispute, side, location: side.claim.location };
}

// ------------------------------------------------------------------------------------------------ sources

export interface SourcesArgs {
  /** index, or id / title / outlet / file name; default the first */
  pick?: number | string;
}

export interface SourcesResult {
  sources: SourceSummary[];
  source?: SourceSummary;
  uri?: string;
}

/** Any plain object argument skips the UI (`{}` opens the first source). */
export function isSourcesArgs(arg: unknown): arg is SourcesArgs {
  return isObject(arg) && isPick(arg.pick, true);
}

function whereIs(s: Services, source: SourceSummary): string {
  const uri = s.client.protocol2CodeConverter.asUri(source.uri);
  const bundled = vscode.Uri.joinPath(s.context.extensionUri, 'corpus').toString();
  if (uri.toString().startsWith(bundled + '/')) return 'bundled corpus';
  return uri.scheme === 'file' ? vscode.workspace.asRelativePath(uri) : uri.toString(true);
}

type SourceItem = vscode.QuickPickItem & { source: SourceSummary };

/** Open Source…: the corpus's articles; the chosen one opens (read-only by intent: the tool never edits a source). */
export async function openSource(s: Services, arg?: unknown): Promise<SourcesResult | undefined> {
  const sources = await s.client.sendRequest(SourcesRequest.type, {});
  let source: SourceSummary | undefined;
  if (isSourcesArgs(arg)) {
    source = choose(sources, arg.pick, (x) => [x.id, x.title, x.outlet, x.uri, baseName(x.uri)]);
  } else {
    if (sources.length === 0) {
      void vscode.window.showInformationMessage(
        'Corroborate: the corpus has no sources. Add folders in the setting corroborate.corpus.paths.',
      );
      return { sources };
    }
    source = (
      await vscode.window.showQuickPick<SourceItem>(
        sources.map((x) => ({ ...sourceItem(x, whereIs(s, x)), source: x })),
        {
          title: 'Corroborate: Open Source',
          placeHolder: `${sources.length} sources; type a title, outlet, author or date`,
          matchOnDescription: true,
          matchOnDetail: true,
        },
      )
    )?.source;
  }
  if (!source) return isSourcesArgs(arg) ? { sources } : undefined;
  await vscode.window.showTextDocument(s.client.protocol2CodeConverter.asUri(source.uri), { preview: true });
  return { sources, source, uri: source.uri };
}
