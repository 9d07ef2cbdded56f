import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectSpeaker } from '../../../server/src/core/claims';
import type { Speaker } from '../../../server/src/core/model';

// (wn) marks sentences quoted from Wikinews 2019 articles (CC BY 2.5); the rest are written for the tests.
const CASES: Array<[string, Speaker, { insideQuote?: boolean }?]> = [
  ['Officials said three people died; their identities were not provided.', { kind: 'attributed', name: 'Officials', cue: 'said' }], // wn
  [
    'A total of 39 are confirmed dead, officials told state media, adding that rescuers ended their work yesterday.',
    { kind: 'attributed', name: 'officials', cue: 'told' },
  ], // wn
  [
    '"The search and rescue operation is complete," Deputy Emergency Situations Minister Alexander Chupriyan told TASS on Wednesday.',
    { kind: 'quoted', name: 'Deputy Emergency Situations Minister Alexander Chupriyan', cue: 'told' },
  ], // wn
  [
    'Abdurrahman Mangal, spokesperson for the provincial governor, said the attack had killed twelve and injured twelve more.',
    { kind: 'attributed', name: 'Abdurrahman Mangal', cue: 'said' },
  ], // wn
  [
    'The Investigative Committee and the Federal Security Service (FSB) said they believe gas was the trigger.',
    { kind: 'attributed', name: 'The Investigative Committee and the Federal Security Service (FSB)', cue: 'said' },
  ],
  [
    'Taliban spokesperson Zabiullah Mujahid claimed 190 were dead.',
    { kind: 'attributed', name: 'Taliban spokesperson Zabiullah Mujahid', cue: 'claimed' },
  ], // wn
  [
    'More than 1000 people have been arrested since the protests began in June, according to The Guardian.',
    { kind: 'attributed', name: 'The Guardian', cue: 'according to' },
  ], // wn
  [
    'The gunman entered through the back door, according to a senior government official and a security source.',
    { kind: 'attributed', name: 'a senior government official and a security source', cue: 'according to' },
  ],
  ['According to police, the suspect fled on foot.', { kind: 'attributed', name: 'police', cue: 'According to' }],
  ['The men had been under surveillance, local police sources say.', { kind: 'attributed', name: 'local police sources', cue: 'say' }],
  [
    '"We have to learn from this," said Clara Dupont, who heads the senate inquiry into the attacks.',
    { kind: 'quoted', name: 'Clara Dupont', cue: 'said' },
  ],
  ['"He was not a religious man," Martens told Reuters.', { kind: 'quoted', name: 'Martens', cue: 'told' }],
  ['\u201cIt was chaos,\u201d a witness said.', { kind: 'quoted', name: 'a witness', cue: 'said' }],
  ['\u2018We heard three shots,\u2019 said the caretaker.', { kind: 'quoted', name: 'the caretaker', cue: 'said' }],
  // an appositive's name, not the few lower-case words after the verb
  [
    'John Hutchinson, a biologist at the Royal Veterinary College, said the study was small.',
    { kind: 'attributed', name: 'John Hutchinson', cue: 'said' },
  ],
  ['The mayor, speaking after the vote, said the bridge would reopen.', { kind: 'attributed', name: 'The mayor', cue: 'said' }],
  // … but an inverted speaker that reads as one stays
  ['Zebra stripes may dazzle horse flies, say scientists', { kind: 'attributed', name: 'scientists', cue: 'say' }],
  [
    'The gunman shot shoppers in El Paso, Texas, with the death toll rising to 22, officials said.',
    { kind: 'attributed', name: 'officials', cue: 'said' },
  ],
  ['Prosecutors say the brothers rented the flat under false names.', { kind: 'attributed', name: 'Prosecutors', cue: 'say' }],
  ['The mayor warned that more raids would follow.', { kind: 'attributed', name: 'The mayor', cue: 'warned' }],
  ['The ministry estimated that 500 citizens had left.', { kind: 'attributed', name: 'The ministry', cue: 'estimated' }],
  // a word that only trails a name is no name on its own; who is told is not who tells
  ['A local councillor, Jill Tolles, also said the bridge was unsafe.', { kind: 'attributed', name: 'Jill Tolles', cue: 'said' }],
  [
    'One activist, Nur Khan Liton, on Sunday told Agence France-Presse the fire was set on purpose.',
    { kind: 'attributed', name: 'Nur Khan Liton', cue: 'told' },
  ],
  // an appositive that opens in lower case is no name, even with a capital after its first word
  ['His wife Jonna Mendez, also CIA, said the work was secret.', { kind: 'attributed', name: 'His wife Jonna Mendez', cue: 'said' }],
  // a capital mid-sentence is a name's word, not a verb of saying
  ['The United States Department of Defense justified the strike.', { kind: 'outlet' }],
  [
    'The United States government claims the airline flies arms.',
    { kind: 'attributed', name: 'The United States government', cue: 'claims' },
  ],
  ['Reports say the bridge is closed.', { kind: 'attributed', name: 'Reports', cue: 'say' }],
  // a time before the name, a word after it, an adverb after a passive: no part of a speaker
  [
    'On Thursday the local health secretary reported one more case.',
    { kind: 'attributed', name: 'the local health secretary', cue: 'reported' },
  ],
  [
    'The scientists behind the study only noted several hypotheses.',
    { kind: 'attributed', name: 'The scientists behind the study', cue: 'noted' },
  ],
  ["As of yesterday, the fire's cause had not been officially stated.", { kind: 'outlet' }],
  ['The family said they planned a private funeral.', { kind: 'attributed', name: 'The family', cue: 'said' }],
  [
    'Amazon Environmental Research Institute Director Ane Alencar, in remarks to a news site, said the fires had grown.',
    { kind: 'attributed', name: 'Amazon Environmental Research Institute Director Ane Alencar', cue: 'said' },
  ],
  ["It was different when I was, let's say, eighteen.", { kind: 'outlet' }],
  ['American Samoans, unlike people born in the fifty states, do not gain citizenship at birth.', { kind: 'outlet' }],
  ['West, who is running for president in multiple states, may not know of the nomination.', { kind: 'outlet' }],
  [
    'WHO director-general Tedros Adhanom Ghebreyesus said the name had to be easy to say.',
    { kind: 'attributed', name: 'WHO director-general Tedros Adhanom Ghebreyesus', cue: 'said' },
  ],
  // more verbs of saying
  [
    'John Hutchinson, a biologist at the Royal Veterinary College, questioned the findings, saying the sample was small.',
    { kind: 'attributed', name: 'John Hutchinson', cue: 'questioned' },
  ],
  ['Police questioned the suspect on Monday.', { kind: 'outlet' }],
  ['Senator Ana Ruiz remarked, "It has been a long fight."', { kind: 'attributed', name: 'Senator Ana Ruiz', cue: 'remarked' }],
  [
    'Judge Amy Jackson clarified that the two sentences were not connected.',
    { kind: 'attributed', name: 'Judge Amy Jackson', cue: 'clarified' },
  ],
  ['The mayor declared a state of emergency on Friday.', { kind: 'outlet' }],
  ['We will find them.', { kind: 'quoted', cue: 'quote' }, { insideQuote: true }],
  ['We will find them," the minister added.', { kind: 'quoted', name: 'the minister', cue: 'added' }, { insideQuote: true }],
  ['Some reports suggest a deliberate criminal act.', { kind: 'outlet' }], // wn
  ['In addition to the deaths, 33 were reported hospitalised.', { kind: 'outlet' }],
  ['An estimated 500 people attended the vigil.', { kind: 'outlet' }],
  ['The building collapsed on Monday.', { kind: 'outlet' }],
  ['The minister called it "what the people said they wanted".', { kind: 'outlet' }],
  // a wire's dateline is not part of the speaker
  ['WELKOM - The union said on Thursday that 26 people died.', { kind: 'attributed', name: 'The union', cue: 'said' }],
  ['NATO - The alliance said it would respond.', { kind: 'attributed', name: 'The alliance', cue: 'said' }],
];

for (const [s, want, ctx] of CASES) {
  test(`speaker: ${s.slice(0, 70)}`, () => {
    assert.deepEqual(detectSpeaker(s, ctx), want);
  });
}
