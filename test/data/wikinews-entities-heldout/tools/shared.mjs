// The held-out set uses the first set's tools, pointed at this folder.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

process.env.GOLD_SET_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.env.GOLD_ANNOTATOR = 'Claude (AI helper session), manual reading per ../wikinews-entities/README.md guidelines, held-out set, 2026-11-22';
