/**
 * SCENARIOS.md sub-cases of the supervision section that the neighbouring rule specs did not cover on their own
 * (audit in docs/scenarios-coverage.md). Pure rules only; each row cites its scenario and seed line.
 */
import { WorkingCalendar } from '@gov/calendar';
import { GovError } from '@gov/contracts';
import { refusalCode as code, ruleActor } from '@gov/spec-kit';
import { assignmentLetterDue, itemDueDate, overdue, type DeadlineClass, type ExplicitDeadline } from './deadlines.rules.js';
import { assertReminderRecord } from './reminder.rules.js';
import { assertAssignment, nextState } from './supervision-item.rules.js';
import { DEFAULT_SUPERVISION_SETTINGS as S } from './supervision.settings.js';

const cal = WorkingCalendar.bundled();
const petition = (cls: 'sudden' | 'fairly-urgent' | 'general' | 'complex', days?: number): DeadlineClass =>
  days === undefined ? { table: 'petition', cls } : { table: 'petition', cls, days };
const due = (cls: DeadlineClass, explicit?: ExplicitDeadline): string => {
  try {
    return itemDueDate(cal, '2026-03-02', cls, S, explicit);
  } catch (e) {
    return (e as GovError).code;
  }
};

describe('SCENARIOS seed000-b #19: petition supervision assignment (seed 000 L1310–1312)', () => {
  it('received on Thursday 5 March 2026 → the 交办函 draft is due by the end of Monday 9 March (2 WD)', () => {
    expect(assignmentLetterDue(cal, '2026-03-05', S)).toBe('2026-03-09');
  });

  it('the 交办函 goes out only after the bureau leader approves: 交办 before 批准 is refused, the approval is the director’s', () => {
    expect(code(() => nextState('proposed', 'assign', ruleActor(['supervisor'])))).toBe('CONFLICT');
    expect(code(() => nextState('proposed', 'admit', ruleActor(['supervisor'])))).toBe('FORBIDDEN');
    const admitted = nextState('proposed', 'admit', ruleActor(['director']));
    expect(nextState(admitted, 'assign', ruleActor(['supervisor']))).toBe('assigned');
  });

  // Mon 2 March 2026 + N calendar days (the start day not counted).
  it.each<[string, DeadlineClass, string]>([
    ['一般 +30 days', petition('general'), '2026-04-01'],
    ['较为紧急 +15 days', petition('fairly-urgent'), '2026-03-17'],
    ['复杂 +60 days', petition('complex'), '2026-05-01'],
    ['突发紧急 1 day', petition('sudden', 1), '2026-03-03'],
    ['突发紧急 5 days', petition('sudden', 5), '2026-03-07'],
    ['突发紧急 6 days: outside 1–5', petition('sudden', 6), 'BAD_USER_INPUT'],
    ['突发紧急 with no 办理时限', petition('sudden'), 'BAD_USER_INPUT'],
  ])('class %s', (_name, cls, expected) => {
    expect(due(cls)).toBe(expected);
  });

  it.each<[string, DeadlineClass, ExplicitDeadline, string]>([
    ['a district leader shortens a 一般 case', petition('general'), { due: '2026-03-20', setBy: 'district-leader' }, '2026-03-20'],
    ['a district leader lengthens a 较为紧急 case', petition('fairly-urgent'), { due: '2026-04-10', setBy: 'district-leader' }, '2026-04-10'],
    ['a district leader dates a 突发紧急 case beyond 5 days', petition('sudden', 2), { due: '2026-03-12', setBy: 'district-leader' }, '2026-03-12'],
  ])('an explicit deadline overrides the class: %s', (_name, cls, explicit, expected) => {
    expect(due(cls, explicit)).toBe(expected);
  });

  it('a 交办函 with a lead unit and its co-unit, each with a responsible person, passes', () => {
    expect(
      code(() =>
        assertAssignment([
          { unit: '区住建局', role: 'lead', responsiblePerson: '张三' },
          { unit: '区城管局', role: 'co', responsiblePerson: '李四' },
        ]),
      ),
    ).toBe('ok');
  });
  // Seed 000 L1310 "交办函内容应明确交办方式、承办单位、协办单位、办理要求和办理时限" lists what the letter states; it does
  // not make a co-unit compulsory (a matter one unit can handle has none; co-units are for matters "需由多个部门办理",
  // seed 000 L336). So a 交办函 with a lone 承办单位 passes and states 协办单位: none; the co-units it names are
  // checked (each once, none also the lead). README "Decisions taken while wiring", 协办单位 row.
  it.each<[string, Parameters<typeof assertAssignment>[0], string]>([
    ['a lone 承办单位 (协办单位: none)', [{ unit: '区住建局', role: 'lead', responsiblePerson: '张三' }], 'ok'],
    [
      'two 协办单位',
      [
        { unit: '区住建局', role: 'lead', responsiblePerson: '张三' },
        { unit: '区城管局', role: 'co', responsiblePerson: '李四' },
        { unit: '区信访局', role: 'co', responsiblePerson: '王五' },
      ],
      'ok',
    ],
    ['协办单位 without a 承办单位', [{ unit: '区城管局', role: 'co', responsiblePerson: '李四' }], 'BAD_USER_INPUT'],
    [
      'the 承办单位 named again as 协办单位',
      [
        { unit: '区住建局', role: 'lead', responsiblePerson: '张三' },
        { unit: '区住建局', role: 'co', responsiblePerson: '张三' },
      ],
      'BAD_USER_INPUT',
    ],
  ])('the 协办单位 a 交办函 states are checked, none is not compulsory: %s → %s', (_name, units, expected) => {
    expect(code(() => assertAssignment(units))).toBe(expected);
  });
});

describe('SCENARIOS seed000-a #15: no report by the due date → overdue, and a chase entry (seed 000 L338, L346)', () => {
  it.each([
    ['2026-03-17', false],
    ['2026-03-18', true],
  ] as const)('due Tue 17 March, as of %s: overdue %s', (asOf, late) => {
    expect(overdue(cal, '2026-03-17', asOf).overdue).toBe(late);
  });
  it.each<[string, { content: string; contactPerson: string }, string]>([
    ['with content and contact person', { content: '请于3月20日前报送办理结果', contactPerson: '王敏（区发改委）' }, 'ok'],
    ['without content', { content: '', contactPerson: '王敏（区发改委）' }, 'BAD_USER_INPUT'],
    ['without contact person', { content: '请于3月20日前报送办理结果', contactPerson: ' ' }, 'BAD_USER_INPUT'],
  ])('the chase entry %s', (_name, entry, expected) => {
    expect(code(() => assertReminderRecord({ method: 'phone', ...entry }))).toBe(expected);
  });
});
