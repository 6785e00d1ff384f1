/** The time source of services: a port, so tests can fix "now". */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** The real clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that says what it is told (tests). */
export function fixedClock(at: number | Date): Clock & { set(to: number | Date): void } {
  let value = typeof at === 'number' ? at : at.getTime();
  return {
    now: () => value,
    set(to) {
      value = typeof to === 'number' ? to : to.getTime();
    },
  };
}
