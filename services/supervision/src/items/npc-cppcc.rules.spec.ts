import type { Actor } from '@gov/auth';
import { WorkingCalendar } from '@gov/calendar';
import { GovError } from '@gov/contracts';
import {
  actionForResponse,
  assertMayExplain,
  assertMaySendBack,
  assertNpcAssignment,
  assertReplyGrade,
  assignResponsibilityBy,
  isNpcReplyOverdue,
  nextNpcState,
  NPC_TRANSITIONS,
  npcClock,
  npcClocks,
  npcReplyDue,
  replyRecipients,
  type NpcAction,
  type NpcHandlingMode,
  type NpcState,
  type ProposerResponse,
} from './npc-cppcc.rules.js';
import type { UnitAssignment } from './supervision-item.rules.js';
import { DEFAULT_SUPERVISION_SETTINGS as S, parseSupervisionSettings } from './supervision.settings.js';
import { refusalCode as code } from '@gov/spec-kit';

const cal = WorkingCalendar.bundled();
const ROLL = parseSupervisionSettings({ ...structuredClone(S), rollForwardToWorkingDay: true });
const SETTINGS = { no: S, yes: ROLL } as const;
const SPLIT = parseSupervisionSettings({ ...structuredClone(S), npcCppcc: { ...structuredClone(S.npcCppcc), allowSplitHandling: true } });
const actor = (role: Actor['roles'][number]): Actor => ({ id: 'u', name: 'n', username: 'n', roles: [role], unit: 'QFGW', clearance: 'none', rank: null });


describe('NPC suggestion / CPPCC proposal state machine', () => {
  const allowed: [NpcState | null, NpcAction, Actor['roles'][number], NpcState][] = [
    [null, 'receive', 'supervisor', 'received'],
    ['received', 'assign', 'supervisor', 'assigned'],
    ['sent-back', 'assign', 'supervisor', 'assigned'],
    ['assigned', 'send-back', 'unit-liaison', 'sent-back'],
    ['assigned', 'explain', 'unit-liaison', 'explained'],
    ['assigned', 'reply', 'unit-liaison', 'replied'],
    ['explained', 'reply', 'unit-liaison', 'replied'],
    ['reopened', 'reply', 'unit-liaison', 'replied'],
    ['replied', 'record-unsatisfied', 'supervisor', 'reopened'],
    ['replied', 'close', 'supervisor', 'closed'],
  ];
  it.each(allowed)('%s --%s by %s--> %s', (from, action, role, to) => {
    expect(nextNpcState(from, action, actor(role))).toBe(to);
  });

  it('the table has exactly these rows', () => {
    expect(NPC_TRANSITIONS.map((t) => [t.from, t.action, [...t.roles], t.to])).toEqual(allowed.map(([f, a, r, t]) => [f, a, [r], t]));
  });

  it.each<[NpcState | null, NpcAction, Actor['roles'][number], string]>([
    ['received', 'reply', 'unit-liaison', 'CONFLICT'],
    ['replied', 'send-back', 'unit-liaison', 'CONFLICT'],
    ['explained', 'explain', 'unit-liaison', 'CONFLICT'],
    ['closed', 'record-unsatisfied', 'supervisor', 'CONFLICT'],
    ['received', 'assign', 'unit-liaison', 'FORBIDDEN'],
    ['assigned', 'reply', 'supervisor', 'FORBIDDEN'],
    ['replied', 'close', 'unit-liaison', 'FORBIDDEN'],
    ['replied', 'record-unsatisfied', 'district-leader', 'FORBIDDEN'],
  ])('%s --%s by %s is refused with %s', (from, action, role, expected) => {
    expect(code(() => nextNpcState(from, action, actor(role)))).toBe(expected);
  });

  it.each<[ProposerResponse, NpcState]>([
    ['satisfied', 'closed'],
    ['basically-satisfied', 'closed'],
    ['unsatisfied', 'reopened'], // SCENARIOS seed000-a #18: "不满意" reopens the item
  ])('a %s response leads to %s', (response, state) => {
    expect(nextNpcState('replied', actionForResponse(response), actor('supervisor'))).toBe(state);
  });
});

describe('clocks (seed 000 L378; seed 001 L820–832)', () => {
  it.each([
    ['2026-03-02', '2026-03-30'], // SCENARIOS seed000-a #18: D + 20 working days
    ['2026-02-06', '2026-03-12'], // across the Spring Festival, with make-up Saturdays 14 and 28 Feb
    ['2026-09-18', '2026-10-22'], // across Mid-Autumn and National Day, with make-up 20 Sep and 10 Oct
  ])('received %s → responsibility assigned by %s', (receivedOn, by) => {
    expect(assignResponsibilityBy(cal, receivedOn, S)).toBe(by);
  });

  it('counts from the assignment', () => {
    expect(npcClocks(cal, '2026-03-30', S)).toEqual({
      midpointCheck: '2026-05-14', // day 45
      sendBackBy: '2026-04-09', // 10 days
      coUnitOpinionBy: '2026-05-30', // 2 months
      replyBy: '2026-06-30', // 3 months
      replyLatestBy: '2026-09-30', // 6 months
    });
  });

  it.each([
    ['2026-08-31', 'no', '2026-11-30', '2027-02-28'], // month-end clamp
    ['2026-04-01', 'no', '2026-07-01', '2026-10-01'], // National Day kept
    ['2026-04-01', 'yes', '2026-07-01', '2026-10-08'],
  ] as const)('assigned %s (roll forward: %s) → reply by %s, at the latest %s', (assignedOn, settings, replyBy, latest) => {
    const c = npcClocks(cal, assignedOn, SETTINGS[settings]);
    expect([c.replyBy, c.replyLatestBy]).toEqual([replyBy, latest]);
  });

  it.each([
    ['2026-09-24', 'no', '2026-10-04'],
    ['2026-09-24', 'yes', '2026-10-08'],
  ] as const)('assigned %s (roll forward: %s): a unit sends it back by %s', (assignedOn, settings, by) => {
    expect(npcClock(cal, assignedOn, 'sendBackBy', SETTINGS[settings])).toBe(by);
  });

  it('computes all clocks only when every year they need has holiday data', () => {
    expect(npcClock(cal, '2026-09-24', 'replyBy', ROLL)).toBe('2026-12-24');
    expect(code(() => npcClocks(cal, '2026-09-24', ROLL))).toBe('CALENDAR_DATA_MISSING'); // 6 months: March 2027
    expect(npcClocks(cal, '2026-09-24', S).replyLatestBy).toBe('2027-03-24'); // no roll-forward: no data needed
  });

  it.each<[string, { explainedOn?: string; reopenedOn?: string }, string]>([
    ['no explanation', {}, '2026-06-30'],
    ['explained to the proposer', { explainedOn: '2026-06-15' }, '2026-09-30'],
    ['reopened after "unsatisfied"', { reopenedOn: '2026-07-10' }, '2026-07-25'],
  ])('reply due, %s: %s', (_name, state, due) => {
    expect(npcReplyDue(cal, '2026-03-30', S, state)).toBe(due);
  });

  it.each<[string, { explainedOn?: string }, boolean]>([
    ['2026-06-30', {}, false],
    ['2026-07-01', {}, true], // SCENARIOS seed000-a #18: after 3 months, no reply, no explanation: overdue
    ['2026-07-01', { explainedOn: '2026-06-15' }, false],
    ['2026-09-30', { explainedOn: '2026-06-15' }, false],
    ['2026-10-01', { explainedOn: '2026-06-15' }, true], // the hard limit: 6 months
  ])('as of %s (%o): overdue %s', (asOf, state, expected) => {
    expect(isNpcReplyOverdue(cal, '2026-03-30', asOf, S, state)).toBe(expected);
  });
});

describe('refusals with their codes', () => {
  it.each<[string, string, { text: string; sealed: boolean }, string]>([
    ['on the 10th day, sealed', '2026-04-09', { text: '该建议属市级事权，建议转市住建局', sealed: true }, 'ok'],
    ['on the 11th day', '2026-04-10', { text: '该建议属市级事权', sealed: true }, 'DEADLINE_RULE'],
    ['without a written opinion', '2026-04-01', { text: ' ', sealed: true }, 'BAD_USER_INPUT'],
    ['without the seal', '2026-04-01', { text: '不属本单位职责', sealed: false }, 'BAD_USER_INPUT'],
  ])('sending back %s → %s', (_name, on, opinion, expected) => {
    expect(code(() => assertMaySendBack(cal, '2026-03-30', on, opinion, S))).toBe(expected);
  });

  it.each([
    ['2026-06-30', 'ok'],
    ['2026-07-01', 'DEADLINE_RULE'],
  ])('explaining to the proposer on %s → %s', (on, expected) => {
    expect(code(() => assertMayExplain(cal, '2026-03-30', on, S))).toBe(expected);
  });

  it.each<[unknown, string]>([
    ['A', 'ok'],
    ['B', 'ok'],
    ['C', 'ok'],
    ['D', 'ok'],
    ['E', 'BAD_USER_INPUT'],
    ['a', 'BAD_USER_INPUT'],
    [null, 'BAD_USER_INPUT'],
    ['toString', 'BAD_USER_INPUT'],
  ])('reply grade %p → %s (seed 001 L834)', (grade, expected) => {
    expect(code(() => assertReplyGrade(grade))).toBe(expected);
  });
});

describe('handling modes (seed 001 L826–830; seed 000 L378)', () => {
  const lead = (unit: string): UnitAssignment => ({ unit, role: 'lead', responsiblePerson: '分管副局长' });
  const co = (unit: string): UnitAssignment => ({ unit, role: 'co', responsiblePerson: '分管副局长' });
  const HANDLING = { default: S, 'split allowed': SPLIT } as const;
  it.each<[NpcHandlingMode, UnitAssignment[], keyof typeof HANDLING, string]>([
    ['sole', [lead('QJYJ')], 'default', 'ok'],
    ['sole', [lead('QJYJ'), co('QCZJ')], 'default', 'BAD_USER_INPUT'],
    ['lead-and-co', [lead('QJYJ'), co('QCZJ')], 'default', 'ok'],
    ['lead-and-co', [lead('QJYJ')], 'default', 'BAD_USER_INPUT'],
    ['lead-and-co', [co('QJYJ'), co('QCZJ')], 'default', 'BAD_USER_INPUT'],
    ['split', [lead('QJYJ'), lead('QCZJ')], 'default', 'BAD_USER_INPUT'], // off by default: seed 000 L378 wants a lead
    ['split', [lead('QJYJ'), lead('QCZJ')], 'split allowed', 'ok'],
    ['split', [lead('QJYJ')], 'split allowed', 'BAD_USER_INPUT'],
    ['split', [lead('QJYJ'), co('QCZJ')], 'split allowed', 'BAD_USER_INPUT'],
  ])('%s with %j, %s settings → %s', (mode, units, settings, expected) => {
    expect(code(() => assertNpcAssignment(mode, units, HANDLING[settings]))).toBe(expected);
  });

  it.each<[string, { name: string; leads: boolean }[], unknown]>([
    ['one proposer', [{ name: '刘代表', leads: false }], { replyTo: ['刘代表'], feedbackFormTo: '刘代表' }],
    [
      'joint, with a lead signatory',
      [
        { name: '刘代表', leads: false },
        { name: '陈代表', leads: true },
      ],
      { replyTo: ['刘代表', '陈代表'], feedbackFormTo: '陈代表' },
    ],
    ['joint, no lead signatory', [{ name: '刘委员', leads: false }, { name: '陈委员', leads: false }], 'BAD_USER_INPUT'],
    ['joint, two lead signatories', [{ name: '刘委员', leads: true }, { name: '陈委员', leads: true }], 'BAD_USER_INPUT'],
    ['nobody', [], 'BAD_USER_INPUT'],
  ])('reply recipients, %s (seed 001 L834–836)', (_name, proposers, expected) => {
    let result: unknown;
    try {
      result = replyRecipients(proposers);
    } catch (e) {
      result = (e as GovError).code;
    }
    expect(result).toEqual(expected);
  });
});
