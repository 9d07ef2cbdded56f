/**
 * The protocol and acceptance tests' LSP client: the robustness layer's guarded server process (the real bundled
 * dist/server.js over stdio, with the no-network/write-recording guard preloaded), plus the calls these tests use.
 */
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { GuardedServer, root, withTimeout } from '../robustness/helpers';

export { root, withTimeout };

export class TestClient extends GuardedServer {
  constructor(settings: Record<string, unknown> = {}, workspace = root) {
    super(settings, { workspace });
  }

  /** The next diagnostics published for uri after this call (not those already received). */
  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams> {
    const current = this.diagnostics.get(uri);
    return this.waitDiagnostics(uri, (p) => p !== current, 15000);
  }

  /** The diagnostics received for uri, or the next ones. */
  nextDiagnosticsOrCurrent(uri: string): Promise<PublishDiagnosticsParams> {
    return this.waitDiagnostics(uri, () => true, 15000);
  }

  /** Opens a file's text as a document and waits for its first diagnostics. */
  async openFile(file: string, text: string, languageId: string): Promise<{ uri: string; diagnostics: PublishDiagnosticsParams }> {
    const uri = pathToFileURL(file).toString();
    return { uri, diagnostics: await this.open(uri, text, languageId) };
  }
}
