/**
 * When to restart a crashed server: up to `max` restarts within `windowMs` (4 in 3 minutes, as
 * vscode-languageclient's default handler), counted over a sliding window so a crash an hour after the
 * last burst is restarted again. Pure, unit-tested in test/client.
 */
export class RestartPolicy {
  private crashes: number[] = [];

  constructor(
    readonly max = 4,
    readonly windowMs = 3 * 60 * 1000,
  ) {}

  /** Records a crash at `now`; answers whether to restart, and how many crashes the window holds. */
  crashed(now: number): { restart: boolean; recent: number } {
    this.crashes = this.crashes.filter((t) => now - t < this.windowMs);
    this.crashes.push(now);
    return { restart: this.crashes.length <= this.max, recent: this.crashes.length };
  }

  /** After a restart the user asked for, start counting afresh. */
  reset(): void {
    this.crashes = [];
  }
}
