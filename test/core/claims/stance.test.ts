import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectStance } from '../../../server/src/core/claims';
import type { Stance } from '../../../server/src/core/model';

const CASES: Array<[string, Stance, string | undefined, { isHeading?: boolean }?]> = [
  ['Is Turkey behind the harbour bombing?', 'questions', '?'],
  ['Who ordered the attack on the embassy?"', 'questions', '?'],
  ['Is the minister behind the leak', 'questions', 'Is', { isHeading: true }],
  ['It is unclear whether the suspect acted alone.', 'questions', 'It is unclear whether'],
  ['It is not clear why the guards left their posts.', 'questions', 'It is not clear why'],
  ['It remains to be seen whether the ceasefire will hold.', 'questions', 'It remains to be seen'],
  ['Whether he was ever in Syria remains unclear.', 'questions', 'remains unclear'],
  ['Questions remain over the role of the intelligence services.', 'questions', 'Questions remain'],
  ['The minister blamed the rebels without evidence.', 'questions', 'without evidence'],
  ['There is no evidence that the group was behind the blast.', 'questions', 'no evidence'],
  ['The claim, first made on social media, is unverified.', 'questions', 'unverified'],
  ['Unconfirmed reports said a second gunman had fled.', 'questions', 'Unconfirmed'],
  ['The group denied any role in the attack.', 'denies', 'denied'],
  ['The government denies the allegations.', 'denies', 'denies'],
  ['The ministry rejected the claim as propaganda.', 'denies', 'rejected the claim'],
  ['Officials dismissed any connection between the two cases.', 'denies', 'dismissed any connection'],
  ['The report was later refuted by the police.', 'denies', 'refuted'],
  ['Police said there was no link to terrorism.', 'denies', 'there was no'],
  ['The family insists he was not responsible.', 'denies', 'not responsible'],
  ['His lawyer said he did not carry out the shooting.', 'denies', 'did not carry out'],
  ['He was falsely accused of planning the attack.', 'denies', 'falsely accused'],
  ['The alleged ringleader was killed in a raid.', 'hedges', 'alleged'],
  ['The man allegedly supplied the weapons.', 'hedges', 'allegedly'],
  ['The bomber reportedly trained abroad.', 'hedges', 'reportedly'],
  ['A video purportedly shows the gunman.', 'hedges', 'purportedly'],
  ['Two men suspected of helping him were held.', 'hedges', 'suspected'],
  ['He is believed to have fled to Morocco.', 'hedges', 'believed to have'],
  ['The cell may have planned further attacks.', 'hedges', 'may have'],
  ['The bomb might have been detonated remotely.', 'hedges', 'might have'],
  ['The fire was probably started deliberately.', 'hedges', 'probably'],
  ['He apparently changed cars in Lille.', 'hedges', 'apparently'],
  ['If true, that would make him the fifth member of the cell.', 'hedges', 'If true'],
  ['The group claimed to have carried out the attack.', 'hedges', 'claimed to'],
  // negation scope
  ['Not only did he rent the flat, but he also drove the car.', 'asserts', undefined],
  ['He no longer lives in the city.', 'asserts', undefined],
  ['He was denied bail on Monday.', 'asserts', undefined],
  // questions answered, fielded or taken, as in an interview, put nothing in doubt; questions raised still do
  ['The candidate answered some questions about his campaign from our reporter.', 'asserts', undefined],
  ['The mayor fielded questions about the new bridge for an hour.', 'asserts', undefined],
  ['She took reporters’ questions about the merger after the vote.', 'asserts', undefined],
  ['The minister responded to questions about the budget in parliament.', 'asserts', undefined],
  ['She received questions about her talk from viewers all week.', 'asserts', undefined],
  ['If you have any questions about the new law, call the office.', 'asserts', undefined],
  ['The audit raised questions about the accuracy of the figures.', 'questions', 'questions about'],
  ['Questions about the death toll persist.', 'questions', 'Questions about'],
  ['He used false passports to enter the country.', 'asserts', undefined],
  ['There was no immediate claim of responsibility.', 'asserts', undefined],
  ['He did not deny knowing the attackers.', 'hedges', 'did not deny'],
  ['The attackers killed 130 people.', 'asserts', undefined],
  // order: questions > denies > hedges
  ['The group denied the alleged link, and it is unclear whether police believe it.', 'questions', 'it is unclear whether'],
  ['The alleged organiser denied involvement.', 'denies', 'denied'],
  // the cause given is in doubt; not a cause hidden from view
  [
    'The union accused the operator of hiding the real cause of the collapse behind talk of an earthquake.',
    'questions',
    'hiding the real cause',
  ],
  ['Crews were hiding the equipment from the rain.', 'asserts', undefined],
  [
    'The man was released by a judge who found the evidence against him insufficient to justify holding him.',
    'questions',
    'evidence against him insufficient',
  ],
  ['Charges were dropped for lack of evidence.', 'questions', 'lack of evidence'],
  ['The evidence was sufficient to convict him.', 'asserts', undefined],
];

for (const [s, stance, cue, ctx] of CASES) {
  test(`stance: ${s}`, () => {
    const r = detectStance(s, ctx);
    assert.equal(r.stance, stance, JSON.stringify(r));
    assert.equal(r.cue, cue, JSON.stringify(r));
  });
}
