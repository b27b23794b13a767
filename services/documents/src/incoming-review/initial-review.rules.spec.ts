import type { Actor, Role } from '@gov/auth';
import { GovError } from '@gov/contracts';
import { DEFAULT_INCOMING_REVIEW_SETTINGS as S, incomingReviewSettings } from './incoming-review.settings.js';
import {
  INCOMING_REVIEW_TRANSITIONS,
  archiveTransferDue,
  assertAssignment,
  assertInstructionsComplete,
  assertFeedbackForm,
  assertMayArchive,
  assertMayGiveSectionOpinion,
  assertNonSuperiorIntake,
  assertMaySignInstruction,
  assertOfficeSignOffLevel,
  assertReadingCirculatedInTime,
  assertReturnProposal,
  assertSectionOpinionsIn,
  assertSignedFor,
  assertUrgentTracker,
  chaseStatus,
  currentHolder,
  instructionOnTransfer,
  instructionRoutes,
  instructionsConflict,
  leaderSigningOrder,
  nextReviewState,
  officeSignOffLevel,
  readingCirculationOrder,
  recordInstruction,
  resolveInstructions,
  sectionOpinionsRequired,
  type Assignment,
  type IncomingReviewAction,
  type IncomingReviewState,
  type LeaderInstruction,
} from './initial-review.rules.js';
import { refusalCode as code } from '@gov/spec-kit';

const actor = (roles: Role[], id = 'u1', rank: number | null = null): Actor => ({
  id,
  name: id,
  username: id,
  roles,
  unit: 'QWBGS',
  clearance: 'none',
  rank,
});


describe('incoming-review state table: the chain the seeds name', () => {
  it.each([
    // 初审 → 退文 (seed 000 L150)
    ['registered', 'propose-return', 'clerk', 'return-proposed'],
    ['return-proposed', 'endorse-return', 'section-chief', 'return-endorsed'],
    ['return-endorsed', 'approve-return', 'deputy-director', 'returned'],
    ['return-proposed', 'reject-return', 'section-chief', 'registered'],
    ['return-endorsed', 'reject-return', 'deputy-director', 'registered'],
    // 受理 → 拟办 → legal / foreign opinion (L166–170, L296, L300)
    ['registered', 'accept', 'clerk', 'accepted'],
    ['accepted', 'propose-handling', 'clerk', 'proposed'],
    ['proposed', 'route-for-opinion', 'deputy-director', 'awaiting-section-opinion'],
    ['awaiting-section-opinion', 'record-section-opinion', 'legal-officer', 'proposed'],
    ['awaiting-section-opinion', 'record-section-opinion', 'foreign-affairs-officer', 'proposed'],
    // 送审: 承办人—科长—办领导 (L172)
    ['proposed', 'submit-for-review', 'clerk', 'chief-review'],
    ['chief-review', 'approve-proposal', 'section-chief', 'deputy-review'],
    ['chief-review', 'send-back', 'section-chief', 'accepted'],
    ['deputy-review', 'send-back', 'deputy-director', 'accepted'],
    ['deputy-review', 'refer-to-director', 'deputy-director', 'director-review'],
    // 呈批 / 转办 (L174; seed 004 L18–20)
    ['deputy-review', 'submit-to-leaders', 'deputy-director', 'with-leaders'],
    ['director-review', 'submit-to-leaders', 'director', 'with-leaders'],
    ['deputy-review', 'transfer', 'deputy-director', 'in-handling'],
    ['with-leaders', 'sign-instruction', 'district-leader', 'with-leaders'],
    ['with-leaders', 'close-instructions', 'clerk', 'instructed'],
    // 承办 / 传阅 / 催办 / 办结 / 办复 / 归档
    ['instructed', 'assign', 'clerk', 'in-handling'],
    ['instructed', 'circulate', 'clerk', 'circulating'],
    ['circulating', 'pass-on', 'clerk', 'circulating'],
    ['circulating', 'finish-circulation', 'clerk', 'completed'],
    ['in-handling', 'chase', 'supervisor', 'in-handling'],
    ['in-handling', 'complete', 'clerk', 'completed'],
    ['completed', 'reply', 'clerk', 'replied'],
    ['replied', 'archive', 'archivist', 'archived'],
  ] as const)('%s --%s by %s--> %s', (from, action, role, to) => {
    expect(nextReviewState(from, action, actor([role]))).toBe(to);
  });

  it('every row is open to each of its roles and cites a seed', () => {
    for (const row of INCOMING_REVIEW_TRANSITIONS) {
      expect(row.source).toMatch(/seed 00\d/);
      for (const role of row.roles) expect(nextReviewState(row.from, row.action, actor([role]))).toBe(row.to);
    }
  });

  it('no (state, action) pair has two rows', () => {
    const keys = INCOMING_REVIEW_TRANSITIONS.map((t) => `${t.from}/${t.action}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each([
    // the state does not allow the action
    ['registered', 'submit-to-leaders', 'deputy-director', 'CONFLICT'],
    ['returned', 'accept', 'clerk', 'CONFLICT'],
    ['accepted', 'submit-for-review', 'clerk', 'CONFLICT'], // no proposal yet
    ['chief-review', 'submit-to-leaders', 'deputy-director', 'CONFLICT'], // 送审 skips the section chief
    ['archived', 'archive', 'clerk', 'CONFLICT'],
    ['instructed', 'sign-instruction', 'district-leader', 'CONFLICT'],
    // the role is not in the row
    ['return-endorsed', 'approve-return', 'section-chief', 'FORBIDDEN'], // the deputy director approves a return
    ['return-endorsed', 'approve-return', 'clerk', 'FORBIDDEN'],
    ['return-proposed', 'endorse-return', 'deputy-director', 'FORBIDDEN'],
    ['proposed', 'route-for-opinion', 'clerk', 'FORBIDDEN'], // via the office leader in charge (L170)
    ['awaiting-section-opinion', 'record-section-opinion', 'clerk', 'FORBIDDEN'],
    ['with-leaders', 'sign-instruction', 'director', 'FORBIDDEN'],
    ['with-leaders', 'close-instructions', 'district-leader', 'FORBIDDEN'],
    ['in-handling', 'chase', 'unit-liaison', 'FORBIDDEN'],
    ['replied', 'archive', 'unit-liaison', 'FORBIDDEN'],
  ] as const)('%s --%s by %s is refused with %s', (from, action, role, expected) => {
    expect(code(() => nextReviewState(from as IncomingReviewState, action as IncomingReviewAction, actor([role])))).toBe(expected);
  });
});

describe('初审 returns (seed 000 L150–164)', () => {
  it('SCENARIOS seed000-a #2: a request on two matters goes back with ground ⑥ through 承办人 → 科室负责人 → 办公室分管主任', () => {
    expect(code(() => assertReturnProposal([{ ground: 'skipped-level-or-several-matters' }]))).toBe('ok');
    let s: IncomingReviewState = nextReviewState('registered', 'propose-return', actor(['clerk']));
    s = nextReviewState(s, 'endorse-return', actor(['section-chief']));
    expect(code(() => nextReviewState(s, 'approve-return', actor(['clerk'])))).toBe('FORBIDDEN');
    expect(nextReviewState(s, 'approve-return', actor(['deputy-director']))).toBe('returned');
  });

  it('SCENARIOS seed003 #8: a wrong 文种 is returned, and a reason is mandatory', () => {
    expect(code(() => assertReturnProposal([]))).toBe('BAD_USER_INPUT');
    expect(code(() => assertReturnProposal([{ ground: 'wrong-format-or-type' }]))).toBe('ok');
    expect(code(() => assertReturnProposal([{ ground: 'not-coordinated' }]))).toBe('ok'); // no 会签 of the other department
  });
});

describe('拟办: legal and foreign-affairs opinions (seed 000 L170, L296, L300)', () => {
  it.each([
    [false, false, []],
    [true, false, ['legal']],
    [false, true, ['foreign-affairs']],
    [true, true, ['legal', 'foreign-affairs']],
  ])('legal=%s foreign=%s needs %j', (legal, foreign, expected) => {
    expect(sectionOpinionsRequired({ involvesLegalMatters: legal, involvesForeignAffairs: foreign })).toEqual(expected);
  });

  const at = new Date('2026-11-20T02:00:00Z');
  it.each([
    [['legal'], [], 'CONFLICT'],
    [['legal'], [{ section: 'legal', text: '同意,建议删去第三条', byRole: 'legal-officer', at }], 'ok'],
    [['legal'], [{ section: 'legal', text: '  ', byRole: 'legal-officer', at }], 'CONFLICT'],
    [['legal'], [{ section: 'legal', text: '同意', byRole: 'clerk', at }], 'CONFLICT'], // written by the wrong post
    [['legal', 'foreign-affairs'], [{ section: 'legal', text: '同意', byRole: 'legal-officer', at }], 'CONFLICT'],
    [[], [], 'ok'],
  ] as const)('required %j with opinions %j → %s', (required, opinions, expected) => {
    expect(code(() => assertSectionOpinionsIn(required, opinions))).toBe(expected);
  });

  it.each([
    [['legal-officer'], 'legal', 'ok'],
    [['foreign-affairs-officer'], 'legal', 'FORBIDDEN'],
    [['foreign-affairs-officer'], 'foreign-affairs', 'ok'],
    [['clerk'], 'foreign-affairs', 'FORBIDDEN'],
  ] as const)('%j giving the %s opinion → %s', (roles, section, expected) => {
    expect(code(() => assertMayGiveSectionOpinion(actor([...roles]), section))).toBe(expected);
  });
});

describe('送审: office sign-off level (seed 004 L18) and urgent tracking (seed 000 L174)', () => {
  it.each([
    [true, S, 'director'],
    [false, S, 'deputy-director'],
    [false, incomingReviewSettings({ directorReviewsEveryItem: true }), 'director'],
    [true, incomingReviewSettings({ directorSignsOffForPrincipalLeader: false }), 'deputy-director'],
  ] as const)('needsPrincipalLeader=%s → %s', (needs, settings, level) => {
    expect(officeSignOffLevel({ needsPrincipalLeader: needs }, settings)).toBe(level);
  });

  it.each([
    ['deputy-review', true, 'CONFLICT'],
    ['deputy-review', false, 'ok'],
    ['director-review', true, 'ok'],
  ] as const)('%s going on with needsPrincipalLeader=%s → %s', (state, needs, expected) => {
    expect(code(() => assertOfficeSignOffLevel(state, { needsPrincipalLeader: needs }, S))).toBe(expected);
  });

  it.each([
    ['urgent', null, 'BAD_USER_INPUT'],
    ['very-urgent', ' ', 'BAD_USER_INPUT'],
    ['urgent', 'u-track', 'ok'],
    ['normal', null, 'ok'],
  ] as const)('%s item with tracker %j → %s', (urgency, trackerId, expected) => {
    expect(code(() => assertUrgentTracker({ urgency, trackerId }, S))).toBe(expected);
  });
});

describe('呈批: leaders sign in ascending rank (seed 000 L174)', () => {
  const head = { id: 'L2', name: '区长', rank: 2 };
  const deputy = { id: 'L5', name: '副区长', rank: 5 };
  const t = (h: number) => new Date(Date.UTC(2026, 10, 20, h));
  const instruction = (leader: { id: string; name: string; rank: number }, h: number, over: Partial<LeaderInstruction> = {}): LeaderInstruction => ({
    leaderId: leader.id,
    leaderName: leader.name,
    rank: leader.rank,
    text: '同意。',
    signedAt: t(h),
    stance: 'agree',
    sendsTo: [],
    ...over,
  });

  it('orders the deputy before the head and refuses an empty list', () => {
    expect(leaderSigningOrder([head, deputy], S).map((l) => l.id)).toEqual(['L5', 'L2']);
    expect(code(() => leaderSigningOrder([], S))).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['L2', [], 'CONFLICT'],
    ['L5', [], 'ok'],
    ['L2', ['L5'], 'ok'],
  ])('leader %s signing after %j → %s', (id, signed, expected) => {
    expect(code(() => assertMaySignInstruction([head, deputy], signed, actor(['district-leader'], id), S))).toBe(expected);
  });

  it.each([
    ['both, in order', [instruction(deputy, 1), instruction(head, 2)], 'ok'],
    ['only the deputy', [instruction(deputy, 1)], 'CONFLICT'],
    ['head first', [instruction(head, 1), instruction(deputy, 2)], 'CONFLICT'],
  ])('close-instructions with %s → %s', (_label, instructions, expected) => {
    expect(code(() => assertInstructionsComplete([head, deputy], instructions, S))).toBe(expected);
  });

  it('records the instruction verbatim: spaces, line breaks and punctuation kept', () => {
    const text = '  请住建局牵头,\n会同财政局研究办理。  ';
    expect(recordInstruction(instruction(head, 1, { text })).text).toBe(text);
    expect(code(() => recordInstruction(instruction(head, 1, { text: ' \n ' })))).toBe('BAD_USER_INPUT');
    expect(code(() => recordInstruction(instruction(head, 1, { text: '办'.repeat(5001) })))).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['agree and agree', [instruction(deputy, 1), instruction(head, 2)], false],
    ['agree and disagree', [instruction(deputy, 1), instruction(head, 2, { stance: 'disagree', text: '不同意。' })], true],
    ['two different lead units', [instruction(deputy, 1, { sendsTo: ['X局'] }), instruction(head, 2, { sendsTo: ['Y局'] })], true],
    ['the same lead unit', [instruction(deputy, 1, { sendsTo: ['X局'] }), instruction(head, 2, { sendsTo: ['X局'] })], false],
    ['an "other" remark next to an agree', [instruction(deputy, 1, { stance: 'other' }), instruction(head, 2)], false],
  ])('%s conflict=%s', (_label, instructions, conflict) => {
    expect(instructionsConflict(instructions)).toBe(conflict);
  });

  it('SCENARIOS seed000-b #9: the higher-ranking leader prevails and the deputy director is informed (seed 000 L1036)', () => {
    const a = instruction({ id: 'A', name: '甲', rank: 2 }, 1, { sendsTo: ['X局'], text: '转X局办理' });
    const b = instruction({ id: 'B', name: '乙', rank: 1 }, 2, { sendsTo: ['Y局'], text: '转Y局办理' });
    const r = resolveInstructions([a, b], 'higher-rank-prevails');
    expect(r).toEqual({ outcome: 'follow', instruction: b, informDeputyDirector: true });
  });

  it.each([
    ['return-to-handover-person', 'return-to-handover-person'],
    ['refer-to-office-leader', 'refer-to-office-leader'],
  ] as const)('policy %s → %s', (policy, outcome) => {
    const r = resolveInstructions([instruction(deputy, 1), instruction(head, 2, { stance: 'disagree' })], policy);
    expect(r.outcome).toBe(outcome);
  });

  it('equally senior leaders who disagree go to the office leader even under higher-rank-prevails', () => {
    const r = resolveInstructions(
      [instruction({ id: 'A', name: '甲', rank: 3 }, 1), instruction({ id: 'B', name: '乙', rank: 3 }, 2, { stance: 'disagree' })],
      'higher-rank-prevails',
    );
    expect(r.outcome).toBe('refer-to-office-leader');
  });

  it('no conflict gives no-conflict under every policy', () => {
    for (const p of ['return-to-handover-person', 'higher-rank-prevails', 'refer-to-office-leader'] as const) {
      expect(resolveInstructions([instruction(deputy, 1), instruction(head, 2)], p).outcome).toBe('no-conflict');
    }
  });

  it('the default policy for ordinary requests refers a conflict to the office leader', () => {
    expect(S.conflictingInstructions.ordinary).toBe('refer-to-office-leader');
  });
});

describe('routing and transfer (seed 000 L174, L266–290)', () => {
  const none = { needsTracking: false, needsMeeting: false, isPetitionMatter: false, draftingFor: null, needsLeadingGroupList: false } as const;
  it.each([
    [{}, []],
    [{ needsTracking: true }, ['supervision']],
    [{ needsMeeting: true }, ['meetings']],
    [{ isPetitionMatter: true }, ['petitions']],
    [{ draftingFor: 'party' }, ['drafting-party']],
    [{ draftingFor: 'government' }, ['drafting-government']],
    [{ draftingFor: 'parallel' }, ['documents-parallel']],
    [{ needsLeadingGroupList: true }, ['meetings-lists']],
    [{ needsTracking: true, isPetitionMatter: true }, ['supervision', 'petitions']],
  ] as const)('%j routes to %j', (flags, routes) => {
    expect(instructionRoutes({ ...none, ...flags })).toEqual(routes);
  });

  it('SCENARIOS seed000-a #14: the original goes only with items to 财政局 for funds', () => {
    expect(instructionOnTransfer({ toFinanceForFunds: true })).toBe('original-goes-with-item');
    expect(instructionOnTransfer({ toFinanceForFunds: false })).toBe('keep-original-send-copy');
  });
});

describe('承办 (seed 003 L13@c8631–8846; seed 000 L100)', () => {
  const ok: Assignment = { leadUnit: '区住建局', coUnits: ['区财政局'], urgency: 'normal', important: false, deadline: null, chaserId: null };
  it.each([
    ['a plain assignment', {}, 'ok'],
    ['no lead unit', { leadUnit: ' ' }, 'BAD_USER_INPUT'],
    ['a co-unit twice', { coUnits: ['区财政局', '区财政局'] }, 'BAD_USER_INPUT'],
    ['the lead as co-unit', { coUnits: ['区住建局'] }, 'BAD_USER_INPUT'],
    ['a blank co-unit', { coUnits: [''] }, 'BAD_USER_INPUT'],
    ['SCENARIOS seed003 #9: urgent without a deadline', { urgency: 'urgent' }, 'BAD_USER_INPUT'],
    ['very urgent without a deadline', { urgency: 'very-urgent', chaserId: 'u9' }, 'BAD_USER_INPUT'],
    ['urgent with a deadline but no chaser', { urgency: 'urgent', deadline: '2026-11-25' }, 'BAD_USER_INPUT'],
    ['urgent with a deadline and a chaser', { urgency: 'urgent', deadline: '2026-11-25', chaserId: 'u9' }, 'ok'],
    ['important without a chaser', { important: true }, 'BAD_USER_INPUT'],
    ['a deadline in the past', { deadline: '2026-11-19' }, 'BAD_USER_INPUT'],
    ['a deadline today', { deadline: '2026-11-20' }, 'ok'],
    ['a malformed deadline', { deadline: '2026/11/25' }, 'BAD_USER_INPUT'],
  ] as const)('%s → %s', (_label, over, expected) => {
    expect(code(() => assertAssignment({ ...ok, ...over } as Assignment, '2026-11-20', S))).toBe(expected);
  });

  it('an urgent item without a deadline passes when the setting drops urgent from the list', () => {
    const s = incomingReviewSettings({ deadlineRequiredFor: ['very-urgent'] });
    expect(code(() => assertAssignment({ ...ok, urgency: 'urgent', chaserId: 'u9' }, '2026-11-20', s))).toBe('ok');
  });
});

describe('non-superior formal documents (seed 002 L385–388)', () => {
  it.each([
    ['SCENARIOS seed002 #18: 3 copies with the 送批件', { copies: 3, coverSheetAttached: true }, 'ok'],
    ['2 copies', { copies: 2, coverSheetAttached: true }, 'BAD_USER_INPUT'],
    ['no 送批件 before the proposal', { copies: 3, coverSheetAttached: false }, 'CONFLICT'],
  ])('%s → %s', (_label, item, expected) => {
    expect(code(() => assertNonSuperiorIntake(item, S))).toBe(expected);
  });

  it.each([
    ['SCENARIOS seed002 #17: 2 copies, numbered, approved', { copies: 2, number: '反馈〔2026〕4号', approvedByLiaisonCadre: true }, 'ok'],
    ['1 copy', { copies: 1, number: '反馈〔2026〕4号', approvedByLiaisonCadre: true }, 'BAD_USER_INPUT'],
    ['not numbered', { copies: 2, number: null, approvedByLiaisonCadre: true }, 'CONFLICT'],
    ['not approved', { copies: 2, number: '反馈〔2026〕4号', approvedByLiaisonCadre: false }, 'CONFLICT'],
  ])('feedback form: %s → %s', (_label, form, expected) => {
    expect(code(() => assertFeedbackForm(form, S))).toBe(expected);
  });
});

describe('hand-overs and the current holder (seed 000 L174, L228; seed 003 L13@c8794)', () => {
  const at = (m: number) => new Date(Date.UTC(2026, 10, 20, 2, m));
  it.each([
    ['signed by the receiver', { fromId: 'a', toId: 'b', handedAt: at(0), signedForBy: 'b', signedForAt: at(1) }, 'ok'],
    ['not signed for', { fromId: 'a', toId: 'b', handedAt: at(0), signedForBy: null, signedForAt: null }, 'CONFLICT'],
    ['signed by someone else', { fromId: 'a', toId: 'b', handedAt: at(0), signedForBy: 'c', signedForAt: at(1) }, 'FORBIDDEN'],
    ['signed before handed', { fromId: 'a', toId: 'b', handedAt: at(5), signedForBy: 'b', signedForAt: at(1) }, 'BAD_USER_INPUT'],
  ])('%s → %s', (_label, h, expected) => {
    expect(code(() => assertSignedFor(h))).toBe(expected);
  });

  it('the holder is the last receiver who signed; an unsigned hand-over is in transit', () => {
    const signed = { fromId: 'clerk', toId: 'chief', handedAt: at(0), signedForBy: 'chief', signedForAt: at(1) };
    const pending = { fromId: 'chief', toId: 'deputy', handedAt: at(2), signedForBy: null, signedForAt: null };
    expect(currentHolder('clerk', [])).toEqual({ holderId: 'clerk', inTransitTo: null });
    expect(currentHolder('clerk', [signed])).toEqual({ holderId: 'chief', inTransitTo: null });
    expect(currentHolder('clerk', [signed, pending])).toEqual({ holderId: 'chief', inTransitTo: 'deputy' });
  });
});

describe('传阅 of items for reading (seed 000 L102)', () => {
  it('SCENARIOS seed000-a #8: office director → other office leaders → sections', () => {
    const order = readingCirculationOrder([
      { id: 's1', kind: 'unit' as const },
      { id: 'd2', kind: 'office-leader' as const },
      { id: 'd1', kind: 'office-director' as const },
      { id: 'd3', kind: 'office-leader' as const },
    ]);
    expect(order.map((r) => r.id)).toEqual(['d1', 'd2', 'd3', 's1']);
  });

  it.each([
    ['the same Beijing day', '2026-11-20T01:00:00Z', '2026-11-20T09:00:00Z', 'ok'],
    ['held to the next day (batched)', '2026-11-20T01:00:00Z', '2026-11-21T01:00:00Z', 'DEADLINE_RULE'],
    ['23:30 Beijing is still the same day', '2026-11-20T01:00:00Z', '2026-11-20T15:30:00Z', 'ok'],
    ['00:30 Beijing next day is late', '2026-11-20T01:00:00Z', '2026-11-20T16:30:00Z', 'DEADLINE_RULE'],
  ])('%s → %s', (_label, registered, sent, expected) => {
    expect(code(() => assertReadingCirculatedInTime(new Date(registered), new Date(sent), S))).toBe(expected);
  });
});

describe('催办, 办复 and 归档', () => {
  it.each([
    [null, '2026-11-20', 'no-deadline'],
    ['2026-11-25', '2026-11-20', 'open'],
    ['2026-11-25', '2026-11-25', 'due-today'],
    ['2026-11-25', '2026-11-26', 'overdue'],
  ])('deadline %s on %s → %s', (deadline, today, status) => {
    expect(chaseStatus(deadline, today)).toBe(status);
  });

  it.each([
    [true, null, 'CONFLICT'],
    [true, new Date(), 'ok'],
    [false, null, 'ok'],
  ])('replyRequired=%s repliedAt=%s → %s', (replyRequired, repliedAt, expected) => {
    expect(code(() => assertMayArchive({ replyRequired, repliedAt }))).toBe(expected);
  });

  it('hands concluded items to the archives at year end, in Beijing time (seed 000 L180)', () => {
    expect(archiveTransferDue(new Date('2026-06-01T00:00:00Z'), S)).toBe('2026-12-31');
    expect(archiveTransferDue(new Date('2026-12-31T16:30:00Z'), S)).toBe('2027-12-31'); // already 2027 in Beijing
    expect(archiveTransferDue(new Date('2026-06-01T00:00:00Z'), incomingReviewSettings({ archiveTransferBy: { month: 3, day: 31, yearsAfter: 1 } }))).toBe(
      '2027-03-31',
    );
    expect(code(() => archiveTransferDue(new Date(), incomingReviewSettings({ archiveTransferBy: { month: 2, day: 30, yearsAfter: 0 } })))).toBe(
      'BAD_USER_INPUT',
    );
  });
});

describe('settings', () => {
  it('defaults are the readings recorded in RULES.md', () => {
    expect(S).toEqual({
      coSigningOrder: 'ascending',
      conflictingInstructions: { ordinary: 'refer-to-office-leader', specialItem: 'return-to-handover-person', higherLevelDocument: 'higher-rank-prevails' },
      deadlineRequiredFor: ['urgent', 'very-urgent'],
      dedicatedChaserForUrgentOrImportant: true,
      trackerForUrgentSubmissions: true,
      directorSignsOffForPrincipalLeader: true,
      directorReviewsEveryItem: false,
      readingCirculationWithin: { amount: 0, unit: 'calendar' },
      nonSuperiorIncomingCopies: 3,
      feedbackFormCopies: 2,
      archiveTransferBy: { month: 12, day: 31, yearsAfter: 0 },
    });
  });

  it.each([
    [{ coSigningOrder: 'random' }],
    [{ readingCirculationWithin: { amount: 1 } }],
    [{ readingCirculationWithin: { amount: -1, unit: 'calendar' } }],
    [{ deadlineRequiredFor: ['soon'] }],
    [{ unknown: true }],
  ])('refuses %j with BAD_USER_INPUT', (over) => {
    expect(code(() => incomingReviewSettings(over))).toBe('BAD_USER_INPUT');
  });
});
