/**
 * Child process for drafts.test.ts: builds the bundled index once, then checks the drafts it is sent
 * (`{ id, expr, languageId }`, expr a JS expression building the draft) and answers with the time taken and
 * whether the result is well formed. A case that never returns is killed by the parent (no hang in the
 * test run); a case that throws is answered with the error.
 */
import { checkDraft } from '../../server/src/core/check';
import { assertCheckWellFormed, bundledIndex } from './helpers';

process.on('message', async (msg: { id: number; expr: string; languageId: string }) => {
  const index = await bundledIndex();
  let text = '';
  try {
    text = (0, eval)(msg.expr) as string;
  } catch (err) {
    process.send!({ id: msg.id, error: `bad expression: ${(err as Error).message}` });
    return;
  }
  // best of two runs: the first may pay for JIT and GC of the previous case
  let ms = Infinity;
  let error: string | undefined;
  let summary = '';
  for (let run = 0; run < 2; run++) {
    const t0 = performance.now();
    try {
      const check = checkDraft(index, text, { languageId: msg.languageId });
      ms = Math.min(ms, performance.now() - t0);
      if (run === 0) {
        assertCheckWellFormed(text, check, msg.languageId);
        summary = `${check.mentions.length} mentions, ${check.findings.length} findings`;
      }
    } catch (err) {
      error = `${(err as Error).name}: ${(err as Error).message}`.slice(0, 300);
      break;
    }
    if (ms < 200) break;
  }
  process.send!({ id: msg.id, ms, error, length: text.length, summary });
});
void bundledIndex().then(() => process.send!({ ready: true }));
