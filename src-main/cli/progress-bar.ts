// A one-line progress bar for `devsim run` on a terminal's stderr: simulated time, percent
// and events per wall second, redrawn at most ten times a second.
import { formatClock } from './duration.js';

export interface ProgressBar {
  update(simulatedMs: number, events: number): void;
  clear(): void;
}

const WIDTH = 24;
const REDRAW_MS = 100;

export function createProgressBar(write: (text: string) => void, endMs: number, clock: () => number = () => performance.now()): ProgressBar {
  const began = clock();
  let last = -Infinity;
  let drawn = false;
  return {
    update(simulatedMs, events) {
      const now = clock();
      if (now - last < REDRAW_MS) return;
      last = now;
      const share = Math.min(1, simulatedMs / endMs);
      const filled = Math.round(share * WIDTH);
      const rate = events / Math.max(0.001, (now - began) / 1000);
      const bar = `${'='.repeat(filled)}${filled < WIDTH ? '>' : ''}`.padEnd(WIDTH).slice(0, WIDTH);
      write(`\r[${bar}] ${(share * 100).toFixed(0).padStart(3)}%  ${formatClock(simulatedMs / 1000)} / ${formatClock(endMs / 1000)}  ${formatRate(rate)} events/s\x1b[K`);
      drawn = true;
    },
    clear() {
      if (drawn) write('\r\x1b[K');
      drawn = false;
    },
  };
}

function formatRate(rate: number): string {
  if (rate >= 1e6) return `${(rate / 1e6).toFixed(2)} M`;
  if (rate >= 1e3) return `${(rate / 1e3).toFixed(1)} k`;
  return rate.toFixed(0);
}
