// Samplers for the contract's service-time distributions, each bound to one random stream.
import type { Distribution } from '../../../src-preload/contract/topology/index.js';
import type { RandomStream } from './random.js';

/** Draws one value in milliseconds. */
export type Sampler = () => number;

export function createSampler(d: Distribution, rng: RandomStream): Sampler {
  switch (d.type) {
    case 'exponential': {
      const mean = d.meanMs;
      return () => -mean * Math.log(rng.uniform());
    }
    case 'constant': {
      const v = d.valueMs;
      return () => v;
    }
    case 'uniform': {
      const lo = Math.min(d.minMs, d.maxMs);
      const span = Math.abs(d.maxMs - d.minMs);
      return () => lo + span * rng.uniform();
    }
    case 'lognormal': {
      // From the mean m and standard deviation s of the value itself:
      // σ² = ln(1 + s²/m²), μ = ln m − σ²/2.
      const m = d.meanMs;
      const s = d.stdDevMs;
      if (s === 0) return () => m;
      const sigma2 = Math.log(1 + (s * s) / (m * m));
      const mu = Math.log(m) - sigma2 / 2;
      const sigma = Math.sqrt(sigma2);
      return () => Math.exp(mu + sigma * rng.normal());
    }
    case 'empirical': {
      const samples = Float64Array.from(d.samplesMs);
      const n = samples.length;
      return () => samples[Math.floor(rng.uniform() * n)]!;
    }
  }
}
