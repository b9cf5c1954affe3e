// Event-wise scores: an episode is detected when any point inside it, or within `toleranceSteps`
// after its start, is flagged (an alert a moment late still caught the incident); each run of
// consecutive flags outside every episode (and its tolerance) is one false positive. Detection
// delay: steps (and ms) from an episode's start to its first flag.
import type { Episode } from '../data/episodes.js';
import { scoresFromCounts, type DetectionScores } from './point-wise.js';

export interface EventWiseScores extends DetectionScores {
  episodes: number;
  detected: number;
  /** Per detected episode, steps from its start to the first flag. */
  delaysSteps: number[];
  /** Mean over detected episodes; NaN when none was detected. */
  meanDelaySteps: number;
  meanDelayMs: number;
}

export function eventWiseScores(flags: ArrayLike<number | boolean>, episodes: readonly Episode[], timesMs: ArrayLike<number>, toleranceSteps = 0): EventWiseScores {
  const n = flags.length;
  if (timesMs.length !== n) throw new RangeError(`${n} flags but ${timesMs.length} timestamps`);
  const covered = new Uint8Array(n);
  const delaysSteps: number[] = [];
  const delaysMs: number[] = [];
  for (const e of episodes) {
    const last = Math.min(n - 1, Math.max(e.end, e.start + toleranceSteps));
    for (let i = e.start; i <= last; i++) covered[i] = 1;
    for (let i = e.start; i <= last; i++) {
      if (flags[i]) {
        delaysSteps.push(i - e.start);
        delaysMs.push(timesMs[i]! - timesMs[e.start]!);
        break;
      }
    }
  }
  let falsePositives = 0;
  for (let i = 0; i < n; i++) if (flags[i] && !covered[i] && (i === 0 || !flags[i - 1] || covered[i - 1])) falsePositives++;
  const detected = delaysSteps.length;
  const mean = (xs: number[]) => (xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length);
  return {
    ...scoresFromCounts(detected, falsePositives, episodes.length - detected),
    episodes: episodes.length,
    detected,
    delaysSteps,
    meanDelaySteps: mean(delaysSteps),
    meanDelayMs: mean(delaysMs),
  };
}
