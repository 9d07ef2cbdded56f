// Settings for this (eighth held-out) set: the folder the first set's validator checks, and the
// annotator string that tools/annotate.mjs writes into each JSON.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

process.env.GOLD_SET_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.env.GOLD_ANNOTATOR = 'Claude (AI helper session), manual reading per ../wikinews-entities/README.md guidelines, eighth held-out set, 2026-11-24';
