// M/M/c (Erlang C) with c = 3 at ρ = 0.5, 0.8, 0.95 and M/M/c/K blocking, written as the schema
// writes them: concurrency c, queueCapacity K − c. 99 % batch-means intervals.
// The cases live in helpers/validation-cases.ts (also the README's table).
import { describe, it } from 'vitest';
import { VALIDATION_CASES } from './helpers/validation-cases.js';
import { expectCase } from './helpers/validate.js';

describe('M/M/3 (Erlang C)', () => {
  for (const c of VALIDATION_CASES.filter((x) => x.group === 'M/M/c')) it(c.title, () => void expectCase(c));
});

describe('M/M/c/K', () => {
  for (const c of VALIDATION_CASES.filter((x) => x.group === 'M/M/c/K')) it(c.title, () => void expectCase(c));
});
