// node at.mjs <id> <string>: the first set's tool
import './shared.mjs';
await import('../../wikinews-entities/tools/at.mjs');
