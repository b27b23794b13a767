import { DEFAULT_SUPERVISION_SETTINGS } from './supervision.settings.js';
import { loadSupervisionSettings } from './settings.module.js';

describe('SUPERVISION_SETTINGS: the settings the service runs with', () => {
  it('are the defaults when unset', () => {
    expect(loadSupervisionSettings({})).toBe(DEFAULT_SUPERVISION_SETTINGS);
  });

  it('merge the values given onto the defaults (the next working day for 交办, seed 000 L336 reading)', () => {
    const s = loadSupervisionSettings({ SUPERVISION_SETTINGS: '{"handover":{"ordinary":{"amount":1,"unit":"working"}}}' });
    expect(s.handover).toEqual({ ordinary: { amount: 1, unit: 'working' }, urgent: { amount: 0, unit: 'calendar' } });
    expect(s.feedback).toEqual(DEFAULT_SUPERVISION_SETTINGS.feedback);
  });

  it.each([
    ['not JSON', '{handover', 'not JSON'],
    ['an invalid value', '{"reminders":{"first":{"amount":0,"unit":"working"}}}', 'reminders'],
    ['falling colours', '{"escalation":[{"colour":"red","trigger":{"on":"reminder","n":1}},{"colour":"blue","trigger":{"on":"reminder","n":2}}]}', 'escalation'],
  ])('refuse %s at start-up, naming it', (_label, raw, named) => {
    expect(() => loadSupervisionSettings({ SUPERVISION_SETTINGS: raw })).toThrow(named);
  });
});
