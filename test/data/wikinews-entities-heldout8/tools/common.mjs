// The first set's helpers, pointed at this folder.
import './shared.mjs';
export * from '../../wikinews-entities/tools/common.mjs';
