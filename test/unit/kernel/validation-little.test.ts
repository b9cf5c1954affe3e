// Little's law L = λW on the recorded data of template runs too (time-varying load, a
// balancer, timeouts, rejections), not only in the textbook cases.
import { describe, it } from 'vitest';
import { createRun } from '../../../src-main/kernel/index.js';
import { template } from './helpers/documents.js';
import { expectLittle } from './helpers/validate.js';

describe("Little's law on template runs", () => {
  for (const name of ['single-queue', 'three-tier']) {
    it(`${name}: L = λW and Lq = λWq at every station (within 1 %)`, () => {
      const r = createRun(template(name), { durationS: 1800, warmupS: 60 });
      r.advance();
      expectLittle(r.summary(), 0.01);
    });
  }
});
