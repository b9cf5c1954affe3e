// M/D/1 against Pollaczek–Khinchine: constant service halves the M/M/1 queueing delay.
// Also M/G/1 with lognormal service (E[S²] = σ² + m²). 99 % batch-means intervals.
// The cases live in helpers/validation-cases.ts (also the README's table).
import { describe, it } from 'vitest';
import { VALIDATION_CASES } from './helpers/validation-cases.js';
import { expectCase } from './helpers/validate.js';

describe('M/G/1 (Pollaczek–Khinchine)', () => {
  for (const c of VALIDATION_CASES.filter((x) => x.group === 'M/G/1')) it(c.title, () => void expectCase(c));
});
