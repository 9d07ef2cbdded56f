import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CorpusIndex } from '../core/index';
import type { DraftCheck } from '../core/check';
import type { Finding, Severity } from '../core/model';
import { sourceLocation } from './locations';
import { docsFor } from '../../../shared/protocol';

export const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries for its code actions (`codeActions.ts`). (Not the finding's dispute ids: nothing reads
 * them from a diagnostic, and an entity's could be hundreds, sent again with each re-check's diagnostics.) */
export interface FindingData {
  code: string;
  suggestions?: string[];
  entityId?: string;
}

export function toDiagnostic(index: CorpusIndex, doc: TextDocument, f: Finding): Diagnostic {
  const data: FindingData = { code: f.code, suggestions: f.suggestions, entityId: f.entityId };
  return {
    range: { start: doc.positionAt(f.span.start), end: doc.positionAt(f.span.end) },
    severity: SEVERITY[f.severity],
    code: f.code,
    codeDescription: { href: docsFor(f.code) },
    source: 'corroborate',
    message: f.message,
    relatedInformation: f.related.map((r) => ({ location: sourceLocation(index, r.sourceId, r.span), message: r.message })),
    data,
  };
}

export function diagnostics(index: CorpusIndex, doc: TextDocument, check: DraftCheck): Diagnostic[] {
  return check.findings.map((f) => toDiagnostic(index, doc, f));
}
