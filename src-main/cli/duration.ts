// Durations on the command line: 90s, 15m, 1h, 2h30m, 1d, 1.5h, 250ms, or plain seconds.

const UNIT_SECONDS: Record<string, number> = { d: 86_400, h: 3600, m: 60, s: 1, ms: 0.001 };
const PART = /(\d+(?:\.\d+)?)(ms|d|h|m|s)/gy;

/** Seconds, or undefined when the text is not a duration. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  if (trimmed === '') return undefined;
  PART.lastIndex = 0;
  let seconds = 0;
  let match: RegExpExecArray | null;
  let end = 0;
  const seen = new Set<string>();
  while ((match = PART.exec(trimmed)) !== null) {
    const unit = match[2]!;
    if (seen.has(unit)) return undefined;
    seen.add(unit);
    seconds += Number(match[1]) * UNIT_SECONDS[unit]!;
    end = PART.lastIndex;
  }
  return end === trimmed.length ? seconds : undefined;
}

/** 3725 → "1:02:05"; a day or more gets a "d". */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const days = Math.floor(s / 86_400);
  const hh = Math.floor((s % 86_400) / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return `${days > 0 ? `${days}d ` : ''}${hh}:${mm}:${ss}`;
}
