// Open Jackson networks: each station behaves as an independent M/M/1 with the arrival rate
// from the traffic equations; the end-to-end mean is the sum of the visits' sojourns.
// 99 % batch-means intervals. The cases live in helpers/validation-cases.ts (also the README's table).
import { describe, it } from 'vitest';
import { VALIDATION_CASES } from './helpers/validation-cases.js';
import { expectCase } from './helpers/validate.js';

describe('open Jackson networks', () => {
  for (const c of VALIDATION_CASES.filter((x) => x.group === 'Jackson')) it(c.title, () => void expectCase(c));
});
