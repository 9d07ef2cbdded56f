import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { LineMap } from './sentences';

/**
 * A source's text kept deflated. Once indexed, a source's text is read only to show or locate a passage (a claim's
 * sentence, a mention, a line map), a few sources at a time; at 10,000 articles the texts were 77 MB of the server's
 * heap as strings and are ~20 MB deflated. A packed source unpacks its text when read and keeps the most recently
 * read texts as strings.
 */
export interface PackedText {
  readonly bytes: Uint8Array;
  /** the text's length in UTF-16 code units */
  readonly length: number;
  /** UTF-8 (any well-formed text), else UTF-16LE (a text with a lone surrogate, which UTF-8 cannot carry) */
  readonly utf8: boolean;
  /** where each line of the text starts (`LineMap`): a passage is located without unpacking the text */
  readonly lines: Int32Array;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function packText(text: string): PackedText {
  const utf8 = !LONE_SURROGATE.test(text);
  // the fastest level: packing runs once per source per snapshot, unpacking on reads
  return {
    bytes: deflateRawSync(Buffer.from(text, utf8 ? 'utf8' : 'utf16le'), { level: 1 }),
    length: text.length,
    utf8,
    lines: new LineMap(text).lineStarts(),
  };
}

/** Throws when the bytes do not inflate to a text of the recorded length (a corrupt snapshot). */
export function unpackText(p: PackedText): string {
  const text = inflateRawSync(p.bytes).toString(p.utf8 ? 'utf8' : 'utf16le');
  if (text.length !== p.length) throw new Error(`a packed text of ${p.length} characters unpacked to ${text.length}`);
  return text;
}

/** The shape of a packed text (what it holds is checked when it is unpacked). */
export function isPackedText(x: unknown): x is PackedText {
  const p = x as PackedText;
  return (
    !!p &&
    p.bytes instanceof Uint8Array &&
    Number.isInteger(p.length) &&
    p.length >= 0 &&
    typeof p.utf8 === 'boolean' &&
    p.lines instanceof Int32Array &&
    p.lines.length > 0 &&
    p.lines.every((x, i) => x >= 0 && x <= p.length && (i === 0 ? x === 0 : x > p.lines[i - 1]))
  );
}

/** texts unpacked lately, most recent last */
const recent = new Map<PackedText, string>();
/** how many unpacked texts are kept (a hover reads up to a dozen sources, a definition up to 48) */
const RECENT = 256;

function unpacked(p: PackedText): string {
  let text = recent.get(p);
  if (text !== undefined) recent.delete(p);
  else text = unpackText(p);
  recent.set(p, text);
  if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
  return text;
}

const PACKED = Symbol('packed text');
type Packable = { text: string; [PACKED]?: PackedText };

/**
 * Keeps the object's `text` packed from now on: `text` becomes a property that unpacks it when read (the same
 * characters, so readers need not know). Returns the object.
 */
export function packTextOf<T extends { text: string }>(holder: T, packed: PackedText = packText(holder.text)): T {
  Object.defineProperty(holder, PACKED, { value: packed, configurable: true });
  Object.defineProperty(holder, 'text', { get: () => unpacked(packed), enumerable: true, configurable: true });
  return holder;
}

/** The packed text of an object that keeps its text packed, if it does. */
export function packedTextOf(holder: { text: string }): PackedText | undefined {
  return (holder as Packable)[PACKED];
}

/** The length of the object's text, without unpacking it. */
export function textLength(holder: { text: string }): number {
  return packedTextOf(holder)?.length ?? holder.text.length;
}

/** The object's own properties but `text`, read without unpacking it. */
export function withoutText<T extends { text: string }>(holder: T): Omit<T, 'text'> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(holder)) if (k !== 'text') out[k] = (holder as Record<string, unknown>)[k];
  return out as Omit<T, 'text'>;
}
