/**
 * Hostile drafts through the core (checkDraft on the bundled corpus):
 *  1. 10,000 generated drafts (random Unicode, emoji with ZWJ and skin tones, combining marks, right-to-left
 *     text and bidi controls, lone surrogates, CR / CRLF / LF, Markdown and directive syntax, corpus names and
 *     near-misses, figures, runs of capitalised words, punctuation aimed at regex backtracking): none throws,
 *     none takes 1 s, and every mention / finding / sentence is a UTF-16 span inside the draft, on whole
 *     characters, naming what the draft says there, with the server's and the CLI's LSP positions agreeing.
 *  2. Named 1 MB (or so) single-line and many-line drafts, each checked in a child process the test can kill:
 *     each returns well-formed in under 1 s (CORROBORATE_SLOW_FACTOR stretches the bar on a slow machine).
 */
import assert from 'node:assert/strict';
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { describe, test, after } from 'node:test';
import fc from 'fast-check';
import { checkDraft } from '../../server/src/core/check';
import { assertCheckWellFormed, bundledIndex, SLOW } from './helpers';
import { draftArbitrary } from './generators';

const RUNS = Number(process.env.CORROBORATE_HOSTILE_RUNS) || 10_000;
export const figures: Record<string, unknown> = {};

describe('generated hostile drafts through checkDraft', () => {
  test(
    `${RUNS} generated drafts: no throw, under 1 s each, every span a well-formed UTF-16 range on the right characters`,
    { timeout: 600_000 },
    async () => {
      const index = await bundledIndex();
      const names = [...new Set([...index.table.entities.values()].flatMap((e) => [e.name, ...e.aliases]))].filter((n) => n.length > 1);
      assert.ok(names.length > 50, 'the bundled corpus yields names to build drafts from');
      let runs = 0;
      let slowest = 0;
      let slowestText = '';
      let totalMs = 0;
      let mentions = 0;
      let findings = 0;
      let chars = 0;
      fc.assert(
        fc.property(draftArbitrary(names), ({ text, languageId }) => {
          const t0 = performance.now();
          const check = checkDraft(index, text, { languageId });
          const ms = performance.now() - t0;
          runs++;
          totalMs += ms;
          chars += text.length;
          mentions += check.mentions.length;
          findings += check.findings.length;
          if (ms > slowest) ((slowest = ms), (slowestText = text));
          assert.ok(ms < 1000 * SLOW, `checkDraft took ${ms.toFixed(0)} ms on ${JSON.stringify(text.slice(0, 200))}`);
          assertCheckWellFormed(text, check, languageId);
        }),
        { numRuns: RUNS, seed: Number(process.env.CORROBORATE_SEED) || undefined },
      );
      // the generator must actually reach the analysis: names resolved and findings raised on a good share of drafts
      assert.ok(mentions > RUNS, `mentions found: ${mentions}`);
      assert.ok(findings > RUNS / 10, `findings raised: ${findings}`);
      figures.generated = {
        runs,
        failures: 0,
        mentions,
        findings,
        chars,
        meanMs: +(totalMs / runs).toFixed(2),
        maxMs: +slowest.toFixed(1),
      };
      console.log(
        `# robustness: ${runs} generated drafts, 0 failures, ${mentions} mentions, ${findings} findings, mean ${(totalMs / runs).toFixed(2)} ms, max ${slowest.toFixed(1)} ms (${slowestText.length} chars)`,
      );
    },
  );
});

/** name → expression building the draft; about 1 MB unless the name says otherwise. */
const HOSTILE: Record<string, string> = {
  '1 MB single word': `'A' + 'b'.repeat(1e6)`,
  '1 MB single line of capitalised fragments': `'Abcdefgh'.repeat(125000)`,
  '1 MB single line of lowercase words': `'word '.repeat(2e5)`,
  '1 MB single line of capitalised words (250,000)': `'Abc '.repeat(250000)`,
  'thousands of capitalised words, each a near-miss of a corpus name': `'Abaoud '.repeat(20000)`,
  'thousands of capitalised words: known names': `'Paris Brussels '.repeat(60000)`,
  'thousands of capitalised possessives': `"Argentina's ".repeat(2000)`,
  'capitalised place + given name pairs': `'Vermont Bernie '.repeat(60000)`,
  'thousands of capitalised sentences': `'Abc. '.repeat(200000)`,
  'real sentences repeated (340 kB)': `'Abdelhamid Abaaoud said that ISIS carried out the Brussels attacks. '.repeat(5000)`,
  'ISIS 200,000 times': `'ISIS '.repeat(200000)`,
  'events repeated': `'the attacks in Paris on November 13 '.repeat(28000)`,
  '1 MB of dots': `'.'.repeat(1e6)`,
  '1 MB of ?!': `'!?'.repeat(5e5)`,
  '1 MB of newlines': `'\\n'.repeat(1e6)`,
  '1 MB of CRLF': `'\\r\\n'.repeat(5e5)`,
  '1 MB of CR': `'\\r'.repeat(1e6)`,
  '1 MB of #': `'#'.repeat(1e6)`,
  '250,000 headings': `'# A\\n'.repeat(250000)`,
  'unclosed HTML comment openers': `'<!--'.repeat(250000)`,
  '10,000 directives': `'<!-- corroborate-disable-next-line disputed-claim -->\\n'.repeat(10000)`,
  '20,000 directives on one line': `'<!-- corroborate-disable disputed-claim -->'.repeat(20000)`,
  '1 MB of backticks': `'\`'.repeat(1e6)`,
  '250,000 code fences': `'\`\`\`\\n'.repeat(250000)`,
  '1 MB of [': `'['.repeat(1e6)`,
  'unclosed links': `'[a]('.repeat(250000)`,
  '1 MB of (': `'('.repeat(1e6)`,
  '1 MB of -': `'-'.repeat(1e6)`,
  'front matter never closed': `'---\\n' + 'a: b\\n'.repeat(200000)`,
  emoji: `'😀'.repeat(5e5)`,
  'combining marks': `'A\\u0301'.repeat(5e5)`,
  'right-to-left text': `'مرحبا بالعالم '.repeat(70000)`,
  'unclosed HTML attributes': `'<a href="'.repeat(110000)`,
  figures: `'1,000 killed '.repeat(77000)`,
  '1 MB of digits': `'1'.repeat(1e6)`,
  'digit groups': `'1,'.repeat(5e5)`,
  'quote runs': `'"A'.repeat(5e5)`,
  'apostrophe runs': `"A'".repeat(5e5)`,
  titles: `'Mr. '.repeat(250000)`,
  'The The The': `'The '.repeat(250000)`,
  initials: `'St. A. B. C. '.repeat(77000)`,
  particles: `'El de la '.repeat(110000)`,
  'acronym definitions never closed': `'Defense Intelligence Agency ('.repeat(34000)`,
  'camel case': `'AbcDef'.repeat(166000)`,
  'hyphenated capitals': `'Abc-'.repeat(250000)`,
  'lone surrogates': `'\\ud800'.repeat(1e6)`,
  'dotted initials': `'A.B.'.repeat(250000)`,
  'context cues': `'the town of '.repeat(83000)`,
  'speaker cues': `'X said, '.repeat(125000)`,
  'doubt cues': `'it is unclear whether '.repeat(45000)`,
  'emphasis markers': `'*'.repeat(1e6)`,
  'block quotes': `'> '.repeat(5e5)`,
  'indented code': `'    code\\n'.repeat(110000)`,
  tables: `'|a|b|\\n'.repeat(166000)`,
  tabs: `'\\t'.repeat(1e6)`,
  'no-break spaces': `'\\u00a0'.repeat(1e6)`,
  'zero-width spaces': `'\\u200b'.repeat(1e6)`,
  'line separators': `'\\u2028'.repeat(1e6)`,
};

/**
 * Core bugs found by this file, reported to the lead (server/src/core is theirs): the exact input and the
 * symptom. Each stays a todo (run, reported, not failing the layer) until the core is fixed; remove the
 * entry then.
 */
const KNOWN: Record<string, string> = {};

/** Markdown and plain text differ only in masking; both are run where the syntax is the point. */
const BOTH = new Set([
  '1 MB single line of capitalised words (250,000)',
  'unclosed HTML comment openers',
  'unclosed links',
  '1 MB of backticks',
  '250,000 code fences',
  'front matter never closed',
  '1 MB of CRLF',
  'lone surrogates',
]);

interface Outcome {
  ms?: number;
  error?: string;
  length?: number;
  summary?: string;
  killed?: boolean;
}

class Runner {
  private child: ChildProcess | undefined;
  private ready: Promise<void> | undefined;
  private next = 1;
  private start(): Promise<void> {
    this.child = fork(path.join(__dirname, 'hostileWorker.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.ready = new Promise((resolve) => this.child!.once('message', () => resolve()));
    return this.ready;
  }
  async run(expr: string, languageId: string, limitMs: number): Promise<Outcome> {
    if (!this.child || this.child.exitCode !== null) await this.start();
    await this.ready;
    const child = this.child!;
    const id = this.next++;
    return new Promise((resolve) => {
      const onMsg = (m: Outcome & { id?: number }) => {
        if (m.id !== id) return;
        clearTimeout(t);
        child.off('message', onMsg);
        child.off('exit', onExit);
        resolve(m);
      };
      const onExit = (code: number | null) => {
        clearTimeout(t);
        child.off('message', onMsg);
        resolve({ error: `worker exited (${code}) while checking` });
      };
      const t = setTimeout(() => {
        child.off('message', onMsg);
        child.off('exit', onExit);
        child.kill('SIGKILL');
        this.child = undefined;
        resolve({ killed: true });
      }, limitMs);
      child.on('message', onMsg);
      child.once('exit', onExit);
      child.send({ id, expr, languageId });
    });
  }
  stop() {
    this.child?.kill();
  }
}

describe('named hostile drafts (about 1 MB each) through checkDraft', () => {
  const runner = new Runner();
  after(() => runner.stop());
  const results: Record<string, Outcome> = {};
  figures.named = results;
  for (const [name, expr] of Object.entries(HOSTILE)) {
    for (const languageId of BOTH.has(name) ? ['markdown', 'plaintext'] : ['markdown']) {
      const todo = KNOWN[name];
      test(`${name} (${languageId}): returns well-formed in under 1 s`, { timeout: 120_000, ...(todo ? { todo } : {}) }, async () => {
        // a case gets three times its bar before it is killed (a known-bad one 1.5 times), so a slow one reports its time
        const o = await runner.run(expr, languageId, (todo ? 1500 : 3000) * SLOW);
        results[`${name} (${languageId})`] = o;
        if (o.killed) assert.fail(`did not return within ${3 * SLOW} s (killed)`);
        assert.equal(o.error, undefined, o.error);
        assert.ok(o.ms! < 1000 * SLOW, `took ${o.ms!.toFixed(0)} ms on ${o.length} characters`);
      });
    }
  }
  test('summary', () => {
    const rows = Object.entries(results);
    const failed = rows.filter(([, o]) => o.killed || o.error || (o.ms ?? 0) >= 1000 * SLOW);
    console.log(
      `# robustness: ${rows.length} named hostile drafts, ${failed.length} over the bar or failing${failed.length ? ': ' + failed.map(([n, o]) => `${n} → ${o.killed ? 'killed' : (o.error ?? `${o.ms!.toFixed(0)} ms`)}`).join('; ') : ''}`,
    );
  });
});
