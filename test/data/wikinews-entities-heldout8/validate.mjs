// Validates the wikinews-entities-heldout8 gold set and prints counts per type: the first set's validator,
// pointed at this folder, which must hold exactly the 20 selected articles and none of the first set's or
// of the first, second, third, fourth, fifth, sixth or seventh held-out set's.
// Usage: node test/data/wikinews-entities-heldout8/validate.mjs   (WIKINEWS_DIR overrides the article folder)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import './tools/shared.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const EXPECTED = [
  ...['016', '025', '034', '043', '052', '070', '079', '097', '106', '113', '115', '124', '133', '142', '151', '160', '169']
    .map((n) => `wikinews-2019-${n}.json`),
  'wikinews-2020-007.json',
  'wikinews-2020-016.json',
  'wikinews-2020-026.json',
];
process.env.GOLD_EXPECTED = EXPECTED.join(',');
process.env.GOLD_NOT_IN = path.resolve(HERE, '../wikinews-entities');
// the first set's validator checks one other set; the seven earlier held-out sets are checked here
for (const dir of ['../wikinews-entities-heldout', '../wikinews-entities-heldout2', '../wikinews-entities-heldout3', '../wikinews-entities-heldout4', '../wikinews-entities-heldout5', '../wikinews-entities-heldout6', '../wikinews-entities-heldout7']) {
  const other = path.resolve(HERE, dir);
  if (!fs.existsSync(other)) {
    console.log(`ERROR missing ${other}`);
    process.exit(1);
  }
  const clash = EXPECTED.filter((f) => fs.existsSync(path.join(other, f)));
  if (clash.length) {
    console.log(`ERROR also in ${other}: ${clash.join(' ')}`);
    process.exit(1);
  }
}
await import('../wikinews-entities/validate.mjs');
