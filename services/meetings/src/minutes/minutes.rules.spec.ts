import { calendarDays, hoursOf, workingDays } from '../meetings/lead-time.js';
import { actor, bj, cal, caught, code } from '../meetings/spec-kit.js';
import {
  assertFullySigned,
  DEFAULT_MINUTES_SETTINGS,
  formatMinutesNumber,
  isDraftOverdue,
  issueDueAfterSigning,
  MINUTES_TRANSITIONS,
  MinutesSettingsSchema,
  minutesDeadlines,
  minutesIssuedItems,
  missingSignatures,
  nextMinutesState,
  requiredSignatures,
  separateMajorIssueMinutesRequired,
  supervisionFormDue,
  type HeldMeeting,
  type MinutesAction,
  type MinutesSettings,
  type MinutesState,
  type Signature,
  type Signer,
} from './minutes.rules.js';

const held = (typeCode: string, start: string, end: string, urgent = false): HeldMeeting => ({ typeCode, startsAt: bj(start), endsAt: bj(end), urgent });

describe('settings', () => {
  it('defaults', () => {
    expect(DEFAULT_MINUTES_SETTINGS).toEqual({
      executiveDraft: hoursOf(24),
      executiveDraftFrom: 'start',
      standingCommitteeDraft: workingDays(2),
      standingCommitteeIssue: calendarDays(7),
      generalDraft: workingDays(2),
      issueAfterSigning: calendarDays(1),
      supervisionForm: workingDays(1),
    });
  });
  it.each([[{ executiveDraft: { amount: 24, unit: 'working' } }], [{ executiveDraftFrom: 'noon' }], [{ generalDraft: { amount: 2 } }]])('rejects %j', (bad) => {
    expect(MinutesSettingsSchema.safeParse(bad).success).toBe(false);
  });
});

describe('minutes due times by meeting type', () => {
  const fromEnd: MinutesSettings = { ...DEFAULT_MINUTES_SETTINGS, executiveDraftFrom: 'end' };
  it.each<[string, HeldMeeting, MinutesSettings, string, string, string | null]>([
    // executive: 24 hours (seed 004 L89), stricter than seed 000 L632's 2 working days
    ['executive, 24 h from the start', held('executive-meeting', '2026-03-12 09:00', '2026-03-12 11:30'), DEFAULT_MINUTES_SETTINGS, '2026-03-13 09:00', 'executive-24-hours', null],
    ['executive, 24 h from the end (setting)', held('executive-meeting', '2026-03-12 09:00', '2026-03-12 11:30'), fromEnd, '2026-03-13 11:30', 'executive-24-hours', null],
    ['executive before the Spring Festival: hours run through the holiday', held('executive-meeting', '2026-02-13 15:00', '2026-02-13 17:00'), DEFAULT_MINUTES_SETTINGS, '2026-02-14 15:00', 'executive-24-hours', null],
    // SCENARIOS.md seed000-b #1 and seed003 #15: a Friday 常委会 → draft by Tuesday (2 WD), issued by D+7
    ['standing committee on Friday', held('standing-committee', '2026-03-06 15:00', '2026-03-06 17:30'), DEFAULT_MINUTES_SETTINGS, '2026-03-10 17:00', 'standing-committee', '2026-03-13 17:00'],
    ['standing committee on Fri 13 Feb: Sat 14, then Tue 24 Feb', held('standing-committee', '2026-02-13 09:00', '2026-02-13 11:00'), DEFAULT_MINUTES_SETTINGS, '2026-02-24 17:00', 'standing-committee', '2026-02-20 17:00'],
    ['standing committee on Wed 30 Sep: Thu 8, Fri 9 Oct', held('standing-committee', '2026-09-30 09:00', '2026-09-30 11:00'), DEFAULT_MINUTES_SETTINGS, '2026-10-09 17:00', 'standing-committee', '2026-10-07 17:00'],
    ['standing committee on Fri 9 Oct: Sat 10, Mon 12 Oct', held('standing-committee', '2026-10-09 09:00', '2026-10-09 11:00'), DEFAULT_MINUTES_SETTINGS, '2026-10-12 17:00', 'standing-committee', '2026-10-16 17:00'],
    // others: 2 working days (seed 000 L552, L640)
    ['书记办公会 on Monday', held('secretary-office-meeting', '2026-03-09 09:00', '2026-03-09 10:00'), DEFAULT_MINUTES_SETTINGS, '2026-03-11 17:00', 'general', null],
    ['全区性大会: “尽快” capped at 2 working days', held('committee-district-wide-conference', '2026-03-09 09:00', '2026-03-09 10:00'), DEFAULT_MINUTES_SETTINGS, '2026-03-11 17:00', 'general', null],
    // SCENARIOS.md seed000-b #2: urgent → due the same day
    ['urgent leader meeting', held('committee-leaders-office-meeting', '2026-03-09 10:00', '2026-03-09 11:00', true), DEFAULT_MINUTES_SETTINGS, '2026-03-09 17:00', 'urgent', null],
    ['urgent meeting ending after close of business: at its end', held('committee-leaders-office-meeting', '2026-03-09 18:00', '2026-03-09 19:30', true), DEFAULT_MINUTES_SETTINGS, '2026-03-09 19:30', 'urgent', null],
    ['urgent executive meeting: same day beats 24 hours', held('executive-meeting', '2026-03-12 09:00', '2026-03-12 11:00', true), DEFAULT_MINUTES_SETTINGS, '2026-03-12 17:00', 'urgent', null],
    ['urgent executive meeting ending after close of business: due at its end', held('executive-meeting', '2026-03-12 20:00', '2026-03-12 21:00', true), DEFAULT_MINUTES_SETTINGS, '2026-03-12 21:00', 'urgent', null],
  ])('%s', (_n, m, settings, due, basis, issueDue) => {
    const d = minutesDeadlines(m, cal, settings);
    expect(d.draftDueAt).toEqual(bj(due));
    expect(d.draftBasis).toBe(basis);
    expect(d.issueDueAt).toEqual(issueDue ? bj(issueDue) : null);
  });
  it('a meeting that ends before it starts is BAD_USER_INPUT', () => {
    expect(code(() => minutesDeadlines(held('executive-meeting', '2026-03-12 09:00', '2026-03-12 08:00'), cal))).toBe('BAD_USER_INPUT');
  });
  it('urgent minutes not drafted are overdue the same evening (SCENARIOS.md seed000-b #2)', () => {
    const d = minutesDeadlines(held('committee-leaders-office-meeting', '2026-03-09 10:00', '2026-03-09 11:00', true), cal);
    expect(isDraftOverdue(d, null, bj('2026-03-09 16:59'))).toBe(false);
    expect(isDraftOverdue(d, null, bj('2026-03-09 17:01'))).toBe(true);
    expect(isDraftOverdue(d, bj('2026-03-09 16:00'), bj('2026-03-10 09:00'))).toBe(false);
  });
});

describe('issued the day after signing (seed 004 L91)', () => {
  it.each<[string, MinutesSettings, string]>([
    ['2026-03-12 18:00', DEFAULT_MINUTES_SETTINGS, '2026-03-13'],
    ['2026-02-13 16:00', DEFAULT_MINUTES_SETTINGS, '2026-02-14'],
    ['2026-09-30 16:00', DEFAULT_MINUTES_SETTINGS, '2026-10-01'], // calendar day, no roll-forward: the stricter
    ['2026-09-30 16:00', { ...DEFAULT_MINUTES_SETTINGS, issueAfterSigning: workingDays(1) }, '2026-10-08'],
  ])('signed %s → issued by %s', (signed, settings, due) => {
    expect(issueDueAfterSigning(bj(signed), cal, settings).dueDate).toBe(due);
  });
});

describe('supervision hand-over form after a research trip (seed 000 L640(2))', () => {
  it.each([
    ['2026-03-09 17:30', '2026-03-10'], // SCENARIOS.md seed000-b #3: ended Monday → by the end of Tuesday
    ['2026-02-13 16:00', '2026-02-14'],
    ['2026-09-30 16:00', '2026-10-08'],
  ])('trip ended %s → form due %s', (ended, due) => {
    expect(supervisionFormDue(bj(ended), cal)).toEqual({ dueDate: due, dueAt: bj(`${due} 17:00`) });
  });
});

const show = (s: Signer) => (s.kind === 'role' ? s.role : s.kind === 'post' ? s.post : `leader:${s.leaderId}`);

describe('who signs', () => {
  it.each<[string, boolean, string[]]>([
    ['standing-committee', false, ['section-chief', 'deputy-director', 'director']],
    ['standing-committee', true, ['section-chief', 'deputy-director', 'director', 'leader:副区长甲']],
    ['executive-meeting', false, ['section-chief', 'deputy-director', 'director', 'district-mayor']],
    ['district-head-topic-meeting', false, ['section-chief', 'director', 'deputy-head-in-charge', 'district-mayor']],
    ['deputy-head-topic-meeting', false, ['section-chief', 'director', 'deputy-head-in-charge']],
    ['secretary-office-meeting', true, ['section-chief', 'deputy-director', 'director', 'leader:副区长甲']],
  ])('%s, major %s: %j', (type, major, chain) => {
    expect(requiredSignatures(type, { major, relevantLeaderIds: ['副区长甲', '副区长甲'] }).map(show)).toEqual(chain);
  });
  it('major matters must name the leaders who sign', () => {
    expect(code(() => requiredSignatures('standing-committee', { major: true }))).toBe('BAD_USER_INPUT');
  });

  const required = requiredSignatures('standing-committee', { major: true, relevantLeaderIds: ['L7'] });
  const sig = (signerId: string, roles: Signature['roles'], at: string): Signature => ({ signerId, roles, posts: [], at: bj(at) });
  const chief = sig('c', ['section-chief'], '2026-03-09 10:00');
  const deputy = sig('d', ['deputy-director'], '2026-03-09 11:00');
  const director = sig('r', ['director'], '2026-03-09 15:00');
  const leader = sig('L7', ['district-leader'], '2026-03-10 09:00');
  it.each<[string, Signature[], string[]]>([
    ['all, in order', [chief, deputy, director, leader], []],
    // SCENARIOS.md seed003 #15: major-matter minutes without the district head's 审签 cannot be issued
    ['the relevant leader missing', [chief, deputy, director], ['leader:L7']],
    ['the director missing', [chief, deputy, leader], ['director']],
    ['the director signed before the deputy reviewed (倒签)', [chief, { ...deputy, at: bj('2026-03-09 16:00') }, director, leader], ['director']],
    ['one person with two roles cannot sign twice with one signature', [chief, sig('x', ['deputy-director', 'director'], '2026-03-09 12:00'), leader], ['director']],
  ])('%s → missing %j', (_n, signatures, missing) => {
    expect(missingSignatures(required, signatures).map(show)).toEqual(missing);
  });
  it('assertFullySigned is CONFLICT with the missing signers', () => {
    const err = caught(() => assertFullySigned(required, [chief, deputy, director]));
    expect(err.code).toBe('CONFLICT');
    expect(err.details).toEqual({ missing: [{ kind: 'leader', leaderId: 'L7' }] });
  });
  it('the 区长 signs executive minutes as the holder of the post', () => {
    const req = requiredSignatures('executive-meeting', { major: false });
    const mayor: Signature = { signerId: 'm', roles: ['district-leader'], posts: ['district-mayor'], at: bj('2026-03-10 09:00') };
    expect(missingSignatures(req, [chief, deputy, director, mayor])).toEqual([]);
    expect(missingSignatures(req, [chief, deputy, director, { ...mayor, posts: [] }]).map(show)).toEqual(['district-mayor']);
  });
});

describe('minutes state machine (seed 000 L560, L632)', () => {
  const required: Signer[] = [{ kind: 'role', role: 'director' }];
  const signed = { required, signatures: [{ signerId: 'r', roles: ['director'], posts: [], at: bj('2026-03-09 15:00') }] as Signature[] };
  const unsigned = { required, signatures: [] };
  it.each<[MinutesState | null, MinutesAction, string, MinutesState]>([
    [null, 'draft', 'clerk', 'drafted'],
    ['drafted', 'review', 'section-chief', 'section-reviewed'],
    ['section-reviewed', 'review', 'deputy-director', 'deputy-reviewed'],
    ['section-reviewed', 'send-back', 'deputy-director', 'drafted'],
    ['deputy-reviewed', 'register', 'clerk', 'registered'],
    ['registered', 'sign', 'director', 'in-signature'],
    ['in-signature', 'sign', 'district-leader', 'in-signature'],
    ['in-signature', 'complete-signing', 'clerk', 'signed'],
    ['signed', 'issue', 'clerk', 'issued'],
    ['issued', 'archive', 'archivist', 'archived'],
  ])('%s --%s by %s--> %s', (from, action, role, to) => {
    expect(nextMinutesState(from, action, actor([role as never]), signed)).toBe(to);
  });
  it('covers the table', () => expect(MINUTES_TRANSITIONS).toHaveLength(10));
  it.each<[MinutesState | null, MinutesAction, string, string]>([
    ['drafted', 'register', 'clerk', 'CONFLICT'], // skipping the reviews
    ['registered', 'issue', 'clerk', 'CONFLICT'], // unsigned minutes are not issued
    ['drafted', 'review', 'deputy-director', 'FORBIDDEN'],
    ['registered', 'sign', 'clerk', 'FORBIDDEN'],
    ['in-signature', 'complete-signing', 'clerk', 'CONFLICT'], // with a signature missing
  ])('%s --%s by %s → %s', (from, action, role, expected) => {
    expect(code(() => nextMinutesState(from, action, actor([role as never]), unsigned))).toBe(expected);
  });
});

describe('major issues and numbering', () => {
  it.each<[string, boolean, boolean]>([
    ['standing-committee', true, true],
    ['executive-meeting', true, true],
    ['standing-committee', false, false],
    ['secretary-office-meeting', true, false],
  ])('%s, major %s: separate 重大问题会议纪要 %s (seed 000 L560(1), L632(2))', (type, major, separate) => {
    expect(separateMajorIssueMinutesRequired(type, major)).toBe(separate);
  });
  it.each([
    ['standing-committee', 3, '区委常委会议纪要〔2026〕3号'],
    ['executive-meeting', 12, '区政府常务会议纪要〔2026〕12号'],
    ['district-head-topic-meeting', 1, '区长专题会议纪要〔2026〕1号'],
    ['committee-forum', 2, '座谈会纪要〔2026〕2号'],
  ])('%s no. %i → %s', (type, n, printed) => {
    expect(formatMinutesNumber(type, 2026, n)).toBe(printed);
  });
});

describe('decisions become one event item each', () => {
  const decisions = [
    { text: '由区住建局牵头制定老旧小区改造方案', leadUnit: '区住建局', coUnits: ['区财政局', '区住建局'], dueDate: '2026-04-30' },
    { text: '区财政局安排专项资金', leadUnit: '区财政局', requiresDocument: true },
    { text: '各街道做好宣传发动', leadUnit: '各街道' },
  ];
  it('three decisions, three items, numbered in order', () => {
    expect(minutesIssuedItems({ typeCode: 'executive-meeting', classification: 'none', decisions })).toEqual([
      { itemNo: 1, summary: decisions[0]!.text, leadUnit: '区住建局', coUnits: ['区财政局'], dueDate: '2026-04-30', requiresDocument: false, supervisedBy: 'supervision-office' },
      { itemNo: 2, summary: decisions[1]!.text, leadUnit: '区财政局', coUnits: [], dueDate: null, requiresDocument: true, supervisedBy: 'supervision-office' },
      { itemNo: 3, summary: decisions[2]!.text, leadUnit: '各街道', coUnits: [], dueDate: null, requiresDocument: false, supervisedBy: 'supervision-office' },
    ]);
  });
  it('classified minutes carry no decision text', () => {
    expect(minutesIssuedItems({ typeCode: 'standing-committee', classification: 'secret', decisions }).map((i) => i.summary)).toEqual([null, null, null]);
  });
  // SCENARIOS.md seed002 #21: district-head topic minutes → 区目督室; deputy-head minutes → the liaison cadre
  it('区长专题会议 decisions go to the supervision office (seed 002 L459)', () => {
    expect(minutesIssuedItems({ typeCode: 'district-head-topic-meeting', classification: 'none', decisions })[0]!.supervisedBy).toBe('supervision-office');
  });
  it('副区长专题会议 decisions are followed by the liaison cadre (seed 002 L459)', () => {
    expect(minutesIssuedItems({ typeCode: 'deputy-head-topic-meeting', classification: 'none', decisions })[0]!.supervisedBy).toBe('liaison-cadre');
  });
  it.each<[string, unknown]>([
    ['no lead unit', { text: '做好某项工作' }],
    ['blank text', { text: ' ', leadUnit: '区住建局' }],
    ['a bad date', { text: 'x', leadUnit: 'y', dueDate: '2026-02-30' }],
  ])('a decision with %s is BAD_USER_INPUT', (_n, decision) => {
    const err = caught(() => minutesIssuedItems({ typeCode: 'executive-meeting', classification: 'none', decisions: [decisions[0], decision] }));
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.details).toEqual({ itemNo: 2 });
  });
  it('minutes without decisions have no items', () => {
    expect(minutesIssuedItems({ typeCode: 'executive-meeting', classification: 'none', decisions: [] })).toEqual([]);
  });
});
