/**
 * A file's stat signature: what the file system says about a source file and its sidecar without reading them, which
 * stands for their content once they have been left alone a while (a warm start reads no file whose signature is
 * unchanged). Apart from the analysis, so that the listing worker (`dist/listWorker.js`) bundles without it.
 */
import { statSync } from 'node:fs';
import { sidecarPath } from '../corpus/formats';

export interface StatSignature {
  sig: string;
  /** when the file or its sidecar last changed, and when the signature was taken (epoch ms) */
  changedMs: number;
  at: number;
}

/** Whether a signature may stand for the content: the file had been left alone `trustedAfterMs` when it was taken. */
export function statTrusted(st: StatSignature, trustedAfterMs = 2000): boolean {
  return st.at - st.changedMs >= trustedAfterMs;
}

/**
 * What the file system says about a file and its sidecar without reading them: inode, size, modification and
 * status-change times (nanoseconds). Any write changes the status-change time, which no tool can set back, so an
 * equal signature means equal content, except for writes within the file system's time granularity: a signature
 * is trusted only once the file has been left alone for a while (`statTrusted`). Undefined when unreadable.
 */
export function statSignature(file: string): StatSignature | undefined {
  // no exception for the sidecar most files lack: at a warm start this runs for every file, where a thrown error per
  // missing sidecar would cost more than the system calls themselves
  const one = (f: string) => {
    const s = statSync(f, { bigint: true, throwIfNoEntry: false });
    return (
      s && {
        sig: `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`,
        changedMs: Number((s.mtimeNs > s.ctimeNs ? s.mtimeNs : s.ctimeNs) / 1000000n),
      }
    );
  };
  try {
    const main = one(file);
    if (!main) return undefined;
    const side = sidecarPath(file);
    const other = side === file ? undefined : one(side);
    const changedMs = Math.max(main.changedMs, other?.changedMs ?? 0);
    return { sig: `${main.sig}|${other?.sig ?? 'none'}`, changedMs, at: Date.now() };
  } catch {
    return undefined;
  }
}
