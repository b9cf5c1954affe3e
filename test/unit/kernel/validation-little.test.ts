// Little's law L = λW on the recorded data of template runs too (time-varying load, a
// balancer, timeouts, rejections), not only in the textbook cases.
import { describe, it } from 'vitest';
import { createRun } from '../../../src-main/kernel/index.js';
import { template } from './helpers/documents.js';
import { LITTLE_RUN, LITTLE_TEMPLATES } from './helpers/validation-cases.js';
import { expectLittle } from './helpers/validate.js';

describe("Little's law on template runs", () => {
  for (const name of LITTLE_TEMPLATES) {
    it(`${name}: L = λW and Lq = λWq at every station (within 1 %)`, () => {
      const r = createRun(template(name), LITTLE_RUN);
      r.advance();
      expectLittle(r.summary(), 0.01);
    });
  }
});
