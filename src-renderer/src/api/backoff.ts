/** Milliseconds to wait before reconnect attempt `attempt` (1-based): 0.5 s doubling, capped at 10 s. */
export function reconnectDelay(attempt: number, baseMs = 500, maxMs = 10_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
