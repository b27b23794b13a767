import { minutesOf } from '../meetings/lead-time.js';
import { actor, bj, cal, caught, code } from '../meetings/spec-kit.js';
import {
  amendmentNotices,
  assertEntriesComplete,
  assertEntriesInWeek,
  DEFAULT_SCHEDULE_SETTINGS,
  detectConflicts,
  issueDeadline,
  issueTimeliness,
  missingEntryFields,
  nextScheduleState,
  SCHEDULE_TRANSITIONS,
  ScheduleSettingsSchema,
  type ScheduleAction,
  type ScheduleConflict,
  type ScheduleEntry,
  type ScheduleGuardContext,
  type ScheduleSettings,
  type ScheduleState,
} from './weekly-schedule.rules.js';

function entry(id: string, from: string, to: string, leaderIds: string[], place = `会议室${id}`): ScheduleEntry {
  return {
    id,
    source: 'approved-request',
    startsAt: bj(from),
    endsAt: bj(to),
    place,
    content: '工作会议',
    leaderIds,
    hostUnit: '区发改委',
  };
}

describe('settings', () => {
  it('defaults: no travel gap (seeds silent), the covered week’s Monday, a Monday off moves back', () => {
    expect(DEFAULT_SCHEDULE_SETTINGS).toEqual({
      minimumGapBetweenActivities: minutesOf(0),
      issueWeekOffset: 0,
      mondayOffRule: 'previous-working-day',
    });
  });
  it.each([[{ issueWeekOffset: 1 }], [{ mondayOffRule: 'skip' }], [{ minimumGapBetweenActivities: { amount: 15 } }]])(
    'rejects %j',
    (bad) => {
      expect(ScheduleSettingsSchema.safeParse(bad).success).toBe(false);
    },
  );
});

describe('entry register fields (seed 000 L34: time, place, content, leaders, host unit)', () => {
  const ok = entry('a', '2026-03-09 09:00', '2026-03-09 10:00', ['L1']);
  it.each<[string, Partial<ScheduleEntry>, string[]]>([
    ['complete', {}, []],
    ['ends before it starts', { endsAt: bj('2026-03-09 08:00') }, ['time']],
    ['no place', { place: ' ' }, ['place']],
    ['no content', { content: '' }, ['content']],
    ['no leader', { leaderIds: [] }, ['leaderIds']],
    ['no host unit', { hostUnit: '' }, ['hostUnit']],
  ])('%s → missing %j', (_n, over, missing) => {
    expect(missingEntryFields({ ...ok, ...over })).toEqual(missing);
  });
  it('assertEntriesComplete names each incomplete entry', () => {
    const err = caught(() => assertEntriesComplete([ok, { ...ok, id: 'b', place: '' }]));
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.details).toEqual({ incomplete: [{ id: 'b', missing: ['place'] }] });
    expect(code(() => assertEntriesComplete([ok]))).toBe('ok');
  });
  it.each<[string, string, string]>([
    ['2026-03-09', '2026-03-15 20:00', 'ok'], // Sunday evening is still the week
    ['2026-03-09', '2026-03-16 08:00', 'BAD_USER_INPUT'],
    ['2026-03-09', '2026-03-08 23:00', 'BAD_USER_INPUT'],
    ['2026-03-10', '2026-03-10 09:00', 'BAD_USER_INPUT'], // not a Monday
  ])('week of %s, entry at %s → %s', (monday, at, expected) => {
    expect(code(() => assertEntriesInWeek([{ ...ok, startsAt: bj(at), endsAt: bj(at) }], monday))).toBe(expected);
  });
});

describe('conflicts (seed 000 L36)', () => {
  const gap15: ScheduleSettings = { ...DEFAULT_SCHEDULE_SETTINGS, minimumGapBetweenActivities: minutesOf(15) };
  it.each<[string, ScheduleEntry[], ScheduleSettings, ScheduleConflict[]]>([
    [
      'one leader in two overlapping activities',
      [entry('a', '2026-03-09 09:00', '2026-03-09 10:30', ['书记']), entry('b', '2026-03-09 10:00', '2026-03-09 11:00', ['书记'])],
      DEFAULT_SCHEDULE_SETTINGS,
      [{ kind: 'leader-time', leaderId: '书记', entryIds: ['a', 'b'] }],
    ],
    [
      'back to back is no conflict without a travel gap',
      [entry('a', '2026-03-09 09:00', '2026-03-09 10:00', ['书记']), entry('b', '2026-03-09 10:00', '2026-03-09 11:00', ['书记'])],
      DEFAULT_SCHEDULE_SETTINGS,
      [],
    ],
    [
      'back to back conflicts with a 15-minute travel gap',
      [entry('a', '2026-03-09 09:00', '2026-03-09 10:00', ['书记']), entry('b', '2026-03-09 10:10', '2026-03-09 11:00', ['书记'])],
      gap15,
      [{ kind: 'leader-time', leaderId: '书记', entryIds: ['a', 'b'] }],
    ],
    [
      'different leaders at the same time, different places',
      [entry('a', '2026-03-09 09:00', '2026-03-09 10:00', ['书记']), entry('b', '2026-03-09 09:00', '2026-03-09 10:00', ['区长'])],
      DEFAULT_SCHEDULE_SETTINGS,
      [],
    ],
    [
      'two leaders shared: one conflict each',
      [
        entry('a', '2026-03-09 09:00', '2026-03-09 10:00', ['书记', '区长']),
        entry('b', '2026-03-09 09:30', '2026-03-09 10:30', ['区长', '书记']),
      ],
      DEFAULT_SCHEDULE_SETTINGS,
      [
        { kind: 'leader-time', leaderId: '书记', entryIds: ['a', 'b'] },
        { kind: 'leader-time', leaderId: '区长', entryIds: ['a', 'b'] },
      ],
    ],
    [
      'same room at the same time',
      [
        entry('a', '2026-03-09 09:00', '2026-03-09 10:00', ['书记'], '一号会议室'),
        entry('b', '2026-03-09 09:30', '2026-03-09 10:30', ['区长'], '一号会议室 '),
      ],
      DEFAULT_SCHEDULE_SETTINGS,
      [{ kind: 'venue', place: '一号会议室', entryIds: ['a', 'b'] }],
    ],
    [
      'same room, different days',
      [
        entry('a', '2026-03-09 09:00', '2026-03-09 10:00', ['书记'], '一号会议室'),
        entry('b', '2026-03-10 09:00', '2026-03-10 10:00', ['区长'], '一号会议室'),
      ],
      DEFAULT_SCHEDULE_SETTINGS,
      [],
    ],
  ])('%s', (_n, entries, settings, expected) => {
    expect(detectConflicts(entries, settings)).toEqual(expected);
  });
});

describe('weekly-table state machine (seed 000 L34–40)', () => {
  const posts = { 'party-secretary': 'sec', 'district-mayor': 'mayor' };
  const clean: ScheduleGuardContext = { posts, openConflicts: [] };
  const dl = (id: string) => actor(['district-leader'], id);
  const conflicting: ScheduleGuardContext = {
    posts,
    openConflicts: [{ kind: 'leader-time', leaderId: 'sec', entryIds: ['a', 'b'] }],
  };
  it.each<[ScheduleState | null, ScheduleAction, ReturnType<typeof actor>, ScheduleState, ScheduleGuardContext]>([
    [null, 'collect', actor(['clerk']), 'collected', clean],
    ['collected', 'screen', actor(['clerk']), 'screened', clean],
    ['screened', 'draft', actor(['clerk']), 'draft', clean],
    ['draft', 'flag-conflict', actor(['clerk']), 'in-conflict', conflicting],
    ['in-conflict', 'resolve-conflict', actor(['deputy-director']), 'draft', clean],
    ['draft', 'review', actor(['section-chief']), 'chief-reviewed', clean],
    ['chief-reviewed', 'send-back', actor(['section-chief']), 'draft', clean],
    ['chief-reviewed', 'review', actor(['deputy-director']), 'deputy-reviewed', clean],
    ['deputy-reviewed', 'submit-to-director', actor(['deputy-director']), 'with-director', clean],
    ['with-director', 'read', actor(['director']), 'awaiting-approvals', clean],
    ['with-director', 'send-back', actor(['director']), 'draft', clean],
    ['awaiting-approvals', 'approve-as-party-secretary', dl('sec'), 'secretary-approved', clean],
    ['awaiting-approvals', 'approve-as-district-mayor', dl('mayor'), 'mayor-approved', clean],
    ['secretary-approved', 'approve-as-district-mayor', dl('mayor'), 'approved', clean],
    ['mayor-approved', 'approve-as-party-secretary', dl('sec'), 'approved', clean],
    ['approved', 'issue', actor(['clerk']), 'issued', clean],
    ['issued', 'amend', actor(['clerk']), 'amended', clean],
    ['amended', 'amend', actor(['clerk']), 'amended', clean],
  ])('%s --%s--> %s', (from, action, who, to, ctx) => {
    expect(nextScheduleState(from, action, who, ctx)).toBe(to);
  });
  it('covers the whole table', () => {
    expect(SCHEDULE_TRANSITIONS).toHaveLength(18);
  });
  it.each<[string, ScheduleState | null, ScheduleAction, ReturnType<typeof actor>, ScheduleGuardContext, string]>([
    // SCENARIOS.md seed000-a #4: the secretary approved, the mayor not yet: issuing is blocked
    ['issue with the secretary’s approval only', 'secretary-approved', 'issue', actor(['clerk']), clean, 'CONFLICT'],
    ['issue with the mayor’s approval only', 'mayor-approved', 'issue', actor(['clerk']), clean, 'CONFLICT'],
    ['issue with no approval', 'awaiting-approvals', 'issue', actor(['clerk']), clean, 'CONFLICT'],
    ['the secretary approves twice', 'secretary-approved', 'approve-as-party-secretary', dl('sec'), clean, 'CONFLICT'],
    ['approval before the director read it', 'deputy-reviewed', 'approve-as-district-mayor', dl('mayor'), clean, 'CONFLICT'],
    ['a deputy mayor approves as mayor', 'awaiting-approvals', 'approve-as-district-mayor', dl('deputy'), clean, 'FORBIDDEN'],
    ['the mayor approves as secretary', 'awaiting-approvals', 'approve-as-party-secretary', dl('mayor'), clean, 'FORBIDDEN'],
    ['the director approves', 'awaiting-approvals', 'approve-as-district-mayor', actor(['director'], 'mayor'), clean, 'FORBIDDEN'],
    ['review with open conflicts', 'draft', 'review', actor(['section-chief']), conflicting, 'CONFLICT'],
    ['flag without a conflict', 'draft', 'flag-conflict', actor(['clerk']), clean, 'CONFLICT'],
    ['the clerk resolves a conflict', 'in-conflict', 'resolve-conflict', actor(['clerk']), clean, 'FORBIDDEN'],
    ['the clerk skips the chief', 'draft', 'submit-to-director', actor(['deputy-director']), clean, 'CONFLICT'],
    ['amend before issue', 'approved', 'amend', actor(['clerk']), clean, 'CONFLICT'],
  ])('%s → %s', (_n, from, action, who, ctx, expected) => {
    expect(code(() => nextScheduleState(from, action, who, ctx))).toBe(expected);
  });
});

describe('issue deadline: before close of business on Monday (seed 000 L38)', () => {
  const next: ScheduleSettings = { ...DEFAULT_SCHEDULE_SETTINGS, mondayOffRule: 'next-working-day' };
  const weekBefore: ScheduleSettings = { ...DEFAULT_SCHEDULE_SETTINGS, issueWeekOffset: -1 };
  it.each<[string, 'default' | 'next' | 'week before', string]>([
    ['2026-03-09', 'default', '2026-03-09'],
    // Spring Festival: Mon 16 and Mon 23 Feb are off; the last working day before is the make-up Sat 14 Feb
    ['2026-02-16', 'default', '2026-02-14'],
    ['2026-02-23', 'default', '2026-02-14'],
    ['2026-02-23', 'next', '2026-02-24'],
    ['2026-03-02', 'default', '2026-03-02'],
    // National Day: Mon 5 Oct is off; back to Wed 30 Sep, or on to Thu 8 Oct
    ['2026-10-05', 'default', '2026-09-30'],
    ['2026-10-05', 'next', '2026-10-08'],
    ['2026-10-12', 'default', '2026-10-12'],
    ['2026-10-12', 'week before', '2026-09-30'],
    ['2026-03-09', 'week before', '2026-03-02'],
  ])('week of %s (%s): due %s, 17:00', (monday, which, due) => {
    const settings = { default: DEFAULT_SCHEDULE_SETTINGS, next, 'week before': weekBefore }[which];
    const d = issueDeadline(cal, monday, settings);
    expect(d.dueDate).toBe(due);
    expect(d.dueAt).toEqual(bj(`${due} 17:00`));
  });
  it.each<[string, boolean]>([
    ['2026-03-09 16:59', false],
    ['2026-03-09 17:00', false],
    ['2026-03-09 17:01', true], // SCENARIOS.md seed000-a #4: flagged late after close of business
    ['2026-03-10 09:00', true],
  ])('issued %s → late %s', (at, late) => {
    expect(issueTimeliness(cal, '2026-03-09', bj(at)).late).toBe(late);
  });
  it('close of business is a setting', () => {
    expect(issueTimeliness(cal, '2026-03-09', bj('2026-03-09 17:20'), DEFAULT_SCHEDULE_SETTINGS, {
      closeOfBusiness: '17:30',
      leadTimeReading: 'nth-working-day-before',
    }).late).toBe(false);
  });
  it('rejects a week that does not start on Monday', () => {
    expect(code(() => issueDeadline(cal, '2026-03-10'))).toBe('BAD_USER_INPUT');
  });
});

describe('amendments (seed 000 L40, L136)', () => {
  const a = { ...entry('a', '2026-03-09 09:00', '2026-03-09 10:00', ['书记']), accompanyingSections: ['综合一科'] };
  const b = { ...entry('b', '2026-03-10 09:00', '2026-03-10 10:00', ['区长']), hostUnit: '区教育局', accompanyingSections: ['综合二科'] };
  const c = { ...entry('c', '2026-03-11 09:00', '2026-03-11 10:00', ['副区长甲']), hostUnit: '区卫健局' };
  it('no change: nobody to tell', () => {
    expect(amendmentNotices([a, b], [b, a])).toEqual({ changes: [], leaders: [], units: [], sections: [] });
  });
  it('a moved, b removed, c added: the leaders, units and sections of each', () => {
    const moved = { ...a, startsAt: bj('2026-03-09 14:00'), endsAt: bj('2026-03-09 15:00'), leaderIds: ['书记', '区长'] };
    expect(amendmentNotices([a, b], [moved, c])).toEqual({
      changes: [
        { entryId: 'a', change: 'changed' },
        { entryId: 'c', change: 'added' },
        { entryId: 'b', change: 'removed' },
      ],
      leaders: ['书记', '副区长甲', '区长'].sort(),
      units: ['区发改委', '区卫健局', '区教育局'].sort(),
      sections: ['综合一科', '综合二科'],
    });
  });
  it('a leader taken off an entry is told too', () => {
    const two = { ...a, leaderIds: ['书记', '区长'] };
    expect(amendmentNotices([two], [a]).leaders).toEqual(['书记', '区长'].sort());
  });
});
