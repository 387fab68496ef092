/**
 * Decides whether an error is worth a log line: the first of its kind is, and then one a
 * window while it keeps coming, carrying how many were held back. A Redis outage makes every
 * queue and worker emit the same error at each reconnect attempt (dozens a second in one
 * process); this turns that into one line per kind per window.
 */
export interface RepeatFilter {
  /** The number of identical errors held back since the last line, or null to stay quiet. */
  admit(key: string, nowMs: number): number | null;
}

export function createRepeatFilter(windowMs: number): RepeatFilter {
  const seen = new Map<string, { loggedAtMs: number; heldBack: number }>();

  return {
    admit(key, nowMs) {
      const entry = seen.get(key);
      if (entry && nowMs - entry.loggedAtMs < windowMs) {
        entry.heldBack += 1;

        return null;
      }
      const heldBack = entry?.heldBack ?? 0;
      seen.set(key, { loggedAtMs: nowMs, heldBack: 0 });

      return heldBack;
    },
  };
}
