import { basename } from 'node:path';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CorpusIndex } from '../core/index';
import { bestSupport, type DraftCheck } from '../core/check';
import type { Claim } from '../core/model';
import type { FindingData } from './diagnostics';
import { diagnosticCodes } from '../../../shared/protocol';

/**
 * Quick fixes: fix a spelling, insert a citation to the passage that supports the sentence, attribute the
 * sentence to its source, or suppress a finding here / in this file with a comment directive. Every edit is
 * a versioned edit of this draft only.
 */
export function codeActions(
  index: CorpusIndex,
  doc: TextDocument,
  check: DraftCheck,
  range: Range,
  diagnostics: Diagnostic[],
  style: 'footnote' | 'link' = 'footnote',
): CodeAction[] {
  const out: CodeAction[] = [];
  const edit = (edits: TextEdit[]) => ({ documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] });
  for (const d of Array.isArray(diagnostics) ? diagnostics : []) {
    if (!d || d.source !== 'corroborate') continue;
    // Robustness: the client echoes diagnostics back; one with a range outside this document (stale, or made
    // up) gets no edit rather than an edit outside the text (test/robustness/protocol.test.ts).
    if (!rangeInside(doc, d.range)) continue;
    const data = d.data as FindingData | undefined;
    const code = String(d.code ?? data?.code ?? '');
    if (code === 'unknown-spelling') {
      for (const s of Array.isArray(data?.suggestions)
        ? data.suggestions.filter((x): x is string => typeof x === 'string' && x.length > 0 && x.length < 200)
        : []) {
        out.push({
          title: `Change to “${s}”`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: true,
          edit: edit([{ range: d.range, newText: s }]),
        });
      }
    }
    if ((diagnosticCodes as readonly string[]).includes(code)) {
      const line = d.range.start.line;
      const indent = /^\s*/.exec(doc.getText({ start: { line, character: 0 }, end: { line, character: 200 } }))?.[0] ?? '';
      out.push({
        title: `Ignore ${code} here`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: edit([
          {
            range: { start: { line, character: 0 }, end: { line, character: 0 } },
            newText: `${indent}<!-- corroborate-disable-next-line ${code} -->\n`,
          },
        ]),
      });
      out.push({
        title: `Ignore ${code} in this file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: edit([{ range: fileTop(doc), newText: `<!-- corroborate-disable-file ${code} -->\n` }]),
      });
    }
  }
  // citation and attribution for the sentence under the cursor
  const start = doc.offsetAt(range.start);
  const s = check.sentences.find((x) => x.span.start <= start && start <= x.span.end && !x.heading);
  if (s) {
    const claim = bestSupport(index, s);
    if (claim) {
      out.push(citation(index, doc, claim, s.span.end, style, edit));
      const outlet = index.sources.get(claim.sourceId)?.meta.outlet;
      if (outlet && !/^according to\b/i.test(s.text)) {
        const first = s.text.split(/\s/)[0];
        const keepCase = check.mentions.some((m) => m.span.start === s.span.start) || /^\p{Lu}{2,}/u.test(first);
        const lowered = keepCase ? s.text[0] : s.text[0].toLowerCase();
        out.push({
          title: `Attribute to ${outlet} (“According to ${outlet}, …”)`,
          kind: CodeActionKind.RefactorRewrite,
          edit: edit([
            {
              range: { start: doc.positionAt(s.span.start), end: doc.positionAt(s.span.start + 1) },
              newText: `According to ${outlet}, ${lowered}`,
            },
          ]),
        });
      }
    }
  }
  return out;
}

/** A range whose both ends are real positions of this document (integers, on a line, round-tripping), in order. */
function rangeInside(doc: TextDocument, r: Range | undefined): boolean {
  const ok = (p: { line: number; character: number } | undefined) => {
    if (!p || !Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) return false;
    const back = doc.positionAt(doc.offsetAt(p));
    return back.line === p.line && back.character === p.character;
  };
  return !!r && ok(r.start) && ok(r.end) && doc.offsetAt(r.start) <= doc.offsetAt(r.end);
}

function fileTop(doc: TextDocument): Range {
  const text = doc.getText();
  const fm = /^---\r?\n[\s\S]*?\r?\n---\s*\r?\n/.exec(text);
  const pos = doc.positionAt(fm ? fm[0].length : 0);
  return { start: pos, end: pos };
}

function citation(
  index: CorpusIndex,
  doc: TextDocument,
  claim: Claim,
  sentenceEnd: number,
  style: 'footnote' | 'link',
  edit: (e: TextEdit[]) => CodeAction['edit'],
): CodeAction {
  const src = index.sources.get(claim.sourceId)!;
  const m = src.meta;
  // a published link when the source has one; never a path on this machine, which means nothing to a reader
  const url = m.url && /^https?:\/\//i.test(m.url) ? m.url : undefined;
  const name = m.outlet ?? m.title ?? basename(src.path);
  const label = [m.outlet, m.title ? `“${m.title}”` : undefined, m.author, m.published].filter(Boolean).join(', ') || name;
  const endPos = doc.positionAt(sentenceEnd);
  if (style === 'link') {
    const cite = url ? `[${name}](${url})` : [name, m.published].filter(Boolean).join(', ');
    return {
      title: `Cite ${name} (${url ? 'link' : 'inline'})`,
      kind: CodeActionKind.QuickFix,
      edit: edit([{ range: { start: endPos, end: endPos }, newText: ` (${cite})` }]),
    };
  }
  const text = doc.getText();
  let n = 1;
  while (text.includes(`[^${n}]`)) n++;
  const end = doc.positionAt(text.length);
  const sep = text.endsWith('\n') ? '\n' : '\n\n';
  return {
    title: `Insert citation: ${m.outlet ?? m.title ?? 'source'} (footnote)`,
    kind: CodeActionKind.QuickFix,
    edit: edit([
      { range: { start: endPos, end: endPos }, newText: `[^${n}]` },
      {
        range: { start: end, end },
        newText: `${sep}[^${n}]: ${label}.${url ? ` ${url}` : ''} — “${claim.text.replace(/\s+/g, ' ').slice(0, 200)}”\n`,
      },
    ]),
  };
}
