// Validates the wikinews-entities-heldout4 gold set and prints counts per type: the first set's validator,
// pointed at this folder, which must hold exactly the 20 selected articles and none of the first set's,
// the first held-out set's, the second held-out set's or the third held-out set's.
// Usage: node test/data/wikinews-entities-heldout4/validate.mjs   (WIKINEWS_DIR overrides the article folder)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import './tools/shared.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const EXPECTED = [
  ...['007', '015', '024', '033', '042', '051', '060', '069', '078', '088', '096', '105', '114', '123', '132', '141', '150', '159', '168']
    .map((n) => `wikinews-2019-${n}.json`),
  'wikinews-2020-006.json',
];
process.env.GOLD_EXPECTED = EXPECTED.join(',');
process.env.GOLD_NOT_IN = path.resolve(HERE, '../wikinews-entities');
// the first set's validator checks one other set; the three earlier held-out sets are checked here
for (const dir of ['../wikinews-entities-heldout', '../wikinews-entities-heldout2', '../wikinews-entities-heldout3']) {
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
