// Validates the wikinews-entities-heldout2 gold set and prints counts per type: the first set's validator,
// pointed at this folder, which must hold exactly the 20 selected articles and none of the first set's
// or the first held-out set's.
// Usage: node test/data/wikinews-entities-heldout2/validate.mjs   (WIKINEWS_DIR overrides the article folder)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import './tools/shared.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const EXPECTED = [
  ...['008', '017', '026', '035', '044', '053', '062', '071', '080', '089', '098', '107', '116', '125', '134', '143', '152', '161', '170']
    .map((n) => `wikinews-2019-${n}.json`),
  'wikinews-2020-008.json',
];
process.env.GOLD_EXPECTED = EXPECTED.join(',');
process.env.GOLD_NOT_IN = path.resolve(HERE, '../wikinews-entities');
// the first set's validator checks one other set; the first held-out set is checked here
const heldout = path.resolve(HERE, '../wikinews-entities-heldout');
const clash = EXPECTED.filter((f) => fs.existsSync(path.join(heldout, f)));
if (clash.length) {
  console.log(`ERROR also in ${heldout}: ${clash.join(' ')}`);
  process.exit(1);
}
await import('../wikinews-entities/validate.mjs');
