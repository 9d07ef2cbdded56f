import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectRefutation, detectStance } from '../../../server/src/core/claims/stance';

// sentences written for these tests: [sentence, refutes?, about the report itself?]
const CASES: Array<[string, boolean, boolean?]> = [
  // a report called false, as predicate of a report noun or a pronoun
  ['The story about the flooded mine is a hoax.', true, true],
  ['The photo of the shark on the motorway turned out to be fake.', true, true],
  ['A report that says the bridge was closed for a week by the council is false.', true, true],
  ['That is completely untrue, a spokeswoman said.', true, true],
  ['The video appears to be doctored.', true, true],
  ['The rumours are baseless.', true, true],
  // as the adjective of a report noun
  ['A fake news site published the interview last week.', true, true],
  ['The bogus article was shared thousands of times.', true, true],
  ['A satirical website first ran the piece.', true, true],
  // a hoax is itself a false report
  ['The celebrity death hoax spread quickly on social media.', true, true],
  // phrases
  ['The mayor said there is no truth to the claim.', true, true],
  ['Fact-checkers have debunked the quote.', true, true],
  ['The report, however, is not true.', true, true],
  ['The meeting never happened, the ministry said.', true, false],
  ['That was not the case, officials said.', true, false],
  // verdict lines
  ['PROBABLY FALSE', true, true],
  ['Hoax', true, true],
  // not refutations: things called fake, negated, asked, hoax as an event
  ['He crossed the border with a fake passport.', false],
  ['Police seized false documents at the port.', false],
  ['The video is not fake, the agency insists.', false],
  ['Experts say the photo is no hoax.', false],
  ['It was not a hoax, the police chief said.', false],
  ['Many will wonder whether the picture is fake.', false],
  ['Readers asked if the story was a hoax.', false],
  ['A man was arrested over a bomb hoax at the station.', false],
  ['He admitted making hoax calls to the fire brigade.', false],
  ['The claim has not been debunked.', false],
  ['The company plans to spoof the famous advert in its new campaign.', false],
  ['The singer released a new album on Friday.', false],
];

for (const [s, refutes, aboutReport] of CASES) {
  test(`refutation: ${s}`, () => {
    const r = detectRefutation(s);
    assert.equal(!!r, refutes, JSON.stringify(r));
    if (r && aboutReport !== undefined) assert.equal(r.aboutReport, aboutReport, JSON.stringify(r));
  });
}

test('a refutation is read as a denial; a negated one is not', () => {
  assert.equal(detectStance('The story is a hoax.').stance, 'denies');
  assert.equal(detectStance('The video appears to be fake.').stance, 'denies');
  assert.equal(detectStance('The video is not fake.').stance, 'asserts');
  // a question stays a question
  assert.equal(detectStance('Is the story a hoax?').stance, 'questions');
});

test('"it was falsely reported that …" refutes a report; "falsely accused" is a denial of another kind', () => {
  assert.deepEqual(detectRefutation('It was falsely reported that the mayor had resigned.'), {
    cue: 'falsely reported',
    aboutReport: true,
  });
  assert.equal(detectRefutation('He was falsely accused of theft.'), undefined);
  assert.equal(detectStance('He was falsely accused of theft.').stance, 'denies');
});
