// Shared helpers for the wikinews-entities gold set tools. No project code is used.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
// the gold set these tools work on: this one, or another made the same way (GOLD_SET_DIR, see the held-out set's tools)
export const SET_DIR = process.env.GOLD_SET_DIR ? path.resolve(process.env.GOLD_SET_DIR) : path.resolve(HERE, '..');
// Articles are read from the shared data folder, never copied into the repo.
export const DATA_DIR = process.env.WIKINEWS_DIR
  || path.resolve(SET_DIR, '../../../../shared/data/wikinews');

export function readArticle(id) {
  return fs.readFileSync(path.join(DATA_DIR, `${id}.txt`), 'utf8');
}

// Body = everything after the title line (line 1) and, when present, the date line
// (the first non-empty line after the title, if it looks like "Monday, February 11, 2019").
// Some articles have no date line; their body starts right after the title.
const DATE_LINE = /^\s*(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+[A-Z][a-z]+\s+\d{1,2},\s+\d{4}\s*$/;
export function bodyStart(text) {
  const lines = text.split('\n');
  let pos = lines[0].length + 1; // skip title
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k];
    if (line.trim() !== '') return DATE_LINE.test(line) ? pos + line.length + 1 : pos;
    pos += line.length + 1;
  }
  return text.length;
}

export function bodyWordCount(text) {
  return text.slice(bodyStart(text)).split(/\s+/).filter(Boolean).length;
}

export const TYPES = ['person', 'organization', 'place'];
