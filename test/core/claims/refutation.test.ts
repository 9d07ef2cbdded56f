import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectRefutation, detectStance } from '../../../server/src/core/claims/stance';
import { isDoubt } from '../../../server/src/core/disputes/detect';

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
  // the offence of making false statements is not a report called false
  ['The former aide was convicted of making false statements to investigators.', false],
  ['She was charged with giving false information to the police.', false],
  ['The minister accused the paper of making false claims about the attack.', true, true],
  ['The aide was found guilty of several crimes including false statements to investigators.', false],
  ['He was charged with false statements to the inquiry.', false],
  // a first impression, not a verdict
  ['"At first I thought it was a prank," the owner said of the theft.', false],
  ['The owner said the report was a prank.', true, true],
  // a contrast with a condition, and a vow, are not refutations
  ['However, this was not the case when the rats were given three pellets.', false],
  ['That is not the case for smaller companies, the report found.', false],
  ['The bishops promised that such abuse would never happen again.', false],
];

for (const [s, refutes, aboutReport] of CASES) {
  test(`refutation: ${s}`, () => {
    const r = detectRefutation(s);
    assert.equal(!!r, refutes, JSON.stringify(r));
    if (r && aboutReport !== undefined) assert.equal(r.aboutReport, aboutReport, JSON.stringify(r));
  });
}

/** whether the sentence, as the outlet's own, is read as a doubt or denial */
const doubt = (text: string) => isDoubt({ text, stance: detectStance(text).stance, speaker: { kind: 'outlet' } });

test('a sentence read as asserting is a doubt only where a falsity word rates a report: not "fake passports"', () => {
  assert.equal(doubt('The attackers travelled on fake passports.'), false);
  assert.equal(doubt('They tend to fake illnesses to get a day off.'), false);
  assert.equal(doubt('So I think it is a made-up term.'), false);
  assert.equal(doubt('The video of the flood was a fake, the agency found.'), true);
  assert.equal(doubt('The latest hoax spread quickly on social media.'), true);
  assert.equal(doubt('That was not the case, officials said.'), true);
  assert.equal(doubt('However, this was not the case when the rats were given three pellets.'), false);
});

test('rejecting or dismissing a suggestion, claim or report "that …" is a denial of what follows; rejecting a claim for money is not', () => {
  assert.equal(doubt('Northfield Hide rejects the suggestion that the wall of its lagoon gave way.'), true);
  assert.equal(doubt('The ministry dismissed claims that the dam had been opened early.'), true);
  assert.equal(doubt('The insurer rejected the claim for damages filed by the farmers.'), false);
  assert.equal(doubt("The company also rejects the suggestion, made in the auditors' report, that funds went to its parent."), true);
});

test('a report called false that says what it reports denies that point, not the story: "claims that X received €14 million are false"', () => {
  assert.equal(detectRefutation('Claims that the company received €14.2 million are false.')?.aboutReport, false);
  assert.equal(detectRefutation('Reports that the mayor had resigned were false, the council said.')?.aboutReport, false);
  assert.equal(detectRefutation('These claims are false.')?.aboutReport, true);
  assert.equal(detectRefutation('The story is false.')?.aboutReport, true);
  assert.equal(detectRefutation('The viral claim of three deaths in Tambara is false.')?.aboutReport, false);
  assert.equal(detectRefutation('The claims of the minister are false.')?.aboutReport, true);
});

test('"falsely" rates a saying, a label or an accusation, not an act', () => {
  assert.equal(doubt('A second vessel was falsely transmitting the position of the ship.'), false);
  assert.equal(doubt('The agency published tracking data falsely showing the ship in port.'), false);
  assert.equal(doubt('The minister falsely claimed that the ship had sunk.'), true);
  assert.equal(doubt('The paper falsely described him as the gunman.'), true);
  assert.equal(doubt('The paper found the video to have been falsely doctored.'), true);
});

test('not a denial: no answer given ("did not say whether"), a trek not made, an event called off', () => {
  assert.equal(doubt('Over a thousand were reported to have reached the town, but most did not make the final trek to the base.'), false);
  assert.equal(
    doubt('While the nominee did not say in the debate whether he supports the changes, another candidate proposed a plan.'),
    false,
  );
  assert.equal(doubt("One of the big tournaments didn't happen last year, but hopefully it will happen this year."), false);
  assert.equal(doubt('Einstein never said that, the archive says.'), true);
  assert.equal(doubt('The minister did not make the statement attributed to him.'), true);
  assert.equal(doubt('The meeting never happened, the ministry said.'), true);
});

test('questions answered are not questions raised, whoever asked them', () => {
  assert.equal(doubt('The mission tries to answer these questions about life elsewhere in the universe.'), false);
  assert.equal(doubt('The candidate responded to a reporter\'s question about the city with "What is it?"'), false);
  assert.equal(doubt('Questions remain about how the attackers entered the country.'), true);
  assert.equal(doubt('Is the bridge safe? Questions about its cables remain?'), true);
});

test('a refusal is not a denial: "denied funding", "denied the appeal"', () => {
  assert.equal(detectStance('The minister urged people to deny terrorism any victory.').stance, 'asserts');
  assert.equal(detectStance('Congress has repeatedly denied funding for such a wall.').stance, 'asserts');
  assert.equal(detectStance('The court denied the appeal on Monday.').stance, 'asserts');
  assert.equal(detectStance('The ministry denied the report on Monday.').stance, 'denies');
});

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
