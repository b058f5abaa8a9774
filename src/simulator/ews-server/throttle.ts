/**
 * EWSMaxConcurrency as Exchange applies it: a budget of concurrent requests per calling account.
 * Over budget, Exchange answers ErrorServerBusy with a BackOffMilliseconds hint.
 */
export class ConcurrencyBudget {
  readonly #inFlight = new Map<string, number>();

  constructor(
    readonly limit: number,
    readonly backOffMs: number,
  ) {}

  /** Takes a slot for `account`; returns a release function, or undefined when over budget. */
  acquire(account: string): (() => void) | undefined {
    const key = account.toLowerCase();
    const n = this.#inFlight.get(key) ?? 0;
    if (n >= this.limit) return undefined;
    this.#inFlight.set(key, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.#inFlight.get(key) ?? 1) - 1;
      if (left <= 0) this.#inFlight.delete(key);
      else this.#inFlight.set(key, left);
    };
  }
}
