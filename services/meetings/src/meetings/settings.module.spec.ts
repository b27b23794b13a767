import { workingDays } from './lead-time.js';
import { DEFAULT_NOTICE_SETTINGS } from './notice.rules.js';
import { DEFAULT_MEETINGS_SETTINGS, parseMeetingsSettings } from './settings.js';
import { loadMeetingsSettings } from './settings.module.js';

describe('MEETINGS_SETTINGS: the settings the meetings service runs with', () => {
  it('are the defaults (RULES.md D1–D21) when unset or blank', () => {
    expect(loadMeetingsSettings({})).toBe(DEFAULT_MEETINGS_SETTINGS);
    expect(loadMeetingsSettings({ MEETINGS_SETTINGS: '  ' })).toBe(DEFAULT_MEETINGS_SETTINGS);
    expect(DEFAULT_MEETINGS_SETTINGS).toEqual(parseMeetingsSettings());
    expect(Object.isFrozen(DEFAULT_MEETINGS_SETTINGS.notice.general)).toBe(true);
  });

  it('apply the values given over the defaults; every other value keeps its default', () => {
    const s = loadMeetingsSettings({
      MEETINGS_SETTINGS: '{"notice":{"general":{"amount":2,"unit":"working"}},"time":{"closeOfBusiness":"17:30"}}',
    });
    expect(s.notice).toEqual({ ...DEFAULT_NOTICE_SETTINGS, general: workingDays(2) });
    expect(s.time).toEqual({ ...DEFAULT_MEETINGS_SETTINGS.time, closeOfBusiness: '17:30' });
    expect(s.requests).toEqual(DEFAULT_MEETINGS_SETTINGS.requests);
    expect(s.minutes).toEqual(DEFAULT_MEETINGS_SETTINGS.minutes);
  });

  it.each([
    ['not JSON', '{notice', /MEETINGS_SETTINGS is not JSON/],
    ['a number without its unit', '{"notice":{"general":{"amount":2}}}', /MEETINGS_SETTINGS notice\.general\.unit: /],
    ['a negative lead time', '{"requests":{"leadTime":{"amount":-1,"unit":"working"}}}', /MEETINGS_SETTINGS requests\.leadTime\.amount: /],
    ['a bad time of day', '{"time":{"closeOfBusiness":"5pm"}}', /MEETINGS_SETTINGS time\.closeOfBusiness: /],
    ['an unknown part', '{"noticee":{}}', /MEETINGS_SETTINGS \(top level\): .*noticee/],
    ['an unknown key in a part', '{"minutes":{"issueAfterSigningg":{"amount":1,"unit":"calendar"}}}', /MEETINGS_SETTINGS minutes: .*issueAfterSigningg/],
  ])('refuse %s at start-up, naming the setting', (_label, raw, named) => {
    expect(() => loadMeetingsSettings({ MEETINGS_SETTINGS: raw })).toThrow(named);
  });
});
