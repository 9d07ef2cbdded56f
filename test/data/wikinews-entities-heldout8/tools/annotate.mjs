// node annotate.mjs <id>: the first set's tool, writing into this (eighth held-out) folder
import './shared.mjs';
await import('../../wikinews-entities/tools/annotate.mjs');
