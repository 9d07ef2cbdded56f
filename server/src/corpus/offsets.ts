import { lineAt } from '../core/text/sentences';

/**
 * A piecewise map from offsets in an extracted text to offsets in the file it came from.
 * Identity pieces copy characters one for one (offset i ↦ fileStart + (i − textStart));
 * other pieces (a decoded entity, collapsed whitespace, generated text) map every offset
 * inside them to the start of their file range, and their end to the end of it.
 * Text between pieces (inserted paragraph breaks) maps to the end of the piece before.
 */
export class OffsetMapBuilder {
  private ts: number[] = [];
  private te: number[] = [];
  private fs: number[] = [];
  private fe: number[] = [];
  private id: boolean[] = [];

  /** Adds the piece text[textStart, textEnd) ← file[fileStart, fileEnd). */
  add(textStart: number, textEnd: number, fileStart: number, fileEnd: number, identity: boolean): void {
    if (textEnd <= textStart) return;
    const n = this.ts.length;
    if (
      identity &&
      n > 0 &&
      this.id[n - 1] &&
      this.te[n - 1] === textStart &&
      this.fe[n - 1] === fileStart
    ) {
      this.te[n - 1] = textEnd;
      this.fe[n - 1] = fileEnd;
      return;
    }
    this.ts.push(textStart);
    this.te.push(textEnd);
    this.fs.push(fileStart);
    this.fe.push(fileEnd);
    this.id.push(identity);
  }

  get size(): number {
    return this.ts.length;
  }

  build(): (offset: number) => number {
    const ts = Int32Array.from(this.ts);
    const te = Int32Array.from(this.te);
    const fs = Int32Array.from(this.fs);
    const fe = Int32Array.from(this.fe);
    const id = Uint8Array.from(this.id, (b) => (b ? 1 : 0));
    const n = ts.length;
    return (offset: number) => {
      if (n === 0) return 0;
      if (!(offset >= ts[0])) return fs[0];
      // the last piece with textStart <= offset (as the line holding an offset is found from the lines' starts)
      const lo = lineAt(ts, offset);
      if (offset >= te[lo]) return fe[lo];
      if (id[lo]) return fs[lo] + (offset - ts[lo]);
      return fs[lo];
    };
  }
}
