import { GovError } from '@gov/contracts';
import { DEFAULT_SUPERVISION_SETTINGS as S, parseSupervisionSettings, type SupervisionSettings } from './supervision.settings.js';
import { refusal as caught } from '@gov/spec-kit';


/** A copy of the defaults with one part replaced (a deep clone, so the frozen defaults stay untouched). */
function variant(change: (s: SupervisionSettings) => void): unknown {
  const s = structuredClone(S) as SupervisionSettings;
  change(s);
  return s;
}

describe('default supervision settings: every number with its unit and seed line', () => {
  it.each<[string, (s: SupervisionSettings) => unknown, unknown]>([
    ['hand-over, ordinary: same or next day (seed 000 L336)', (s) => s.handover.ordinary, { amount: 1, unit: 'calendar' }],
    ['hand-over, urgent: at once (seed 000 L336)', (s) => s.handover.urgent, { amount: 0, unit: 'calendar' }],
    ['feedback, routine: half a month (seed 000 L338)', (s) => s.feedback.routine, { amount: 15, unit: 'calendar' }],
    ['feedback, major: one month (seed 000 L338)', (s) => s.feedback.major, { amount: 1, unit: 'calendar-months' }],
    ['feedback, complex or judicial: two months (seed 000 L338)', (s) => s.feedback.complex, { amount: 2, unit: 'calendar-months' }],
    ['petition 交办函: 2 working days (seed 000 L1310)', (s) => s.petitionCases.assignmentLetter, { amount: 2, unit: 'working' }],
    ['petition sudden: 1 to 5 days (seed 000 L1312)', (s) => s.petitionCases.sudden, { min: { amount: 1, unit: 'calendar' }, max: { amount: 5, unit: 'calendar' } }],
    ['petition fairly urgent: 15 days (seed 000 L1312)', (s) => s.petitionCases.fairlyUrgent, { amount: 15, unit: 'calendar' }],
    ['petition general: 30 days (seed 000 L1312)', (s) => s.petitionCases.general, { amount: 30, unit: 'calendar' }],
    ['petition complex: 60 days (seed 000 L1312)', (s) => s.petitionCases.complex, { amount: 60, unit: 'calendar' }],
    ['first reminder: 1st working day overdue (seed 000 L1322)', (s) => s.reminders.first, { amount: 1, unit: 'working' }],
    ['second reminder: 16th day after the first (seed 000 L1322)', (s) => s.reminders.second, { amount: 16, unit: 'calendar' }],
    ['prompt before the deadline (seed 003 L13@c17284, no number)', (s) => s.reminders.preDeadlinePrompt, { amount: 3, unit: 'working' }],
    ['NPC/CPPCC responsibility: 20 working days (seed 000 L378)', (s) => s.npcCppcc.assignResponsibility, { amount: 20, unit: 'working' }],
    ['NPC/CPPCC mid-point check: day 45 (seed 000 L378)', (s) => s.npcCppcc.midpointCheck, { amount: 45, unit: 'calendar' }],
    ['NPC/CPPCC send-back: 10 days (seed 001 L820)', (s) => s.npcCppcc.sendBack, { amount: 10, unit: 'calendar' }],
    ['NPC/CPPCC co-unit opinion: 2 months (seed 001 L830)', (s) => s.npcCppcc.coUnitOpinion, { amount: 2, unit: 'calendar-months' }],
    ['NPC/CPPCC reply: 3 months (seed 000 L378, seed 001 L832)', (s) => s.npcCppcc.reply, { amount: 3, unit: 'calendar-months' }],
    ['NPC/CPPCC reply at the latest: 6 months (seed 000 L378)', (s) => s.npcCppcc.replyLatest, { amount: 6, unit: 'calendar-months' }],
    ['NPC/CPPCC redo after "unsatisfied" (no number)', (s) => s.npcCppcc.redoReply, { amount: 15, unit: 'calendar' }],
    ['NPC/CPPCC split handling off (seed 000 L378 over seed 001 L828)', (s) => s.npcCppcc.allowSplitHandling, false],
    ['archive transfer after 1 year (seed 000 L328, L358)', (s) => s.archiveTransfer, { amount: 12, unit: 'calendar-months' }],
    ['calendar deadlines stay on a day off', (s) => s.rollForwardToWorkingDay, false],
  ])('%s', (_name, read, expected) => {
    expect(read(S)).toEqual(expected);
  });

  it('escalates blue with the first reminder, orange with the second, red 16 days later', () => {
    expect(S.escalation).toEqual([
      { colour: 'blue', trigger: { on: 'reminder', n: 1 } },
      { colour: 'orange', trigger: { on: 'reminder', n: 2 } },
      { colour: 'red', trigger: { on: 'after-previous-step', period: { amount: 16, unit: 'calendar' } } },
    ]);
  });

  it('cannot be changed in place', () => {
    expect(Object.isFrozen(S)).toBe(true);
    expect(Object.isFrozen(S.feedback.routine)).toBe(true);
    expect(() => {
      (S.feedback.routine as { amount: number }).amount = 30;
    }).toThrow(TypeError);
  });

  it('accepts a valid variant, such as next-working-day hand-over and roll-forward', () => {
    const s = parseSupervisionSettings(
      variant((v) => {
        v.handover.ordinary = { amount: 1, unit: 'working' };
        v.rollForwardToWorkingDay = true;
      }),
    );
    expect(s.handover.ordinary).toEqual({ amount: 1, unit: 'working' });
  });
});

describe('invalid settings are BAD_USER_INPUT with the path', () => {
  it.each<[string, unknown, string]>([
    ['sudden min above max', variant((s) => (s.petitionCases.sudden.min = { amount: 6, unit: 'calendar' })), 'petitionCases.sudden'],
    ['sudden min 0', variant((s) => (s.petitionCases.sudden.min = { amount: 0, unit: 'calendar' })), 'petitionCases.sudden'],
    ['sudden units differ', variant((s) => (s.petitionCases.sudden.min = { amount: 1, unit: 'working' })), 'petitionCases.sudden'],
    ['reply later than the latest reply', variant((s) => (s.npcCppcc.reply = { amount: 7, unit: 'calendar-months' })), 'npcCppcc.replyLatest'],
    ['second reminder on the same day', variant((s) => (s.reminders.second = { amount: 0, unit: 'calendar' })), 'reminders'],
    ['colours not rising', variant((s) => (s.escalation[1]!.colour = 'blue')), 'escalation.1'],
    ['first colour after a previous step', variant((s) => (s.escalation = [{ colour: 'red', trigger: { on: 'after-previous-step', period: { amount: 1, unit: 'calendar' } } }])), 'escalation.0'],
    ['reminder triggers out of order', variant((s) => (s.escalation[1]!.trigger = { on: 'reminder', n: 1 })), 'escalation.1'],
    ['no colour step', variant((s) => (s.escalation = [])), 'escalation'],
    ['unknown day unit', variant((s) => ((s.feedback as Record<string, unknown>)['routine'] = { amount: 15, unit: 'days' })), 'feedback.routine'],
    ['negative amount', variant((s) => (s.handover.urgent = { amount: -1, unit: 'calendar' })), 'handover.urgent.amount'],
    ['unknown field', variant((s) => ((s as Record<string, unknown>)['extra'] = 1)), ''],
    ['missing part', variant((s) => delete (s as Partial<SupervisionSettings>).archiveTransfer), 'archiveTransfer'],
  ])('%s', (_name, input, path) => {
    const err = caught(() => parseSupervisionSettings(input));
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.message).toMatch(/^invalid supervision settings: /);
    expect((err.details!['issues'] as { path: string }[]).map((i) => i.path)).toContain(path);
  });
});
