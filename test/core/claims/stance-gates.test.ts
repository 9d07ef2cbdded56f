// The word gates of the stance patterns are necessary conditions: wherever a pattern matches, its gate passes.
// Checked on every alternative of every pattern, in many spellings (case, spaces, apostrophes, what stands around),
// and on every sentence of the shared corpora when they are there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { GATED_PATTERNS, WordBits } from '../../../server/src/core/claims/stance';
import { sourceSentences } from '../../../server/src/core/analyze';
import { parseSource } from '../../../server/src/corpus/load';

// at least one example of every alternative and optional part; each must match its pattern as written
const EXAMPLES: Record<string, string[]> = {
  QUESTION_END: ['Really?', 'What?"', 'Is it?\u2019 ', '(why?)', 'who? *_', 'Is it?\u201d]'],
  QUESTIONS: [
    'It is unclear whether',
    'it was still unclear',
    'It remained unclear who',
    'it remains unclear',
    'It is not clear why',
    'it was not yet known whether',
    'It is not known if',
    'it is not clear where',
    'It is unknown whether',
    'it was unknown how',
    'It remains to be seen',
    'remains unclear',
    'remain unknown',
    'remained uncertain',
    'remains unexplained',
    'remain to be seen',
    'remains an open question',
    'remained in doubt',
    'remains a mystery',
    'Questions remain',
    'questions remained',
    'questions linger',
    'questions persist',
    'questions over',
    'questions about',
    'questions have been raised',
    'questions were raised',
    'without evidence',
    'without any evidence',
    'no evidence',
    'no hard evidence',
    'no firm proof',
    'no concrete evidence',
    'no credible proof',
    'No proof',
    'unverified',
    'Unconfirmed',
    'unsubstantiated',
    'could not be verified',
    'could not independently verify',
    'could not be independently confirmed',
    'could not confirm',
    'has not been verified',
    'have not yet been confirmed',
    'had not been independently verified',
  ],
  DENIES: [
    'denied',
    'denies',
    'deny',
    'denying',
    'He denied it',
    'rejected the claims',
    'rejects any allegation',
    'rejecting all accusations',
    'rejected connection',
    'rejects links',
    'rejected these reports',
    'rejecting those suggestions',
    'rejected such charges',
    'rejects charge',
    'dismissed any connection',
    'dismisses the claims',
    'dismissing all links',
    'dismissed these reports',
    'dismissed those allegations',
    'dismisses such accusations',
    'dismissed the suggestion',
    'dismissed them as',
    'dismisses it as',
    'dismissed this as',
    'dismissed that as',
    'dismissed his claims as',
    'dismissed the claim as',
    'refuted',
    'refutes',
    'refute',
    'refuting',
    'no connection',
    'no such link',
    'no links',
    'no involvement',
    'no ties',
    'no role',
    'not responsible',
    'not been involved',
    'not involved',
    'was not behind',
    'were not behind',
    'is not behind',
    'are not behind',
    'did not carry out',
    'does not commit',
    'do not plan',
    'had not order',
    'did not take part',
    "didn't carry out",
    "doesn't commit",
    "don't plan",
    "didn't order",
    'had nothing to do with',
    'falsely accused',
    'is false',
    'was entirely untrue',
    'are completely baseless',
    'were totally fabricated',
    'be simply groundless',
    'been false',
    'as false',
    'false claims',
    'false claim',
    'false reports',
    'false allegations',
    'false information',
    'false rumours',
    'false rumor',
    'false news',
    'there was no',
    'there were no',
    'there is no',
    'there are no',
    'there has been no',
  ],
  FALSITY: [
    'hoax',
    'hoaxes',
    'fake',
    'faked',
    'fakes',
    'false',
    'untrue',
    'bogus',
    'fabricated',
    'fabrication',
    'made-up',
    'made up',
    'satire',
    'satirical',
    'spoof',
    'prank',
    'doctored',
    'photoshopped',
    'myth',
    'nonsense',
    'baseless',
    'unfounded',
    'groundless',
    'fictional',
    'fiction',
    'phony',
    'phoney',
    'sham',
  ],
  REFUTE_PHRASES: [
    'debunk',
    'debunked',
    'debunks',
    'debunking',
    'has been debunked',
    'is not true',
    'was simply not true',
    'are just not true',
    'were entirely not true',
    "it's not true",
    'that\u2019s not true',
    "is completely n't true",
    'is absolutely not true',
    'is almost certainly not true',
    'it\u2019s n\u2019t true',
    "isn't true",
    'wasn\u2019t true',
    "aren't true",
    "weren't true",
    'no truth to',
    'no truth in',
    'no truth whatsoever',
    'no truth at all',
    'no truth behind',
    'wrongly reported',
    'falsely claimed',
    'erroneously stated',
    'mistakenly suggested',
    'falsely alleged',
    'wrongly announced',
    'falsely said',
    'never happened',
    'did not happen',
    "didn't take place",
    'didn\u2019t actually take place',
    'never really took place',
    'never existed',
    'did not exist',
    'turned out to be false',
    'turns out to be untrue',
    'turn out to be wrong',
    'turned out to be fake',
    'turned out to be a hoax',
    'turned out to be a prank',
    'turned out to be a joke',
    'turned out to be satire',
    'turned out to be bogus',
    'turned out to be fabricated',
    'turned out to be made-up',
    'turned out to be made up',
    'turned out to be a rumour',
    'turned out to be a rumor',
    'was not real',
    'were not genuine',
    "is n't authentic",
    'are not accurate',
    'been not real',
    'is not the case',
    'was not the case',
    "isn't the case",
    'wasn\u2019t the case',
  ],
  HEDGES: [
    'allegedly',
    'alleged',
    'reportedly',
    'purportedly',
    'supposedly',
    'presumably',
    'suspected',
    'believed to be',
    'thought to have',
    'said to be',
    'understood to have',
    'rumoured to be',
    'rumored to have',
    'believed to',
    'may have',
    'might have',
    'could have',
    'might',
    'probably',
    'possibly',
    'apparently',
    'seems to',
    'seemed to',
    'appears to',
    'appeared to',
    'is likely to',
    'are most likely to',
    'was very likely to',
    'were likely to',
    'if true',
    'if it is true',
    'if this is true',
    'it is claimed',
    'it was claimed',
    'it has been claimed',
    'claim to',
    'claimed to',
    'claims to',
    'did not deny',
    "didn't deny",
    'never denied',
    'refused to deny',
  ],
};

const CASES: Array<(s: string) => string> = [
  (s) => s,
  (s) => s.toUpperCase(),
  (s) => s.toLowerCase(),
  (s) => s.replace(/\b[a-z]/g, (c) => c.toUpperCase()),
  (s) => s.replace(/[a-z]/gi, (c, i: number) => (i % 2 ? c.toUpperCase() : c.toLowerCase())),
];
const SPACES: Array<(s: string) => string> = [
  (s) => s,
  (s) => s.replace(/ /g, '\n'),
  (s) => s.replace(/ /g, '\t'),
  (s) => s.replace(/ /g, '\u00a0'),
  (s) => s.replace(/ /g, '  '),
  (s) => s.replace(/ /g, ' \r\n '),
  (s) => s.replace(/'/g, '\u2019'),
  (s) => s.replace(/\u2019/g, "'"),
];
const AROUND: Array<(s: string) => string> = [
  (s) => s,
  (s) => `He said ${s}.`,
  (s) => `"${s}"`,
  (s) => `\u201c${s}\u201d`,
  (s) => `(${s})`,
  (s) => `*${s}*`,
  (s) => `_${s}_`,
  (s) => `${s}s`,
  (s) => `x${s}`,
  (s) => `1${s}2`,
  (s) => `\u2014${s}\u2014`,
  (s) => `\u00e9${s}\u00e9`,
  (s) => `${s}?`,
];

function plain(p: RegExp): RegExp {
  return new RegExp(p.source, p.flags.replace('g', ''));
}

test('WordBits: words are runs of ASCII letters; a lowercase entry also counts capitalised, a capitalised one only so', () => {
  const w = new WordBits().add('no', 1).add('denied', 2).add('May', 4).add('ago', 8);
  assert.equal(w.of('no'), 1);
  assert.equal(w.of('NO'), 1);
  assert.equal(w.of('No'), 1);
  assert.equal(w.of('nO'), 1);
  assert.equal(w.of('not'), 0);
  assert.equal(w.of('x no'), 1);
  assert.equal(w.of('He had no'), 1);
  assert.equal(w.of('He_denied_it, no?'), 3);
  assert.equal(w.of('1denied2'), 2);
  assert.equal(w.of('d\u00e9nied'), 0);
  assert.equal(w.of('May'), 4);
  assert.equal(w.of('MAY'), 4); // first letter as written, the rest lowercased: a pattern may run for nothing
  assert.equal(w.of('may'), 0);
  assert.equal(w.of('ago'), 8);
  assert.equal(w.of('Ago'), 8);
  assert.equal(w.of('aGO'), 8);
  assert.equal(w.of(''), 0);
  assert.throws(() => new WordBits().add('made-up', 1));
});

test('stance gates pass wherever their pattern matches: every alternative, in many spellings', () => {
  for (const g of GATED_PATTERNS) {
    const re = plain(g.pattern);
    const examples = EXAMPLES[g.name];
    assert.ok(examples, `no examples for ${g.name}`);
    let matched = 0;
    for (const ex of examples) {
      assert.ok(re.test(ex), `${g.name} does not match its example ${JSON.stringify(ex)}`);
      for (const c of CASES)
        for (const sp of SPACES)
          for (const ar of AROUND) {
            const s = ar(sp(c(ex)));
            if (!re.test(s)) continue;
            matched++;
            assert.ok(g.may(s), `${g.name} matches ${JSON.stringify(s)} but its gate does not pass`);
          }
    }
    assert.ok(matched > examples.length * 100, `${g.name}: only ${matched} variants matched`);
  }
});

const SHARED = path.resolve(__dirname, '../../../../shared/data');
const CORPORA = [path.join(SHARED, 'wikinews'), path.join(SHARED, 'fnc1-dev')];

function corpusFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (name.endsWith('.txt') && !/^(?:claim|README|LICENSE)/i.test(name)) out.push(p);
      else if (!name.includes('.')) walk(p);
    }
  };
  for (const c of CORPORA) if (existsSync(c)) walk(c);
  return out;
}

test(
  'stance gates pass wherever their pattern matches: every sentence of the shared corpora',
  { skip: CORPORA.every((c) => existsSync(c)) ? false : `no ${CORPORA.join(' or ')}` },
  () => {
    const patterns = GATED_PATTERNS.map((g) => ({ ...g, re: plain(g.pattern), hits: 0 }));
    let sentences = 0;
    for (const f of corpusFiles()) {
      const src = parseSource(f, readFileSync(f), { id: f }).source;
      if (!src) continue;
      for (const s of sourceSentences(src)) {
        const str = src.text.slice(s.span.start, s.span.end);
        sentences++;
        for (const p of patterns) {
          if (!p.re.test(str)) continue;
          p.hits++;
          assert.ok(p.may(str), `${p.name} matches ${JSON.stringify(str)} but its gate does not pass`);
        }
      }
    }
    assert.ok(sentences > 10000, `only ${sentences} sentences`);
    for (const p of patterns) assert.ok(p.hits > 10, `${p.name}: only ${p.hits} sentences matched`);
  },
);
