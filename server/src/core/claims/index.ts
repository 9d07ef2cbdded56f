/**
 * The claim analysers: pure functions over one sentence (no Node built-ins, no editor packages).
 */
export { extractQuantities, parseNumber } from './quantities';
export { detectStance, isRebuttal, NOT_THE_CASE_WHEN } from './stance';
export { detectSpeaker } from './speaker';
export { extractDates } from './dates';
