/**
 * Word lists for the claim analysers. Built once at module load; lookups are Map/Set hits.
 */
import type { Counted, Measure } from '../model';
import { setOf } from './tokens';

export const SMALL_NUMBERS: ReadonlyMap<string, number> = new Map([
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['thirteen', 13],
  ['fourteen', 14],
  ['fifteen', 15],
  ['sixteen', 16],
  ['seventeen', 17],
  ['eighteen', 18],
  ['nineteen', 19],
  ['twenty', 20],
  ['thirty', 30],
  ['forty', 40],
  ['fifty', 50],
  ['sixty', 60],
  ['seventy', 70],
  ['eighty', 80],
  ['ninety', 90],
]);

export const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12],
]);

/** attached abbreviations after digits: "$400m", "€1.2bn" */
export const SCALE_ABBR: ReadonlyMap<string, number> = new Map([
  ['k', 1e3],
  ['m', 1e6],
  ['mn', 1e6],
  ['mln', 1e6],
  ['bn', 1e9],
  ['b', 1e9],
  ['tn', 1e12],
]);

/** vague plural counts: [low, high] */
export const VAGUE: ReadonlyMap<string, [number, number]> = new Map([
  ['dozens', [24, 99]],
  ['scores', [40, 99]],
  ['hundreds', [200, 999]],
  ['thousands', [2000, 9999]],
  ['millions', [2e6, 999e6]],
  ['billions', [2e9, 999e9]],
]);

/** words after a number that make it a measurement, duration, time or age, not a count */
export const UNITS = setOf(`
  year years yr yrs month months week weeks day days hour hours hr hrs h minute minutes min mins
  second seconds sec secs decade decades century centuries night nights weekend weekends
  km kms kilometre kilometres kilometer kilometers metre metres meter meters m mile miles mi
  foot feet ft yard yards inch inches cm mm kg kilogram kilograms kilo kilos gram grams g
  tonne tonnes ton tons lb lbs litre litres liter liters gallon gallons acre acres hectare hectares
  sq square percent pc percentage degree degrees storey storeys story stories floor floors
  times mph kph knots magnitude am pm gmt utc bst cet cest est edt pst pdt o'clock hrs
  year-old years-old month-old week-old day-old light-year light-years
`);

export const MONTHS = setOf(`
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
`);

export const WEEKDAYS = setOf('monday tuesday wednesday thursday friday saturday sunday');

/** ISO 4217 codes before a sum ("SBD 4 million", "KES 2,000"), as the runtime's ICU data lists them; not those that are
 * English words in capitals ("ALL 5", "TOP 10") */
const CURRENCY_CODES = new Set(
  [
    'USD',
    'EUR',
    'GBP',
    'CHF',
    'ZAR',
    'INR',
    'JPY',
    'CNY',
    'AUD',
    'CAD',
    'NZD',
    'SEK',
    'NOK',
    'DKK',
    'BRL',
    'MXN',
    'ARS',
    'PEN',
    'KES',
    'NGN',
  ]
    .concat(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [])
    .filter((c) => !/^(?:ALL|TOP|CUP|MOP)$/.test(c)),
);

/** Whether a word is a currency's ISO code, in capitals ("SBD"). */
export function isCurrencyCode(w: string): boolean {
  return CURRENCY_CODES.has(w);
}

export const CURRENCY_WORDS = setOf(`
  euro euros dollar dollars pound pounds sterling ruble rubles rouble roubles yen yuan renminbi
  franc francs rupee rupees peso pesos dinar dinars lira liras riyal riyals dirham dirhams
  krona kronor kroner krone shekel shekels usd eur gbp chf
  leu lei lari tenge manat hryvnia hryvnias zloty zlotys zlotych forint forints koruna korunas
  reais soles boliviano bolivianos naira cedi cedis birr kwacha shilling shillings rand baht
  ringgit rupiah taka kyat riel
`);

export const CURRENCY_SYMBOLS = setOf('$ € £ ¥ ₹ ₽');

/** words before a number that make it a reference ("No. 10", "Flight 370") */
export const REF_WORDS = setOf(`
  no nos number # article flight route room gate terminal page pages chapter section line platform
  level category grade stage phase paragraph resolution bus highway interstate channel apollo unit
  lot block ward district arrondissement act clause item exhibit case episode season volume vol
  version model pier bay track runway zone sector code area week
`);

/** words that, just before a number, show a date/year context */
export const DATE_PREPS = setOf(`
  in since by until till from during early late mid of before after through throughout circa
  spring summer autumn fall winter
`);

export const FRACTIONS = setOf(`
  half halves third thirds quarter quarters fifth fifths sixth sixths tenth tenths
`);

const COUNTED_LISTS: Array<[Counted, string]> = [
  [
    'people',
    `people persons person civilians civilian victims victim concert-goers concertgoers goers
     passengers passenger residents resident worshippers worshipers worshipper pilgrims migrants refugees
     tourists workers worker employees staff men women man woman individuals protesters demonstrators
     fans spectators guests patrons bystanders citizens nationals inhabitants villagers hostages
     survivors adults adult pedestrians shoppers diners customers visitors commuters travellers
     travelers drivers driver crew members journalists reporters doctors nurses patients voters
     teachers families others foreigners muslims christians jews britons frenchmen occupants
     rescuers firefighters volunteers prisoners inmates detainees miners sailors fishermen
     mourners attendees participants athletes players students`,
  ],
  [
    'children',
    `children child kids kid minors minor teenagers teenager teens babies baby infants infant girls
     boys girl boy schoolchildren pupils schoolgirls schoolboys toddlers`,
  ],
  [
    'attackers',
    `attackers attacker assailants assailant bombers bomber gunmen gunman militants militant
     terrorists terrorist suspects suspect jihadis jihadi jihadists jihadist insurgents insurgent
     fighters fighter extremists extremist perpetrators perpetrator shooters shooter hijackers
     hijacker rebels rebel islamists radicals taliban kidnappers captors combatants`,
  ],
  [
    'security',
    `police policemen policeman policewomen officers officer soldiers soldier troops servicemen
     servicemembers personnel guards guard gendarmes gendarme forces marines commandos
     peacekeepers paratroopers agents`,
  ],
];

export const COUNTED: ReadonlyMap<string, Counted> = (() => {
  const m = new Map<string, Counted>();
  for (const [c, words] of COUNTED_LISTS) for (const w of setOf(words)) m.set(w, c);
  return m;
})();

/** single words that state a measure, wherever they sit near the figure */
export const MEASURE_WORDS: ReadonlyMap<string, Measure> = (() => {
  const m = new Map<string, Measure>();
  const add = (measure: Measure, words: string) => {
    for (const w of setOf(words)) m.set(w, measure);
  };
  add(
    'killed',
    `killed kill kills killing died die dies dead perished murdered slain executed
    massacred deaths death fatalities toll bodies`,
  );
  add(
    'wounded',
    `wounded wounding injured injuring injures injuries hurt hospitalised hospitalized
    hospitalisations hospitalizations`,
  );
  add('killed-and-wounded', 'casualties');
  add(
    'arrested',
    `arrested arresting arrests detained detaining detains detentions apprehended
    detainees`,
  );
  add('travelled', 'travelled traveled travelling traveling');
  add('returned', 'returned returning returnees');
  // a crowd: "4,000 people took part" (`predicateAt`), "25,000 people marched", "the police put the crowd at 4,000"
  add('attended', 'attended marched rallied protested demonstrated gathered crowd crowds turnout attendance');
  // jobs lost: "640 jobs", "1,100 workers will lose their jobs", "300 redundancies"
  add('jobs', 'jobs redundancies layoffs lay-offs retrenchments');
  // aboard: "212 passengers were aboard" ("on board": `predicateAt`)
  add('aboard', 'aboard');
  // stranded: "97 people were stuck in the cabins", "more than 130 people were trapped"
  add('stranded', 'stranded trapped stuck marooned');
  return m;
})();

/** measure words allowed in the slot right after a number ("34 dead", "25 wounded people", "750 deaths") */
export const SLOT_MEASURES = setOf(`
  dead killed deaths fatalities bodies wounded injured hurt injuries casualties arrests arrested
  detained detainees returnees jobs job redundancies layoffs lay-offs retrenchments
`);

/** verbs that, just before a number, take it as object ("killed 130 people") */
export const TRANSITIVE: ReadonlyMap<string, Measure> = (() => {
  const m = new Map<string, Measure>();
  const add = (measure: Measure, words: string) => {
    for (const w of setOf(words)) m.set(w, measure);
  };
  add('killed', 'killed killing kills kill murdered murdering massacred executed slaughtered');
  add('wounded', 'injured injuring injures injure wounded wounding wounds wound hospitalised hospitalized');
  add('arrested', 'arrested arresting arrests arrest detained detaining detains detain apprehended');
  add('attended', 'attracted drew');
  // aboard: "the launch was carrying 212 passengers"
  add('aboard', 'carrying carried carries');
  return m;
})();

/** words that end the search for a number's noun */
export const NOUN_STOP = setOf(`
  were was is are be been being had have has will would could should may might can did do does
  and or but who whom which that than as in on at from to by with for into onto over under after
  before during since until while when where because if so not also all then there here this these
  those it its they them their he she his her we our you i said says told each
`);

/** words that end the forward search for a number's predicate */
export const FORWARD_STOP = setOf(`
  where when after before because while although though but since until than whereas if unless
`);

/** words allowed between two coordinated figures that share a predicate */
export const LINK_WORDS = setOf(`
  and or plus including as well with along another further also besides were was while among them
  of whom
`);

export const BE_WORDS = setOf('were was is are be been being');
