// M/M/1 against W = 1/(μ−λ) and Wq = ρ/(μ−λ) at ρ = 0.5, 0.8, 0.95: 99 % batch-means
// intervals, 30 batches each far longer than the relaxation time 1/(μ(1−√ρ)²).
// The cases live in helpers/validation-cases.ts (also the README's table).
import { describe, it } from 'vitest';
import { VALIDATION_CASES } from './helpers/validation-cases.js';
import { expectCase } from './helpers/validate.js';

describe('M/M/1', () => {
  for (const c of VALIDATION_CASES.filter((x) => x.group === 'M/M/1')) it(c.title, () => void expectCase(c));
});
