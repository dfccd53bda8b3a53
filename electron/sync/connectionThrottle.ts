// A per-address limit on new connections (a sliding window of one minute), so one machine cannot
// exhaust the server by reconnecting in a loop. Reconnecting providers back off, so a legitimate
// client stays far below the limit.

const windowMilliseconds = 60_000;

/** Counts connection attempts per remote address over the last minute. */
export class ConnectionThrottle {
  private readonly attempts = new Map<string, number[]>();
  private readonly perMinute: number;
  private lastSweep = 0;

  /** Allows `perMinute` new connections per address per minute. */
  constructor(perMinute: number) {
    this.perMinute = perMinute;
  }

  /** Records an attempt from `address`; returns false when the address is over its limit. */
  allow(address: string, now = Date.now()): boolean {
    this.sweep(now);
    const recent = (this.attempts.get(address) ?? []).filter((time) => now - time < windowMilliseconds);
    if (recent.length >= this.perMinute) {
      this.attempts.set(address, recent);
      return false;
    }
    recent.push(now);
    this.attempts.set(address, recent);
    return true;
  }

  /** Forgets addresses with no attempt in the window (at most once a minute). */
  private sweep(now: number): void {
    if (now - this.lastSweep < windowMilliseconds) return;
    this.lastSweep = now;
    for (const [address, times] of this.attempts) {
      if (times.every((time) => now - time >= windowMilliseconds)) this.attempts.delete(address);
    }
  }
}
