import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import { Cancelled } from '../core/check';

/**
 * Every handler goes through here: a cancelled request answers RequestCancelled, a thrown error is logged and
 * answered with a safe empty value, so the server never crashes on input.
 */
export function runSafe<T>(
  log: (msg: string) => void,
  name: string,
  token: CancellationToken | undefined,
  empty: T,
  f: () => T | Promise<T>,
): Promise<T | ResponseError<void>> {
  return new Promise((resolve) => {
    setImmediate(async () => {
      if (token?.isCancellationRequested) return resolve(new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled'));
      try {
        resolve(await f());
      } catch (err) {
        if (err instanceof Cancelled || token?.isCancellationRequested)
          return resolve(new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled'));
        log(`error in ${name}: ${(err as Error)?.stack ?? String(err)}`);
        resolve(empty);
      }
    });
  });
}
