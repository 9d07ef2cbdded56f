// Validates the wikinews-entities-heldout gold set and prints counts per type: the first set's validator,
// pointed at this folder, which must hold exactly the 12 selected articles and none of the first set's.
// Usage: node test/data/wikinews-entities-heldout/validate.mjs   (WIKINEWS_DIR overrides the article folder)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import './tools/shared.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
process.env.GOLD_EXPECTED = ['005', '014', '023', '032', '041', '050', '059', '068', '077', '086', '095', '104']
  .map((n) => `wikinews-2019-${n}.json`)
  .join(',');
process.env.GOLD_NOT_IN = path.resolve(HERE, '../wikinews-entities');
await import('../wikinews-entities/validate.mjs');
