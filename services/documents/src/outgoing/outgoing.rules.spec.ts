import type { Actor, Role } from '@gov/auth';
import { GovError } from '@gov/contracts';
import { DEFAULT_OUTGOING_SETTINGS as S, outgoingSettings } from './outgoing.settings.js';
import {
  OUTGOING_DOCUMENT_TYPES,
  OUTGOING_TRANSITIONS,
  PROOF_MARK,
  archiveOriginalHolder,
  assertDistributionRoute,
  assertJointReviewComplete,
  assertLegalReviewPassed,
  assertOutgoingDocumentType,
  assertPrintSite,
  assertProofMark,
  assertProofsComplete,
  assertReadyForCheck,
  chiefCheckOutcome,
  copyNumbers,
  distributionDue,
  distributionStatus,
  documentNumberPrefix,
  formatCopyNumber,
  isNormativeDocument,
  jointReviewRequired,
  legalReviewRequired,
  nextOutgoingState,
  proofreaderWarnings,
  sealMode,
  sealsForIssuingName,
  type LegalOpinion,
  type LegalReviewCase,
  type OutgoingAction,
  type OutgoingState,
} from './outgoing.rules.js';
import { OUTGOING_RETURN_GROUNDS, assertOutgoingReturn } from './return-grounds.js';
import { assertSignOffComplete, reviewSignOffs, signingPlan, type Signatory } from './signer.rules.js';
import { refusalCode as code } from '@gov/spec-kit';
import { formatYearNumber, numberingYear } from '@gov/persistence';

const actor = (roles: Role[], id = 'u1'): Actor => ({ id, name: id, username: id, roles, unit: 'QWBGS', clearance: 'top-secret', rank: null });


describe('outgoing state table: 拟稿 → … → 归档', () => {
  it.each([
    [null, 'submit-draft', 'unit-liaison', 'submitted'],
    ['submitted', 'propose-return', 'clerk', 'return-proposed'],
    ['return-proposed', 'endorse-return', 'section-chief', 'return-endorsed'],
    ['return-endorsed', 'approve-return', 'deputy-director', 'returned'],
    ['submitted', 'register', 'clerk', 'registered'],
    ['registered', 'propose-handling', 'clerk', 'proposed'],
    ['proposed', 'request-joint-review', 'clerk', 'joint-review'],
    ['joint-review', 'record-joint-opinion', 'unit-liaison', 'joint-review'],
    ['joint-review', 'close-joint-review', 'clerk', 'proposed'],
    ['proposed', 'request-legal-review', 'deputy-director', 'legal-review'],
    ['legal-review', 'record-legal-opinion', 'legal-officer', 'proposed'],
    ['proposed', 'submit-for-check', 'clerk', 'chief-check'],
    ['chief-check', 'return-for-revision', 'section-chief', 'revising'],
    ['revising', 'resubmit', 'clerk', 'chief-check'],
    ['chief-check', 'pass-check', 'section-chief', 'deputy-review'],
    ['deputy-review', 'return-for-revision', 'deputy-director', 'revising'],
    ['deputy-review', 'submit-for-signature', 'deputy-director', 'signing'],
    ['signing', 'sign', 'district-leader', 'signing'],
    ['signing', 'sign', 'director', 'signing'],
    ['signing', 'decline', 'district-leader', 'revising'],
    ['signing', 'close-signing', 'clerk', 'rechecking'],
    ['rechecking', 'recheck-pass', 'section-chief', 'rechecked'],
    ['rechecking', 'recheck-fail', 'section-chief', 'signing'],
    ['rechecked', 'substantive-change', 'section-chief', 'awaiting-resign'],
    ['numbered', 'substantive-change', 'clerk', 'awaiting-resign'],
    ['awaiting-resign', 're-sign', 'district-leader', 'rechecking'],
    ['rechecked', 'assign-number', 'clerk', 'numbered'],
    ['numbered', 'proofread', 'clerk', 'proofread'],
    ['proofread', 'print', 'clerk', 'printed'],
    ['printed', 'apply-seal', 'clerk', 'sealed'],
    ['sealed', 'distribute', 'confidential-clerk', 'distributed'],
    ['distributed', 'archive', 'archivist', 'archived'],
  ] as const)('%s --%s by %s--> %s', (from, action, role, to) => {
    expect(nextOutgoingState(from, action, actor([role]))).toBe(to);
  });

  it('every row is open to each of its roles, cites a source, and no pair repeats', () => {
    const keys = new Set<string>();
    for (const row of OUTGOING_TRANSITIONS) {
      expect(row.source).toMatch(/seed 00\d/);
      for (const role of row.roles) expect(nextOutgoingState(row.from, row.action, actor([role]))).toBe(row.to);
      const key = `${row.from}/${row.action}`;
      expect(keys.has(key)).toBe(false);
      keys.add(key);
    }
  });

  it.each([
    ['registered', 'submit-for-check', 'clerk', 'CONFLICT'], // no 拟办 yet
    ['chief-check', 'submit-for-signature', 'deputy-director', 'CONFLICT'], // skips 核稿
    ['signing', 'assign-number', 'clerk', 'CONFLICT'], // no numbering before 复核
    ['rechecking', 'assign-number', 'clerk', 'CONFLICT'], // SCENARIOS seed000-a #12: numbering blocked until recheck passes
    ['awaiting-resign', 'assign-number', 'clerk', 'CONFLICT'], // SCENARIOS seed003 #10: re-review first
    ['numbered', 'print', 'clerk', 'CONFLICT'], // no printing before 校对
    ['printed', 'distribute', 'clerk', 'CONFLICT'], // no distribution before 用印
    ['archived', 'archive', 'clerk', 'CONFLICT'],
    ['return-endorsed', 'approve-return', 'section-chief', 'FORBIDDEN'],
    ['proposed', 'request-legal-review', 'clerk', 'FORBIDDEN'], // via the office leader in charge (seed 000 L210)
    ['legal-review', 'record-legal-opinion', 'deputy-director', 'FORBIDDEN'],
    ['chief-check', 'pass-check', 'clerk', 'FORBIDDEN'],
    ['signing', 'sign', 'clerk', 'FORBIDDEN'],
    ['rechecking', 'recheck-pass', 'clerk', 'FORBIDDEN'],
    ['sealed', 'distribute', 'unit-liaison', 'FORBIDDEN'],
  ] as const)('%s --%s by %s → %s', (from, action, role, expected) => {
    expect(code(() => nextOutgoingState(from as OutgoingState, action as OutgoingAction, actor([role])))).toBe(expected);
  });
});

describe('初核 return grounds of drafts (seed 000 L188–200)', () => {
  it('are ten, with ② "within the unit\'s own authority" new against the incoming list', () => {
    expect(OUTGOING_RETURN_GROUNDS.map((g) => g.mark)).toEqual(['①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨', '⑩']);
    expect(OUTGOING_RETURN_GROUNDS[1]).toMatchObject({ key: 'within-own-authority', labelZh: '属有关单位职权范围内,不需请示区委区政府及以区委区政府名义发文' });
    expect(OUTGOING_RETURN_GROUNDS[2].labelZh).toContain('不符合行文规则');
  });

  it.each([
    [[{ ground: 'within-own-authority' }], 'ok'],
    [[{ ground: 'against-routing-rules-or-unlawful' }, { ground: 'incomplete' }], 'ok'],
    [[{ ground: 'wrong-format-or-type' }], 'BAD_USER_INPUT'], // an incoming-only key
    [[{ ground: 'other' }], 'BAD_USER_INPUT'],
    [[{ ground: 'other', text: '代拟稿未经部门主要负责人签字' }], 'ok'],
    [[], 'BAD_USER_INPUT'],
  ])('%j → %s', (grounds, expected) => {
    expect(code(() => assertOutgoingReturn(grounds))).toBe(expected);
  });
});

describe('拟办: document type (seed 000 L204; seed 002 L399–401)', () => {
  it('the fifteen types, without 其他', () => {
    expect(OUTGOING_DOCUMENT_TYPES).toEqual(['决议', '决定', '命令', '公报', '公告', '通告', '意见', '通知', '通报', '报告', '请示', '批复', '议案', '函', '纪要']);
  });

  it.each([
    ['通知', 'ok'],
    ['纪要', 'ok'],
    ['其他', 'BAD_USER_INPUT'],
    ['简报', 'BAD_USER_INPUT'], // SCENARIOS seed002 #29
    ['会议纪要', 'BAD_USER_INPUT'], // renamed 纪要 in 2012
  ])('%s → %s', (t, expected) => {
    expect(code(() => assertOutgoingDocumentType(t))).toBe(expected);
  });
});

describe('legal review: when it is required (seed 000 L210; seed 002 L274–290, L307; seed 004 L44)', () => {
  const none: LegalReviewCase = { normative: false, effectiveSixMonthsOrLess: false, involvesLegalMatters: false, topics: [], majorAdministrativeDecision: false };
  it.each([
    ['SCENARIOS seed002 #13: a personnel appointment with no trigger', {}, false, []],
    ['a normative document', { normative: true }, true, ['normative']],
    ['all three normative elements', { normative: { affectsRightsOrDuties: true, publishedAndRepeatedlyApplied: true, generallyBinding: true } }, true, ['normative']],
    ['two of the three elements', { normative: { affectsRightsOrDuties: true, publishedAndRepeatedlyApplied: true, generallyBinding: false } }, false, []],
    ['legal matters', { involvesLegalMatters: true }, true, ['legal-matters']],
    ['a major administrative decision', { majorAdministrativeDecision: true }, true, ['major-decision']],
    ['licensing (行政许可)', { topics: ['licensing'] }, true, ['licensing']],
    ['penalties (行政处罚)', { topics: ['penalty'] }, true, ['penalty']],
    ['fees (行政收费)', { topics: ['fee'] }, true, ['fee']],
    ['compulsory measures (行政强制措施)', { topics: ['compulsory-measure'] }, true, ['compulsory-measure']],
    ['a short-lived normative document (stricter default: reviewed)', { normative: true, effectiveSixMonthsOrLess: true }, true, ['normative']],
    ['normative with fees', { normative: true, topics: ['fee'] }, true, ['normative', 'fee']],
  ] as const)('%s → required=%s', (_label, over, required, reasons) => {
    expect(legalReviewRequired({ ...none, ...(over as Partial<LegalReviewCase>) }, S)).toEqual({ required, reasons });
  });

  it('a short-lived normative document is exempt only under the setting', () => {
    const s = outgoingSettings({ shortLivedNormativeExempt: true });
    expect(legalReviewRequired({ ...none, normative: true, effectiveSixMonthsOrLess: true }, s).required).toBe(false);
    expect(legalReviewRequired({ ...none, normative: true, effectiveSixMonthsOrLess: false }, s).required).toBe(true);
  });

  it('isNormativeDocument needs all three elements', () => {
    expect(isNormativeDocument({ affectsRightsOrDuties: true, publishedAndRepeatedlyApplied: true, generallyBinding: true })).toBe(true);
    expect(isNormativeDocument({ affectsRightsOrDuties: false, publishedAndRepeatedlyApplied: true, generallyBinding: true })).toBe(false);
  });
});

describe('legal review: the draft waits for a passing written opinion', () => {
  const op = (outcome: 'pass' | 'fail', day: number, roles: Role[] = ['legal-officer'], text = '经审查,同意印发。'): LegalOpinion => ({
    outcome,
    text,
    byRoles: roles,
    at: new Date(Date.UTC(2026, 10, day)),
  });
  it.each([
    ['SCENARIOS seed002 #13: required, no opinion', true, [], 'CONFLICT'],
    ['required, failed', true, [op('fail', 1)], 'CONFLICT'],
    ['required, passed', true, [op('pass', 1)], 'ok'],
    ['required, failed after a pass', true, [op('pass', 1), op('fail', 2)], 'CONFLICT'],
    ['required, passed after a failure', true, [op('fail', 1), op('pass', 2)], 'ok'],
    ['a "pass" not written by a legal officer', true, [op('pass', 1, ['clerk'])], 'CONFLICT'],
    ['a "pass" without a written text', true, [op('pass', 1, ['legal-officer'], ' ')], 'CONFLICT'],
    ['not required', false, [], 'ok'],
  ] as const)('%s → %s', (_label, required, opinions, expected) => {
    expect(code(() => assertLegalReviewPassed(required, [...opinions]))).toBe(expected);
  });
});

describe('会稿 (seed 000 L208; seed 002 L381; seed 001 L163)', () => {
  it.each([
    [true, 2, false, true],
    [true, 1, false, false],
    [false, 3, false, false],
    [false, 0, true, true],
  ])('policy/normative=%s departments=%i modified=%s → %s', (policyOrNormative, competentDepartments, modifiedDepartmentDraft, required) => {
    expect(jointReviewRequired({ policyOrNormative, competentDepartments, modifiedDepartmentDraft })).toBe(required);
  });

  const opinion = (unit: string, text: string, over = {}) => ({ unit, opinion: text, signedName: '王五', signedAt: '2026-11-20', ...over });
  it.each([
    ['both agree', [opinion('区财政局', '同意'), opinion('区住建局', '同意')], null, 'ok'],
    ['one missing', [opinion('区财政局', '同意')], null, 'CONFLICT'],
    ['"已核" must be re-sent', [opinion('区财政局', '已核'), opinion('区住建局', '同意')], null, 'BAD_USER_INPUT'],
    ['no name', [opinion('区财政局', '同意', { signedName: '' }), opinion('区住建局', '同意')], null, 'BAD_USER_INPUT'],
    ['no full date', [opinion('区财政局', '同意', { signedAt: '20日' }), opinion('区住建局', '同意')], null, 'BAD_USER_INPUT'],
    ['a disagreement without a ruling', [opinion('区财政局', '不同意'), opinion('区住建局', '同意')], null, 'CONFLICT'],
    ['a disagreement with the leaders’ ruling', [opinion('区财政局', '不同意'), opinion('区住建局', '同意')], { by: 'head', at: new Date() }, 'ok'],
    ['the latest opinion of a unit counts', [opinion('区财政局', '不同意'), opinion('区住建局', '同意'), opinion('区财政局', '同意')], null, 'ok'],
  ])('%s → %s', (_label, opinions, ruling, expected) => {
    expect(code(() => assertJointReviewComplete(['区财政局', '区住建局'], opinions, ruling))).toBe(expected);
  });
});

describe('拟办 → 核稿 gate and the section chief’s three checks', () => {
  const ready = {
    docType: '通知',
    jointReview: { required: false, units: [], opinions: [], ruling: null },
    legalReview: { required: false, opinions: [] as LegalOpinion[] },
  };
  it.each([
    ['ready', {}, 'ok'],
    ['an invalid type', { docType: '简报' }, 'BAD_USER_INPUT'],
    ['joint review pending', { jointReview: { required: true, units: ['区财政局'], opinions: [], ruling: null } }, 'CONFLICT'],
    ['legal review pending', { legalReview: { required: true, opinions: [] } }, 'CONFLICT'],
  ])('%s → %s', (_label, over, expected) => {
    expect(code(() => assertReadyForCheck({ ...ready, ...over }))).toBe(expected);
  });

  it.each([
    [true, true, true, 'pass-check'],
    [false, true, true, 'return-for-revision'],
    [true, false, true, 'return-for-revision'],
    [true, true, false, 'return-for-revision'],
  ])('content=%s format=%s wording=%s → %s', (content, format, wording, outcome) => {
    expect(chiefCheckOutcome({ content, format, wording })).toBe(outcome);
  });
});

describe('复核 blocks numbering (seed 000 L230)', () => {
  const edu: Signatory = { id: 'e', name: '副区长甲', rank: 6, posts: ['deputy-district-head'], portfolios: ['教育'] };
  const plan = signingPlan({ issuingName: 'government', major: false, upward: false, portfolios: ['教育', '住建'], delegatedToOffice: false }, S);

  it('SCENARIOS seed000-a #12: a skipped signer leaves the draft in rechecking; assign-number is refused there', () => {
    const review = reviewSignOffs(plan, [{ signatory: edu, signedName: '副区长甲', opinion: '同意', signedAt: '2026-11-20' }], S);
    expect(code(() => assertSignOffComplete(review))).toBe('CONFLICT');
    expect(code(() => nextOutgoingState('rechecking', 'assign-number', actor(['clerk'])))).toBe('CONFLICT');
    expect(nextOutgoingState('rechecking', 'recheck-fail', actor(['section-chief']))).toBe('signing');
  });
});

describe('编号: 文号 per 代字 and year (seed 000 L230; GB/T 9704)', () => {
  it.each([
    ['party-committee', '通知', '区委发'],
    ['government', '意见', '区府发'],
    ['government', '函', '区府函'],
    ['party-office', '通知', '区委办发'],
    ['government-office', '函', '区府办函'],
    ['party-government-joint', '通知', '区委发'], // the lead organ's number only
    ['offices-joint', '函', '区委办函'],
  ] as const)('%s %s → %s', (name, docType, prefix) => {
    expect(documentNumberPrefix(name, docType, S)).toBe(prefix);
  });

  it('a deployment sets its own codes', () => {
    const s = outgoingSettings({
      organCodes: {
        'party-committee': { document: '深宝发', letter: '深宝函' },
        government: { document: '深宝府发', letter: '深宝府函' },
        'party-office': { document: '深宝办发', letter: '深宝办函' },
        'government-office': { document: '深宝府办', letter: '深宝府办函' },
      },
    });
    expect(formatYearNumber(documentNumberPrefix('party-office', '通知', s), 2007, 10)).toBe('深宝办发〔2007〕10号'); // seed 000 L164
  });

  it.each([
    ['区府办发', 2026, 1, '区府办发〔2026〕1号'],
    ['遂安府办发', 2015, 30, '遂安府办发〔2015〕30号'], // seed 002 L1
    ['区委发', 2026, 120, '区委发〔2026〕120号'],
  ])('%s %i %i prints as %s (no padding)', (prefix, year, value, printed) => {
    expect(formatYearNumber(prefix, year, value)).toBe(printed);
  });

  it('the numbering year is the Beijing year', () => {
    expect(numberingYear(new Date('2026-12-31T16:30:00Z'))).toBe(2027);
    expect(numberingYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
  });

  it('a joint document is filed by its lead organ (seed 003 L13@c9261)', () => {
    expect(archiveOriginalHolder('party-government-joint')).toBe('party-committee');
    expect(archiveOriginalHolder('offices-joint')).toBe('party-office');
    expect(archiveOriginalHolder('government')).toBe('government');
  });
});

describe('校对 (seed 002 L309, L317, L369, L383)', () => {
  const mark = { text: PROOF_MARK, proofreaderId: 'p1', proofreaderName: '赵六', at: new Date('2026-11-20T03:00:00Z') };
  it('the mark is exactly 已校核。此稿付印存档。', () => {
    expect(PROOF_MARK).toBe('已校核。此稿付印存档。');
  });

  it.each([
    ['the exact mark', {}, 'ok'],
    ['with outer white space', { text: ` ${PROOF_MARK}\n` }, 'ok'],
    ['"已校核" alone', { text: '已校核' }, 'BAD_USER_INPUT'],
    ['half-width full stops', { text: '已校核.此稿付印存档.' }, 'BAD_USER_INPUT'],
    ['"已核"', { text: '已核' }, 'BAD_USER_INPUT'],
    ['no name', { proofreaderName: '' }, 'BAD_USER_INPUT'],
    ['no time', { at: null }, 'BAD_USER_INPUT'],
  ])('%s → %s', (_label, over, expected) => {
    expect(code(() => assertProofMark({ ...mark, ...over }))).toBe(expected);
  });

  it.each([
    ['SCENARIOS seed002 #15: to the city government without the second proofreading', true, mark, null, 'CONFLICT'],
    ['to the city government with it', true, mark, { byName: '研究室主任', at: new Date() }, 'ok'],
    ['not to the city', false, mark, null, 'ok'],
    ['not proofread at all', false, null, null, 'CONFLICT'],
    ['a wrong mark', false, { ...mark, text: '已校' }, null, 'BAD_USER_INPUT'],
  ])('%s → %s', (_label, toCityGovernment, proof, secondProof, expected) => {
    expect(code(() => assertProofsComplete({ toCityGovernment, proof, secondProof }, S))).toBe(expected);
  });

  it('the second proofreading can be switched off', () => {
    expect(code(() => assertProofsComplete({ toCityGovernment: true, proof: mark, secondProof: null }, outgoingSettings({ secondProofForCityGovernment: false })))).toBe(
      'ok',
    );
  });

  it('SCENARIOS seed002 #15: the line’s liaison secretary as proofreader is a warning', () => {
    expect(proofreaderWarnings('s1', 's1')).toEqual(['proofreader-is-liaison-secretary']);
    expect(proofreaderWarnings('p1', 's1')).toEqual([]);
    expect(proofreaderWarnings('p1', null)).toEqual([]);
  });
});

describe('印制 and 份号 (GB/T 9704 7.2.1; seed 003 L13@c9038)', () => {
  it.each([
    [1, '000001'],
    [42, '000042'],
    [999999, '999999'],
  ])('copy %i → %s', (n, printed) => {
    expect(formatCopyNumber(n, S)).toBe(printed);
  });

  it.each([0, 1000000, 1.5, -3])('copy %p is refused', (n) => {
    expect(code(() => formatCopyNumber(n, S))).toBe('BAD_USER_INPUT');
  });

  it('every copy of a run gets its number', () => {
    expect(copyNumbers(3, 'none', S)).toEqual(['000001', '000002', '000003']);
    expect(copyNumbers(2, 'secret', outgoingSettings({ copyNumberDigits: 4 }))).toEqual(['0001', '0002']);
  });

  it('under classified-only, unclassified documents carry none', () => {
    const s = outgoingSettings({ copyNumbersFor: 'classified-only' });
    expect(copyNumbers(2, 'none', s)).toEqual([]);
    expect(copyNumbers(2, 'confidential', s)).toEqual(['000001', '000002']);
  });

  it.each([0, 2.5])('a run of %p copies is refused', (n) => {
    expect(code(() => copyNumbers(n, 'none', S))).toBe('BAD_USER_INPUT');
  });

  it('a run larger than the digits allow is refused', () => {
    expect(code(() => copyNumbers(100, 'none', outgoingSettings({ copyNumberDigits: 2 })))).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['none', false, 'ok'],
    ['secret', true, 'ok'],
    ['secret', false, 'FORBIDDEN'],
    ['top-secret', false, 'FORBIDDEN'],
  ] as const)('a %s document at a compliant site=%s → %s', (classification, site, expected) => {
    expect(code(() => assertPrintSite(classification, site))).toBe(expected);
  });
});

describe('用印 (seed 000 L236)', () => {
  it.each([
    ['通知', true, 'printed-on'],
    ['通知', false, 'stamped'],
    ['函', false, 'stamped'],
    ['纪要', true, 'none'],
  ] as const)('%s, general distribution=%s → %s', (docType, generalDistribution, mode) => {
    expect(sealMode({ docType, generalDistribution })).toBe(mode);
  });

  it.each([
    ['party-committee', ['party-committee']],
    ['government-office', ['government-office']],
    ['party-government-joint', ['party-committee', 'government']],
    ['offices-joint', ['party-office', 'government-office']],
  ] as const)('%s bears %j', (name, seals) => {
    expect(sealsForIssuingName(name)).toEqual(seals);
  });
});

describe('分发 (seed 000 L238, L286; seed 003 L13@c9093–9119)', () => {
  it.each([
    ['an unclassified document by the exchange station', 'none', 'exchange-station', ['clerk'], 'ok'],
    ['an unclassified document on the mobile office platform', 'none', 'mobile-office-platform', ['clerk'], 'ok'],
    ['SCENARIOS seed000-a #13: 机密 by a clerk', 'confidential', 'exchange-station', ['clerk'], 'FORBIDDEN'],
    ['SCENARIOS seed000-a #13: 机密 on the normal exchange run', 'confidential', 'exchange-station', ['confidential-clerk'], 'CONFLICT'],
    ['SCENARIOS seed003 #11: 机密 on the mobile office platform', 'confidential', 'mobile-office-platform', ['secrecy-officer'], 'CONFLICT'],
    ['机密 by confidential courier', 'confidential', 'confidential-courier', ['secrecy-officer'], 'ok'],
    ['秘密 through the city confidential exchange', 'secret', 'city-confidential-exchange', ['confidential-clerk'], 'ok'],
    ['绝密 by hand delivery', 'top-secret', 'hand-delivery', ['confidential-clerk'], 'CONFLICT'],
  ] as const)('%s → %s', (_label, classification, channel, roles, expected) => {
    expect(code(() => assertDistributionRoute(classification, channel, actor([...roles])))).toBe(expected);
  });

  const T = new Date('2026-11-20T02:00:00Z');
  const h = (n: number) => new Date(T.getTime() + n * 3600_000);
  it('SCENARIOS seed000-a #13: printed at T, due by T+24h', () => {
    expect(distributionDue({ printedAt: T, numberedAt: null }, S).toISOString()).toBe('2026-11-21T02:00:00.000Z');
  });

  it.each([
    ['distributed at T+23h', h(23), null, 'on-time'],
    ['distributed exactly at T+24h', h(24), null, 'on-time'],
    ['distributed at T+25h', h(25), null, 'late'],
    ['not yet distributed, now T+30h', null, h(30), 'late'],
    ['not yet distributed, now T+2h', null, h(2), 'on-time'],
  ])('%s → %s', (_label, distributedAt, now, status) => {
    expect(distributionStatus({ printedAt: T, numberedAt: null, distributedAt }, now ?? h(100), S)).toBe(status);
  });

  it('the clock can start at numbering instead (the stricter option)', () => {
    const s = outgoingSettings({ distributionClockStartsAt: 'numbered', distributionWithin: { amount: 12, unit: 'hours' } });
    expect(distributionDue({ printedAt: h(5), numberedAt: T }, s).toISOString()).toBe('2026-11-20T14:00:00.000Z');
    expect(code(() => distributionDue({ printedAt: T, numberedAt: null }, s))).toBe('CONFLICT');
  });
});

describe('settings', () => {
  it('defaults', () => {
    expect(S).toMatchObject({
      legalReviewTopics: ['licensing', 'penalty', 'fee', 'compulsory-measure'],
      shortLivedNormativeExempt: false,
      acceptCircledReadAsConsent: false,
      allowNumberingWithPendingLaterSignature: false,
      majorOfficeDocumentsSignedByDistrictHead: true,
      secondProofForCityGovernment: true,
      copyNumberDigits: 6,
      copyNumbersFor: 'every-document',
      distributionWithin: { amount: 24, unit: 'hours' },
      distributionClockStartsAt: 'printed',
    });
  });

  it.each([
    [{ distributionWithin: { amount: 24, unit: 'days' } }],
    [{ distributionWithin: { amount: 0, unit: 'hours' } }],
    [{ copyNumberDigits: 0 }],
    [{ legalReviewTopics: ['tax'] }],
    [{ organCodes: { government: { document: '', letter: 'x' } } }],
    [{ extra: 1 }],
  ])('refuses %j', (over) => {
    expect(code(() => outgoingSettings(over))).toBe('BAD_USER_INPUT');
  });
});
