/** The one clock: services read time through it so tests can fix "now" (deadlines, lead times). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date | string): Clock {
  const t = new Date(at).getTime();
  return { now: () => new Date(t) };
}
