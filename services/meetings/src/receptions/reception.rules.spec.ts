import { calendarDays, workingDays, yuan } from '../meetings/lead-time.js';
import { actor, bj, cal, caught, code } from '../meetings/spec-kit.js';
import {
  ACTIVITY_TRANSITIONS,
  assertActivityNoticeInTime,
  assertOfficeAssistance,
  assertPlanApproved,
  assertReceptionMayBeHeld,
  assertReceptionPlanComplete,
  assertReimbursementComplete,
  assertVenueSetInTime,
  DEFAULT_RECEPTION_SETTINGS,
  largeEventTimeline,
  mealNeedsLeaderApproval,
  missingReceptionPlanFields,
  nextActivityState,
  ReceptionSettingsSchema,
  receptionLead,
  secondaryUnitReceptionNeedsDirector,
  VENUE_ARRANGEMENTS,
  type ActivityAction,
  type ActivityState,
  type ReceptionPlanKind,
  type Visit,
} from './reception.rules.js';

describe('settings', () => {
  it('defaults: venue the calendar day before, report over ¥500, secondary units over ¥3,000', () => {
    expect(DEFAULT_RECEPTION_SETTINGS).toEqual({
      venueSetup: calendarDays(1),
      reportToDirectorAbove: yuan(500),
      secondaryUnitDirectorAbove: yuan(3000),
      generalOfficeLeaderCountsAsMunicipalLeader: true,
    });
  });
  it.each([[{ venueSetup: { amount: 1 } }], [{ reportToDirectorAbove: { amount: 500 } }], [{ reportToDirectorAbove: { amount: -1, currency: 'CNY' } }]])('rejects %j', (bad) => {
    expect(ReceptionSettingsSchema.safeParse(bad).success).toBe(false);
  });
});

describe('who leads a reception (seed 004 L162–168)', () => {
  it.each<[string, Visit, string, string | null, boolean, number]>([
    ['市政府 leader', { origin: 'municipal-government', rank: 'bureau-level-or-below', accompaniedBy: 'none' }, 'district-government-office', 'relevant-departments', true, 1],
    ['市政府办公厅 leader', { origin: 'municipal-general-office', rank: 'bureau-level-or-below', accompaniedBy: 'none' }, 'district-government-office', 'relevant-departments', true, 1],
    ['other municipal organ', { origin: 'other-municipal-organ', rank: 'vice-ministerial-or-above', accompaniedBy: 'municipal-government-leader' }, 'matching-department', null, false, 2],
    ['ministry, vice-ministerial, with a 市政府 leader', { origin: 'national-ministry', rank: 'vice-ministerial-or-above', accompaniedBy: 'municipal-government-leader' }, 'district-government-office', 'matching-department', true, 3],
    ['other province, vice-ministerial, unaccompanied', { origin: 'other-province-or-municipality', rank: 'vice-ministerial-or-above', accompaniedBy: 'none' }, 'matching-department', 'district-government-office', true, 3],
    ['ministry, vice-ministerial, with a 市政府办公厅 leader (not in the table: D19)', { origin: 'national-ministry', rank: 'vice-ministerial-or-above', accompaniedBy: 'municipal-general-office-leader' }, 'district-government-office', 'matching-department', true, 3],
    ['ministry, bureau level (含厅级)', { origin: 'national-ministry', rank: 'bureau-level-or-below', accompaniedBy: 'municipal-government-leader' }, 'matching-department', null, false, 4],
    ['other province, bureau level', { origin: 'other-province-or-municipality', rank: 'bureau-level-or-below', accompaniedBy: 'none' }, 'matching-department', null, false, 4],
  ])('%s', (_n, visit, lead, support, involved, row) => {
    expect(receptionLead(visit)).toEqual({ lead, support, officeInvolved: involved, row });
  });
  it('the uncovered case follows the setting', () => {
    const visit: Visit = { origin: 'national-ministry', rank: 'vice-ministerial-or-above', accompaniedBy: 'municipal-general-office-leader' };
    expect(receptionLead(visit, { ...DEFAULT_RECEPTION_SETTINGS, generalOfficeLeaderCountsAsMunicipalLeader: false }).lead).toBe('matching-department');
  });
});

describe('plans and their approvals', () => {
  it.each<[ReceptionPlanKind, number]>([
    ['reception', 7], // seed 004 L174
    ['large-event', 9], // seed 004 L183
    ['activity', 7], // seed 000 L84
  ])('%s plan has %i fields', (kind, n) => {
    expect(missingReceptionPlanFields(kind, {})).toHaveLength(n);
  });
  it('an activity plan without its route is BAD_USER_INPUT', () => {
    const plan = { time: 'a', place: 'b', theme: 'c', route: '', participants: ['d'], agenda: ['e'], taskDivision: 'f' };
    const err = caught(() => assertReceptionPlanComplete('activity', plan));
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.details).toEqual({ missing: ['route'] });
  });
  it.each<[ReceptionPlanKind, string[], string]>([
    ['reception', ['leader-in-charge', 'principal-leader'], 'ok'],
    ['reception', ['principal-leader', 'leader-in-charge'], 'ok'],
    ['reception', ['leader-in-charge'], 'CONFLICT'], // both must approve (L172)
    ['large-event', ['district-leader'], 'ok'],
    ['large-event', [], 'CONFLICT'],
    ['activity', ['district-leader'], 'CONFLICT'], // the deputy director reviews first (seed 000 L86)
    ['activity', ['deputy-director', 'district-leader'], 'ok'],
  ])('%s approved by %j → %s', (kind, approvals, expected) => {
    expect(code(() => assertPlanApproved(kind, approvals))).toBe(expected);
  });
  it.each<[string[], string]>([
    [['venue-setup', 'catering', 'notify-news-units', 'record-talks'], 'ok'],
    [['itinerary'], 'BAD_USER_INPUT'], // "不参与具体工作安排" (L178)
    [['venue-setup', 'vehicles'], 'BAD_USER_INPUT'],
  ])('office assistance %j → %s', (items, expected) => {
    expect(code(() => assertOfficeAssistance(items))).toBe(expected);
  });
  it('venue arrangements by kind (seed 000 L92)', () => {
    expect(VENUE_ARRANGEMENTS.ceremony).toContain('office-rostrum-seating');
    expect(Object.keys(VENUE_ARRANGEMENTS)).toHaveLength(3);
  });
});

describe('activity plan state machine and foreign affairs (seed 000 L84–94, L124)', () => {
  const plain = { foreignRelated: false };
  const foreign = { foreignRelated: true };
  it.each<[ActivityState | null, ActivityAction, string, ActivityState, typeof plain]>([
    [null, 'draft', 'clerk', 'drafted', plain],
    ['drafted', 'review', 'deputy-director', 'reviewed', plain],
    ['reviewed', 'send-to-foreign-affairs', 'clerk', 'with-foreign-affairs', foreign],
    ['with-foreign-affairs', 'give-opinion', 'foreign-affairs-officer', 'foreign-affairs-opinion-given', foreign],
    ['reviewed', 'submit-to-leader', 'clerk', 'with-leader', plain],
    ['foreign-affairs-opinion-given', 'submit-to-leader', 'clerk', 'with-leader', foreign],
    ['with-leader', 'approve', 'district-leader', 'approved', plain],
    ['with-leader', 'send-back', 'district-leader', 'drafted', plain],
    ['approved', 'issue-notice', 'clerk', 'notified', plain],
    ['notified', 'set-venue', 'clerk', 'venue-set', plain],
    ['venue-set', 'hold', 'clerk', 'held', plain],
  ])('%s --%s by %s--> %s', (from, action, role, to, ctx) => {
    expect(nextActivityState(from, action, actor([role as never]), ctx)).toBe(to);
  });
  it('covers the table', () => expect(ACTIVITY_TRANSITIONS).toHaveLength(11));
  it.each<[ActivityState | null, ActivityAction, string, typeof plain, string]>([
    ['reviewed', 'submit-to-leader', 'clerk', foreign, 'CONFLICT'], // foreign affairs first
    ['reviewed', 'send-to-foreign-affairs', 'clerk', plain, 'CONFLICT'],
    ['with-foreign-affairs', 'give-opinion', 'clerk', foreign, 'FORBIDDEN'],
    ['with-foreign-affairs', 'submit-to-leader', 'clerk', foreign, 'CONFLICT'], // opinion not given yet
    ['drafted', 'approve', 'district-leader', plain, 'CONFLICT'], // the deputy's review first
    ['with-leader', 'approve', 'deputy-director', plain, 'FORBIDDEN'],
    ['with-leader', 'issue-notice', 'clerk', plain, 'CONFLICT'], // notice on the approved plan only
  ])('%s --%s by %s → %s', (from, action, role, ctx, expected) => {
    expect(code(() => nextActivityState(from, action, actor([role as never]), ctx))).toBe(expected);
  });
});

describe('activity notice 1 working day before (seed 000 L86)', () => {
  it.each<[string, string, string]>([
    ['2026-03-12 09:00', '2026-03-11 16:30', 'ok'],
    ['2026-03-12 09:00', '2026-03-11 17:30', 'DEADLINE_RULE'],
    ['2026-02-24 09:00', '2026-02-14 10:00', 'ok'], // Sat 14 Feb worked
    ['2026-02-24 09:00', '2026-02-20 10:00', 'DEADLINE_RULE'], // during the Spring Festival
    ['2026-10-08 09:00', '2026-09-30 10:00', 'ok'],
    ['2026-10-08 09:00', '2026-10-07 10:00', 'DEADLINE_RULE'], // during National Day
  ])('activity %s, notice %s → %s', (starts, sent, expected) => {
    expect(code(() => assertActivityNoticeInTime(bj(starts), bj(sent), cal))).toBe(expected);
  });
  it('an ad-hoc activity: late allowed, leaders phoned', () => {
    expect(assertActivityNoticeInTime(bj('2026-03-12 09:00'), bj('2026-03-12 07:00'), cal, { adHoc: true }).phoneAttendingLeaders).toBe(true);
  });
});

describe('large events: venue the day before, staff at posts 1 hour early (seed 004 L185)', () => {
  it.each<[string, string, string]>([
    ['2026-03-12 10:00', '2026-03-11', '2026-03-12 09:00'],
    ['2026-10-12 10:00', '2026-10-11', '2026-10-12 09:00'], // the eve is a Sunday: still the eve
    ['2026-02-24 09:30', '2026-02-23', '2026-02-24 08:30'], // the eve is a holiday
  ])('event %s: venue by %s, staff on post at %s', (starts, venue, staff) => {
    expect(largeEventTimeline(bj(starts), cal)).toEqual({ venueSetBy: venue, staffOnPostAt: bj(staff) });
  });
  it.each<[string, string]>([
    ['2026-10-11 22:00', 'ok'], // setup at night on the eve
    ['2026-10-10 15:00', 'ok'],
    ['2026-10-12 07:00', 'DEADLINE_RULE'],
  ])('venue set %s for an event on Mon 12 Oct → %s', (setAt, expected) => {
    expect(code(() => assertVenueSetInTime(bj('2026-10-12 10:00'), bj(setAt), cal))).toBe(expected);
  });
  it('in working days (setting) the venue moves to the last working day before', () => {
    expect(largeEventTimeline(bj('2026-10-12 10:00'), cal, { ...DEFAULT_RECEPTION_SETTINGS, venueSetup: workingDays(1) }).venueSetBy).toBe('2026-10-10');
  });
});

describe('reception spending (seed 002 L62–63; seed 001 L129, L135)', () => {
  // SCENARIOS.md seed002 #1
  it.each<[boolean, number, boolean, string]>([
    [true, 600, false, 'CONFLICT'],
    [true, 600, true, 'ok'],
    [true, 500, false, 'ok'], // 超过 means strictly over
    [false, 300, false, 'CONFLICT'], // 审批同意后方可接待
  ])('approved %s, estimate ¥%i, director informed %s → %s', (approved, cost, informed, expected) => {
    expect(code(() => assertReceptionMayBeHeld({ approvedByLogisticsCadre: approved, estimatedCost: cost, directorInformed: informed }))).toBe(expected);
  });
  it('names the seed’s reason', () => {
    expect(caught(() => assertReceptionMayBeHeld({ approvedByLogisticsCadre: true, estimatedCost: 600, directorInformed: false })).message).toBe('预计超过500元需向区府办主任汇报');
  });
  // SCENARIOS.md seed002 #2
  it.each<[string[], string]>([
    [['invoice', 'approval-form', 'official-letter', 'menu'], 'ok'],
    [['invoice', 'approval-form', 'official-letter'], 'BAD_USER_INPUT'],
  ])('reimbursement with %j → %s', (docs, expected) => {
    expect(code(() => assertReimbursementComplete(docs))).toBe(expected);
  });
  it.each<[number, boolean]>([
    [3000, false],
    [3000.01, true],
  ])('a secondary unit’s reception of ¥%d needs the director: %s', (cost, needed) => {
    expect(secondaryUnitReceptionNeedsDirector(cost)).toBe(needed);
  });
  it('a restaurant needs a leader’s approval, the canteen does not', () => {
    expect(mealNeedsLeaderApproval('restaurant')).toBe(true);
    expect(mealNeedsLeaderApproval('canteen')).toBe(false);
  });
});
