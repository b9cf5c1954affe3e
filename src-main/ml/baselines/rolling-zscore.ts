// The statistical baseline detector: each point's z-score against the mean and standard
// deviation of the `window` points before it (not itself), as a score in [0, 1]
// (normal-score.ts). It learns online from every point it sees and never from labels.
// Before `warmup` points it has no opinion (score 0). A flat history (standard deviation 0)
// scores a repeat of its value 0 and any other value 1, so a constant series scores all zeros.
import type { DetectorOutput, StreamingDetector } from '../streaming/interfaces.js';
import { scoreFromZ } from './normal-score.js';

export interface RollingZScoreOptions {
  /** Points of history the mean and deviation come from (default 100). */
  window?: number;
  /** Points needed before scoring (default 10). */
  warmup?: number;
  /** |z| at or above which a point is anomalous (default 4: score ≥ 0.99994). */
  zLimit?: number;
  /** Rows whose anomalies are not reported (the probationary period). */
  probationRows?: number;
}

export const ZSCORE_DEFAULTS = { window: 100, warmup: 10, zLimit: 4 } as const;

export class RollingZScoreDetector implements StreamingDetector {
  readonly window: number;
  readonly warmup: number;
  readonly threshold: number;
  private readonly probationRows: number;
  private readonly ring: Float64Array;
  private seen = 0;
  /** Sums of (x − ref) and (x − ref)² over the ring; ref keeps them small (no cancellation). */
  private ref = NaN;
  private sum = 0;
  private squares = 0;

  constructor(options: RollingZScoreOptions = {}) {
    this.window = options.window ?? ZSCORE_DEFAULTS.window;
    this.warmup = options.warmup ?? ZSCORE_DEFAULTS.warmup;
    const zLimit = options.zLimit ?? ZSCORE_DEFAULTS.zLimit;
    if (!(Number.isInteger(this.window) && this.window >= 2)) throw new RangeError(`the z-score window must be a whole number ≥ 2, not ${this.window}`);
    if (!(Number.isInteger(this.warmup) && this.warmup >= 2 && this.warmup <= this.window)) throw new RangeError(`the warm-up must be a whole number from 2 to the window (${this.window}), not ${this.warmup}`);
    if (!(zLimit > 0)) throw new RangeError(`the z limit must be positive, not ${zLimit}`);
    this.threshold = scoreFromZ(zLimit);
    this.probationRows = options.probationRows ?? 0;
    this.ring = new Float64Array(this.window);
  }

  observe(_tMs: number, value: number): DetectorOutput {
    if (!Number.isFinite(value)) throw new RangeError(`value ${value} at row ${this.seen}: the z-score detector needs finite numbers`);
    const n = Math.min(this.seen, this.window);
    let score = 0;
    if (n >= this.warmup) {
      const mean = this.sum / n;
      const variance = Math.max(0, this.squares / n - mean * mean);
      const deviation = value - this.ref - mean;
      const sd = Math.sqrt(variance * (n / (n - 1)));
      score = sd > 1e-12 * Math.max(1, Math.abs(this.ref + mean)) ? scoreFromZ(deviation / sd) : deviation === 0 ? 0 : 1;
    }
    const anomaly = this.seen >= this.probationRows && score >= this.threshold;
    this.push(value);
    return { score, anomaly };
  }

  private push(value: number): void {
    if (Number.isNaN(this.ref)) this.ref = value;
    const slot = this.seen % this.window;
    if (this.seen >= this.window) {
      const old = this.ring[slot]! - this.ref;
      this.sum -= old;
      this.squares -= old * old;
    }
    this.ring[slot] = value;
    const d = value - this.ref;
    this.sum += d;
    this.squares += d * d;
    this.seen++;
    // Re-sum once per window so rounding cannot pile up over a long stream.
    if (this.seen % this.window === 0) this.resum();
  }

  private resum(): void {
    this.ref = this.ring.reduce((a, b) => a + b, 0) / this.window;
    this.sum = 0;
    this.squares = 0;
    for (const x of this.ring) {
      this.sum += x - this.ref;
      this.squares += (x - this.ref) ** 2;
    }
  }
}
