import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractQuantities, parseNumber } from '../../../server/src/core/claims';
import type { Quantity } from '../../../server/src/core/model';

type Want = Partial<Pick<Quantity, 'value' | 'low' | 'high' | 'qualifier' | 'measure' | 'counted' | 'noun'>> & {
  /** the figure phrase as written (span text) */
  text?: string;
};

/**
 * Sentences marked (wn) are quoted from Wikinews 2019 articles (CC BY 2.5, /work/shared/data/wikinews);
 * the others are written for these tests. None comes from the product's demo corpus.
 */
const CASES: Array<[string, Want[]]> = [
  // --- figures from real news (wn) ---
  [
    'A total of 39 are confirmed dead, officials told state media, adding that rescuers ended their work yesterday.',
    [{ value: 39, qualifier: 'exact', measure: 'killed', counted: 'people', text: 'A total of 39' }],
  ],
  [
    'The 1973 building was home to over 1,000 people; 48 apartments were damaged.',
    [
      { value: 1000, qualifier: 'more-than', low: 1001, high: Infinity, measure: 'other', counted: 'people' },
      { value: 48, measure: 'other', counted: 'other', noun: 'apartments' },
    ],
  ],
  [
    'Rescue work resumed on Wednesday, with additional bodies recovered increasing the confirmed death toll from fourteen to 31.',
    [{ value: 31, measure: 'killed', counted: 'people' }],
  ],
  [
    'Officials said three people died; their identities were not provided.',
    [{ value: 3, measure: 'killed', counted: 'people', text: 'three people' }],
  ],
  [
    'The blaze killed three, including a 92-year-old woman, and injured sixteen, including a baby.',
    [
      { value: 3, measure: 'killed', counted: 'people' },
      { value: 16, measure: 'wounded', counted: 'people' },
    ],
  ],
  [
    'Cuban roads suffer a large number of accidents; 2018 saw 11,187 recorded accidents leading to 750 deaths and 7,999 injuries.',
    [
      { value: 11187, measure: 'other', counted: 'other' },
      { value: 750, measure: 'killed' },
      { value: 7999, measure: 'wounded' },
    ],
  ],
  ['Taliban spokesperson Zabiullah Mujahid claimed 190 were dead.', [{ value: 190, measure: 'killed', counted: 'people' }]],
  [
    "Reuters reported Monday's attack the deadliest since an assault in Ghazni in August 2018, with officials reporting at the time 150 security forces, 95 civilians, and hundreds of Taliban killed.",
    [
      { value: 150, measure: 'killed', counted: 'security' },
      { value: 95, measure: 'killed', counted: 'people' },
      { value: 200, low: 200, high: 999, measure: 'killed', counted: 'attackers', text: 'hundreds of Taliban' },
    ],
  ],
  [
    'Abdurrahman Mangal, spokesperson for the provincial governor, said the attack had killed twelve and injured twelve more.',
    [
      { value: 12, measure: 'killed' },
      { value: 12, measure: 'wounded' },
    ],
  ],
  [
    'Last week a Kabul car bombing killed five and wounded 110, another attack ascribed to the Taliban.',
    [
      { value: 5, measure: 'killed' },
      { value: 110, measure: 'wounded' },
    ],
  ],
  [
    'Mijares further claimed 90 civilians were wounded, as were seventeen from the Armed Forces.',
    [
      { value: 90, measure: 'wounded', counted: 'people' },
      { value: 17, measure: 'wounded' },
    ],
  ],
  [
    "At least five other civilians reportedly also died in last night's attack; around twenty more, including colleague Faisal al-Thubhani, were injured.",
    [
      { value: 5, qualifier: 'at-least', low: 5, high: Infinity, measure: 'killed', counted: 'people' },
      { value: 20, qualifier: 'about', low: 18, high: 22, measure: 'wounded' },
    ],
  ],
  [
    'The first attack reportedly was in Al Noor Mosque at about 13:40 local time (0040 UTC), which left at least 42 people dead.',
    [{ value: 42, qualifier: 'at-least', measure: 'killed', counted: 'people' }],
  ],
  // (a time, no count: a duration)
  [
    'Police arrested the accused in the neighborhood of Strickland Street, 36 minutes after the mass shooting.',
    [{ value: 36, measure: 'duration', noun: 'minutes' }],
  ],
  [
    'Sixty-six people or more were injured yesterday according to health officials, ranging in age from eleven to 75.',
    [{ value: 66, qualifier: 'at-least', measure: 'wounded', counted: 'people', text: 'Sixty-six people or more' }],
  ],
  [
    'More than 1000 people have been arrested since the protests began in June, according to The Guardian.',
    [{ value: 1000, qualifier: 'more-than', measure: 'arrested', counted: 'people' }],
  ],
  [
    "In the DRC's current Ebola outbreak, two thirds of those known to be infected with Ebola, over 1800 people, have died.",
    [{ value: 1800, qualifier: 'more-than', measure: 'killed', counted: 'people' }],
  ],
  [
    'Prime minister Hubert Minnis said yesterday night that twenty people have been confirmed killed.',
    [{ value: 20, measure: 'killed', counted: 'people' }],
  ],
  [
    'Police said over a hundred people attended the party, located in Allegheny County, four of whom were injured in the shooting.',
    [
      // (a crowd: how many attended)
      { value: 100, qualifier: 'more-than', measure: 'attended', counted: 'people' },
      { value: 4, measure: 'wounded' },
    ],
  ],
  [
    'Madrid District Hospital treated 25 wounded people who evacuated to the hospital.',
    [{ value: 25, measure: 'wounded', counted: 'people' }],
  ],
  [
    'Kurdi, his brother, and his mother were among eleven migrants who died in a storm on the Mediterranean Sea in 2015.',
    [{ value: 11, measure: 'killed', counted: 'people', noun: 'migrants' }],
  ],
  ['Police arrested a 36-year-old Cheltenham man on suspicion of conspiracy to burgle.', []],
  [
    'They arrested three for "suspicion of trespassing" and another for an incident related to alcohol.',
    [{ value: 3, measure: 'arrested', counted: 'people' }],
  ],
  [
    "Chelyabinsk's governor has promised each victim will be subject to a payout of one million rubles.",
    [{ value: 1e6, measure: 'money', counted: 'other', noun: 'rubles' }],
  ],
  [
    'Klimov indicated "presumably between 36 and 40 people under the rubble".',
    [{ value: 36, low: 36, high: 40, counted: 'people', text: 'between 36 and 40 people' }],
  ],
  [
    'A road accident on a Florida highway near Gainesville on Thursday killed five children in a church bus.',
    [{ value: 5, measure: 'killed', counted: 'children' }],
  ],
  [
    'Dozens died in the attack, reportedly conducted by the Taliban.',
    [{ value: 24, low: 24, high: 99, measure: 'killed', counted: 'people', text: 'Dozens' }],
  ],
  ['The fire service said one child was among the dead.', [{ value: 1, counted: 'children' }]],

  // --- the hard ones (written for these tests) ---
  ['The death toll rose to 34 on Wednesday.', [{ value: 34, measure: 'killed', counted: 'people' }]],
  [
    '34 people were killed and more than 180 wounded.',
    [
      { value: 34, qualifier: 'exact', measure: 'killed', counted: 'people' },
      { value: 180, qualifier: 'more-than', low: 181, high: Infinity, measure: 'wounded' },
    ],
  ],
  [
    'About 500 had traveled to Syria and almost 300 had returned, the minister said.',
    [
      { value: 500, qualifier: 'about', low: 450, high: 550, measure: 'travelled' },
      { value: 300, qualifier: 'almost', low: 270, high: 300, measure: 'returned' },
    ],
  ],
  [
    'The gunmen opened fire, killing 3 and injuring 20.',
    [
      { value: 3, measure: 'killed' },
      { value: 20, measure: 'wounded' },
    ],
  ],
  [
    'The bombings left 32 victims plus three bombers dead.',
    [
      { value: 32, measure: 'killed', counted: 'people' },
      { value: 3, measure: 'killed', counted: 'attackers' },
      { value: 35, measure: 'killed', counted: 'other', text: '32 victims plus three bombers' },
    ],
  ],
  [
    'The death toll stands at 35: 32 victims plus three bombers.',
    [
      { value: 35, measure: 'killed' },
      { value: 32, measure: 'killed', counted: 'people' },
      { value: 3, measure: 'killed', counted: 'attackers' },
    ],
  ],
  ['Seven assailants died in the raid.', [{ value: 7, measure: 'killed', counted: 'attackers' }]],
  ['The attackers killed 130 people across the city.', [{ value: 130, measure: 'killed', counted: 'people' }]],
  ['In all, 130 people were killed.', [{ value: 130, measure: 'killed', counted: 'people' }]],
  ['89 concert-goers were gunned down at the theatre.', [{ value: 89, measure: 'killed', counted: 'people', noun: 'concert-goers' }]],
  ['The union pledged 400 million euros to the reconstruction fund.', [{ value: 4e8, measure: 'money', counted: 'other' }]],
  ['Investigators had a list of 400 people who had travelled to the region.', [{ value: 400, measure: 'listed', counted: 'people' }]],
  ['Hundreds of people were detained after the riots.', [{ value: 200, low: 200, high: 999, measure: 'arrested', counted: 'people' }]],
  [
    'Five children and two truck drivers were killed in the crash.',
    [
      { value: 5, measure: 'killed', counted: 'children' },
      { value: 2, measure: 'killed', counted: 'people' },
    ],
  ],
  [
    'Seven people, including two children, were killed.',
    [
      { value: 7, measure: 'killed', counted: 'people' },
      { value: 2, measure: 'killed', counted: 'children' },
    ],
  ],
  [
    'Up to 30 police officers were hurt in the clashes.',
    [{ value: 30, qualifier: 'up-to', low: 0, high: 30, measure: 'wounded', counted: 'security', noun: 'police officers' }],
  ],
  [
    'Fewer than 20 soldiers were wounded.',
    [{ value: 20, qualifier: 'less-than', low: 0, high: 19, measure: 'wounded', counted: 'security' }],
  ],
  ['Some 2.5 million people fled the region.', [{ value: 2.5e6, qualifier: 'some', measure: 'other', counted: 'people' }]],
  ['Upwards of ninety residents were evacuated.', [{ value: 90, qualifier: 'more-than', counted: 'people' }]],
  ['Twenty-one militants were arrested in the raids.', [{ value: 21, measure: 'arrested', counted: 'attackers' }]],
  ['The explosion killed or injured 40 passengers.', [{ value: 40, measure: 'killed-and-wounded', counted: 'people' }]],
  ['At least 12 people were killed or injured.', [{ value: 12, measure: 'killed-and-wounded', counted: 'people' }]],
  ['There were 60 casualties, officials said.', [{ value: 60, measure: 'killed-and-wounded' }]],
  ['The attack left 15 dead and wounded.', [{ value: 15, measure: 'killed-and-wounded' }]],
  [
    'Police are holding eight suspects; three more are in custody in Belgium.',
    [
      { value: 8, measure: 'other', counted: 'attackers' },
      { value: 3, measure: 'arrested' },
    ],
  ],
  ['Nearly 300 have come back from the conflict zone.', [{ value: 300, qualifier: 'almost', measure: 'returned' }]],
  [
    'An estimated 5,000 Europeans have gone to fight in Syria.',
    [{ value: 5000, qualifier: 'about', measure: 'travelled', counted: 'people' }],
  ],
  ['Tens of thousands of protesters marched.', [{ value: 20000, low: 20000, high: 99999, counted: 'people' }]],
  ['A dozen suspects were detained overnight.', [{ value: 12, measure: 'arrested', counted: 'attackers' }]],
  ['Three police officers lost their lives in the ambush.', [{ value: 3, measure: 'killed', counted: 'security' }]],
  ['The gunman shot dead 14 worshippers.', [{ value: 14, measure: 'killed', counted: 'people' }]],
  ['As many as 200 fighters may have returned.', [{ value: 200, qualifier: 'up-to', measure: 'returned', counted: 'attackers' }]],

  // --- not counts ---
  ['The attack took place in 2015.', []],
  ['The suspect, 27, was arrested at 9 a.m. in the suburb.', []],
  ['The 28-year-old was born in Brussels.', []],
  ['He made a 24-minute call from a flat 5 km away three months before the attack.', [{ value: 3, measure: 'duration', noun: 'months' }]],
  ['The siege lasted 12 hours.', [{ value: 12, measure: 'duration', noun: 'hours', low: 11.75 / 24, high: 12.25 / 24 }]],
  ['One of the attackers was identified as a French national.', []],
  ['Police searched No. 10 Downing Street and Flight 9525 records.', []],
  ['The fourth attacker was never found.', []],
  // (shares are figures of their own measure)
  [
    'Turnout was 34 percent, up from 29% in 2010.',
    [
      { value: 34, measure: 'percent' },
      { value: 29, measure: 'percent' },
    ],
  ],
  ['The attack happened on November 13 at 21:20.', []],
  ['The 21st arrest came on 3 May.', []],
  ['1. The suspects rented a flat.', []],
  ['No one was hurt.', []],
  // (a ratio is a share: "one in five homes" is 20% of them)
  ['The city lost two thirds of its population; one in five homes burned.', [{ value: 20, measure: 'percent' }]],
  ['The home side won 3-1 on Saturday.', []],
  ['The MH17 crash and the F-16 purchase were discussed in the 1990s.', []],
  ['He was 95.', []], // wn
  ['According to the BBC, a spokeman for 10 Downing Street expressed disappointment.', []], // wn
  ['The ship sailed from July 13 to 17 of last year.', []],
  ['Johnson was impeached over perceived violations of the Tenure of Office Act of 1867.', []], // wn
  ['The nearest settlement to Area 51 is Rachel in Lincoln County.', []], // wn
  ['It is about 110 light-years from Earth; a year there lasts 33 Earth days.', []],
  [
    'He placed the value of the artwork in the range of five to six million US dollars.',
    [{ value: 5e6, low: 5e6, high: 6e6, measure: 'money', counted: 'other' }],
  ],
  // --- crowds and jobs lost ---
  [
    'Organisers said some 12,000 people took part in the march through Tromsø.',
    [{ value: 12000, qualifier: 'some', measure: 'attended', counted: 'people' }],
  ],
  ['Officers put the crowd at about 3,500.', [{ value: 3500, qualifier: 'about', measure: 'attended' }]],
  ['A crowd of 8,000 filled the stadium forecourt.', [{ value: 8000, measure: 'attended' }]],
  ['More than 40,000 fans turned out for the parade.', [{ value: 40000, qualifier: 'more-than', measure: 'attended', counted: 'people' }]],
  ['Nearly 900 demonstrators marched to the town hall.', [{ value: 900, qualifier: 'almost', measure: 'attended', counted: 'people' }]],
  ['The vigil drew 600 people.', [{ value: 600, measure: 'attended', counted: 'people' }]],
  ['The mill said 310 jobs would be lost.', [{ value: 310, measure: 'jobs', counted: 'people' }]],
  [
    'Some 450 workers will lose their jobs when the smelter shuts.',
    [{ value: 450, qualifier: 'some', measure: 'jobs', counted: 'people' }],
  ],
  ['The brewery laid off 75 staff in March.', [{ value: 75, measure: 'jobs', counted: 'people' }]],
  ['The union warned of 2,000 job losses.', [{ value: 2000, measure: 'jobs', counted: 'people', text: '2,000 job losses' }]],
  ['Ninety drivers were made redundant.', [{ value: 90, measure: 'jobs', counted: 'people' }]],
  ['Stewards said roughly 2,000 people were there.', [{ value: 2000, qualifier: 'about', measure: 'attended', counted: 'people' }]],
  ['Up to 220 employees will be affected by the restructuring.', [{ value: 220, qualifier: 'up-to', measure: 'jobs', counted: 'people' }]],
  // --- shares ---
  ['The inhaler cut severe attacks by 41% over the year.', [{ value: 41, measure: 'percent', counted: 'other', text: '41%' }]],
  [
    'Turnout was about 58 per cent, against 49 percent in 2019.',
    [
      { value: 58, qualifier: 'about', measure: 'percent', text: 'about 58 per cent' },
      { value: 49, measure: 'percent', text: '49 percent' },
    ],
  ],
  // (a share beside a count lends it no measure, nor takes one)
  [
    'Twelve people died, 25% of them children.',
    [
      { value: 12, measure: 'killed' },
      { value: 25, measure: 'percent' },
    ],
  ],
  // --- times taken ---
  [
    'The line opened 18 months late, after about three years of work.',
    [
      { value: 18, measure: 'duration', noun: 'months', low: 17.75 * 30.44, high: 18.25 * 30.44 },
      { value: 3, qualifier: 'about', measure: 'duration', noun: 'years' },
    ],
  ],
  // (an age, a time ago and a compound adjective are none)
  ['She is 45 years old, moved here two years ago, and was 9 years of age then; a 24-hour strike followed.', []],
  // --- the people aboard ---
  ['The ferry was carrying 180 passengers when it sank.', [{ value: 180, measure: 'aboard', counted: 'people' }]],
  ['More than 300 people were on board, survivors said.', [{ value: 300, qualifier: 'more-than', measure: 'aboard' }]],
  ['The operator put the number of passengers at 180.', [{ value: 180, measure: 'aboard' }]],
  // (a workforce is not jobs lost, and a list is not a crowd)
  ['The group employs about 2,800 people in Portugal.', [{ value: 2800, measure: 'other', counted: 'people' }]],
];

function check(sentence: string, want: Want[]): void {
  const got = extractQuantities(sentence);
  const brief = got.map((q) => `${q.qualifier} ${q.value} ${q.measure}/${q.counted} "${sentence.slice(q.span.start, q.span.end)}"`);
  assert.equal(got.length, want.length, `${sentence}\n  got: ${JSON.stringify(brief)}`);
  want.forEach((w, i) => {
    const q = got[i];
    for (const key of ['value', 'low', 'high', 'qualifier', 'measure', 'counted', 'noun'] as const) {
      if (w[key] !== undefined) assert.equal(q[key], w[key], `${sentence}\n  figure ${i} ${key}; got: ${brief[i]}`);
    }
    if (w.text !== undefined) assert.equal(sentence.slice(q.span.start, q.span.end), w.text, `${sentence}: span of figure ${i}`);
  });
}

for (const [sentence, want] of CASES) {
  test(`quantities: ${sentence.slice(0, 70)}`, () => check(sentence, want));
}

test('quantities: offset is added to spans', () => {
  const s = 'The attack killed 130 people.';
  const [q] = extractQuantities(s, 1000);
  assert.equal(q.span.start, 1000 + s.indexOf('130'));
  assert.equal(q.span.end, 1000 + s.indexOf('.'));
});

test('quantities: "about" is ±10%, "exact" is a point', () => {
  const [a] = extractQuantities('About 100 people died.');
  assert.deepEqual([a.low, a.high], [90, 110]);
  const [b] = extractQuantities('100 people died.');
  assert.deepEqual([b.low, b.high], [100, 100]);
});

test('quantities: attackers are never counted as people', () => {
  const [q] = extractQuantities('Seven assailants died.');
  assert.notEqual(q.counted, 'people');
});

test('parseNumber', () => {
  assert.equal(parseNumber('1,400'), 1400);
  assert.equal(parseNumber('34'), 34);
  assert.equal(parseNumber('2.5'), 2.5);
  assert.equal(parseNumber('ninety'), 90);
  assert.equal(parseNumber('twenty-one'), 21);
  assert.equal(parseNumber('Seven'), 7);
  assert.equal(parseNumber('dozen'), 12);
  assert.equal(parseNumber('hundreds'), 200);
  assert.equal(parseNumber('fourth'), undefined);
  assert.equal(parseNumber('one-two'), undefined);
  assert.equal(parseNumber('1,2,3'), undefined);
});

test('quantities: what is added to a count is no count ("seven more bodies", "another 12", "a further 31")', () => {
  for (const s of [
    'Rescuers recovered seven more bodies on Thursday.',
    'Another 12 people were killed overnight.',
    'A further 31 people were treated in hospital.',
    'Nine more people died.',
  ])
    assert.deepEqual(
      extractQuantities(s).filter((q) => q.measure !== 'other'),
      [],
      s,
    );
  // (a difference is no increment of the count: "seven more than" keeps the figure, as before)
  assert.equal(extractQuantities('At least 66 people or more died.')[0].low, 66);
  assert.equal(extractQuantities('The toll rose to 19 on Thursday.')[0].low, 19);
});

test('quantities: those taken to hospital are among the hurt ("admitted to hospital", "in hospital"); "Rs. 25,000" is a sum', () => {
  const m = (s: string) => extractQuantities(s).map((q) => [q.value, q.measure]);
  assert.deepEqual(m('Eighty-seven pupils were admitted to hospital after the meal.'), [[87, 'wounded']]);
  assert.deepEqual(m('Nine children were taken to the hospital in Kurunegala.'), [[9, 'wounded']]);
  assert.deepEqual(m('About 40 people remain in hospital.'), [[40, 'wounded']]);
  assert.deepEqual(m('She was admitted to the bar in 1990 with 3 others.'), [[3, 'other']]);
  assert.deepEqual(m('The department will pay Rs. 10,000 to each family of a child admitted to hospital.'), [[10000, 'money']]);
});

test('quantities: more currencies by name ("1.2 million lei", "500 hryvnias"); "at 4.8 million lei" is a sum, "at 9.30" a time', () => {
  const m = (s: string) => extractQuantities(s).map((q) => [q.value, q.measure]);
  assert.deepEqual(m('Reprinting the paper will cost 1.2 million lei.'), [[1.2e6, 'money']]);
  assert.deepEqual(m('A memo puts the cost of reprinting at 4.8 million lei.'), [[4.8e6, 'money']]);
  assert.deepEqual(m('Each family will get 500 hryvnias.'), [[500, 'money']]);
  assert.deepEqual(m('Inflation stood at 4.8% in May.'), [[4.8, 'percent']]);
  assert.deepEqual(m('They met at 9.30 in the hall.'), []);
  // (words that are also currencies' names but as often something else stay out)
  assert.deepEqual(m('Rescuers found 3 real survivors.'), [[3, 'other']]);
});

test('quantities: an ISO code before a sum ("SBD 4 million", "KES 2,000"), not a word in capitals; the people trapped; "one in five"', () => {
  const m = (s: string) => extractQuantities(s).map((q) => [q.value, q.measure]);
  assert.deepEqual(m('Vendors lost stock worth about SBD 4 million.'), [[4e6, 'money']]);
  assert.deepEqual(m('Each family got KES 2,000 and MWK 15,000.'), [
    [2000, 'money'],
    [15000, 'money'],
  ]);
  assert.deepEqual(m('The TOP 10 list gave ALL 5 points.'), [
    [10, 'other'],
    [5, 'other'],
  ]);
  assert.deepEqual(m('Ninety-seven people were stuck in the cabins.'), [[97, 'stranded']]);
  // a share told as a ratio
  const r = (s: string) => extractQuantities(s).map((q) => [q.value, q.qualifier, q.measure]);
  assert.deepEqual(r('Fewer than one in five stallholders had any insurance.'), [[20, 'less-than', 'percent']]);
  assert.deepEqual(r('Divers reached the wreck within 90 minutes.'), [[90, 'at-most', 'duration']]);
  assert.deepEqual(r('Nine out of 10 doctors agree, and two in every three nurses.'), [
    [90, 'exact', 'percent'],
    [66.7, 'exact', 'percent'],
  ]);
  assert.deepEqual(m('More than 130 people were trapped when the line stopped.'), [[130, 'stranded']]);
});

test('quantities: a parenthetical between dashes is skipped to the verb, and a figure right after the dash is the same count told exactly', () => {
  const m = (s: string) => extractQuantities(s).map((q) => [q.value, q.qualifier, q.measure]);
  assert.deepEqual(m('More than a hundred people — 112 by our count, most of them drivers — have been detained by the police.'), [
    [100, 'more-than', 'arrested'],
    [112, 'exact', 'arrested'],
  ]);
  assert.deepEqual(m('Some 40 people – mostly students – were arrested.'), [[40, 'some', 'arrested']]);
});
