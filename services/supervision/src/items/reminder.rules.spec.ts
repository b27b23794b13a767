import { GovError } from '@gov/contracts';
import { assertReminderRecord, REMINDER_METHODS, type ReminderMethod, type ReminderRecord } from './reminder.rules.js';
import { refusalCode as code } from '@gov/spec-kit';

const record = (change: Partial<ReminderRecord> = {}): ReminderRecord => ({
  method: 'phone',
  content: '请于3月9日前报送办理情况',
  contactPerson: '王敏（区发改委办公室）',
  ...change,
});


describe('a reminder (催办) is logged with time, content and contact person (seed 000 L346)', () => {
  it.each<[string, Partial<ReminderRecord>, string]>([
    ['by phone', {}, 'ok'],
    ['by letter', { method: 'letter' }, 'ok'],
    ['without content', { content: ' ' }, 'BAD_USER_INPUT'],
    ['without contact person', { contactPerson: '' }, 'BAD_USER_INPUT'],
    ['with an unknown method', { method: 'fax' as ReminderMethod }, 'BAD_USER_INPUT'],
    // SCENARIOS seed000-b #21: on-site and joint supervision need the principal head's approval (seed 000 L1320)
    ['on site without approval', { method: 'on-site' }, 'FORBIDDEN'],
    ['jointly without approval', { method: 'joint', approvedBy: ' ' }, 'FORBIDDEN'],
    ['on site with approval', { method: 'on-site', approvedBy: '局长 陈平' }, 'ok'],
  ])('%s → %s', (_name, change, expected) => {
    expect(code(() => assertReminderRecord(record(change)))).toBe(expected);
  });

  it('only on-site and joint supervision need approval', () => {
    const needing = Object.entries(REMINDER_METHODS)
      .filter(([, m]) => m.needsApproval)
      .map(([k]) => k);
    expect(needing).toEqual(['on-site', 'joint']);
    expect(Object.keys(REMINDER_METHODS)).toHaveLength(8);
  });
});
