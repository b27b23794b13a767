import { dailyChecksConfig, msUntilNext } from './daily-checks.timer.js';

describe('the timer of the daily checks', () => {
  it.each([
    // 06:00 Beijing (22:00Z the day before) → 07:30 the same Beijing day: 90 minutes
    ['2026-03-04T22:00:00Z', '07:30', 90 * 60_000],
    // 07:30 Beijing exactly: the next run is tomorrow
    ['2026-03-04T23:30:00Z', '07:30', 24 * 3600_000],
    // 10:00 Beijing → 07:30 the next day
    ['2026-03-05T02:00:00Z', '07:30', 21.5 * 3600_000],
    // 23:59 Beijing → 00:00 the next day
    ['2026-03-05T15:59:00Z', '00:00', 60_000],
  ])('from %s to the next %s Beijing time takes %d ms', (now, at, ms) => {
    expect(msUntilNext(new Date(now), at)).toBe(ms);
  });

  it.each([
    [{}, { enabled: true, at: '07:30' }],
    [{ NODE_ENV: 'test' }, { enabled: false, at: '07:30' }],
    [{ NODE_ENV: 'test', SUPERVISION_DAILY_CHECKS: 'on' }, { enabled: true, at: '07:30' }],
    [{ SUPERVISION_DAILY_CHECKS: 'off', SUPERVISION_DAILY_CHECK_AT: '06:15' }, { enabled: false, at: '06:15' }],
  ])('reads %j as %j', (env, config) => {
    expect(dailyChecksConfig(env)).toEqual(config);
  });

  it.each([[{ SUPERVISION_DAILY_CHECKS: 'yes' }], [{ SUPERVISION_DAILY_CHECK_AT: '7:30' }], [{ SUPERVISION_DAILY_CHECK_AT: '24:00' }]])(
    'refuses %j at start-up',
    (env) => {
      expect(() => dailyChecksConfig(env)).toThrow('supervision: invalid configuration');
    },
  );
});
