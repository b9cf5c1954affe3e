import { describe, expect, it } from 'vitest';
import { TEST_RUN_FAILURE_ENV, testRunFailure } from '../../../src-main/runs/test-failure.js';

describe('the test hook that makes run workers fail (DEVSIM_TEST_RUN_FAILURE)', () => {
  it('is off unless set', () => {
    expect(testRunFailure({})).toBeNull();
    expect(testRunFailure({ [TEST_RUN_FAILURE_ENV]: '' })).toBeNull();
  });

  it('reads how and after how many events', () => {
    expect(testRunFailure({ [TEST_RUN_FAILURE_ENV]: 'throw:20000' })).toEqual({ how: 'throw', afterEvents: 20_000 });
    expect(testRunFailure({ [TEST_RUN_FAILURE_ENV]: 'exit:0' })).toEqual({ how: 'exit', afterEvents: 0 });
  });

  it('refuses anything else, naming the variable', () => {
    for (const bad of ['throw', 'explode:5', 'throw:-1', 'throw:5x', ' exit:5']) {
      expect(() => testRunFailure({ [TEST_RUN_FAILURE_ENV]: bad })).toThrow(`${TEST_RUN_FAILURE_ENV} must be throw:<events> or exit:<events>, not "${bad}".`);
    }
  });
});
