import { describe, expect, it } from 'vitest';
import { ACCOUNT_RULE, afterFailure, waitFor, type ThrottleState } from '../../src/domain/login-throttle.js';

describe('login throttle', () => {
  it('lets a few failures through, then backs off exponentially up to a cap', () => {
    let state: ThrottleState | undefined;
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      state = afterFailure(state, ACCOUNT_RULE, 0);
      waits.push(waitFor(state, 0));
    }
    expect(waits.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(waits.slice(5, 9)).toEqual([15_000, 30_000, 60_000, 120_000]);
    // Never more than five minutes: a legitimate user is not locked out for long.
    expect(Math.max(...waits)).toBe(5 * 60_000);
  });

  it('forgets old failures', () => {
    let state: ThrottleState | undefined;
    for (let i = 0; i < 8; i++) state = afterFailure(state, ACCOUNT_RULE, 0);
    const later = afterFailure(state, ACCOUNT_RULE, ACCOUNT_RULE.forgetAfterMs + 1);
    expect(later.failures).toBe(1);
    expect(waitFor(later, ACCOUNT_RULE.forgetAfterMs + 1)).toBe(0);
  });
});
