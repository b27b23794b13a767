import type { Actor, Role } from '@gov/auth';
import { WorkingCalendar } from '@gov/calendar';
import { GovError, type Classification } from '@gov/contracts';
import { DEFAULT_CONFIDENTIAL_SETTINGS as S, confidentialSettings } from './confidential.settings.js';
import {
  CONFIDENTIAL_TRANSITIONS,
  archiveHandOverDue,
  archiveHandOverOverdue,
  assertMayLend,
  loanStatus,
  assertCompleteReturn,
  assertConfidentialRegistration,
  assertMayArchiveConfidential,
  assertMayCarry,
  assertMayCopy,
  assertMayReadConfidential,
  assertMayWriteProposal,
  assertProposalWritten,
  compilationClassification,
  leaderReadingOrder,
  nextConfidentialState,
  overdueReturns,
  returnDueAtRegistration,
  returnStatus,
  topSecretCheckAlert,
  type ConfidentialAction,
  type ConfidentialDocument,
  type ClassifiedLoan,
  type ConfidentialState,
} from './confidential.rules.js';
import { refusalCode as code } from '@gov/spec-kit';

const actor = (roles: Role[], clearance: Actor['clearance'] = 'top-secret', id = 'u1'): Actor => ({
  id,
  name: id,
  username: id,
  roles,
  unit: 'QWBGS',
  clearance,
  rank: null,
});


const doc = (over: Partial<ConfidentialDocument> = {}): ConfidentialDocument => ({
  classification: 'confidential',
  needToKnow: ['cc1'],
  proposal: { text: '请陈书记阅示,后转区发改委办理。', byId: 'dir', byRoles: ['director'], at: new Date('2026-11-20T02:00:00Z') },
  mustReturn: true,
  returnDue: '2026-12-01',
  returnedAt: null,
  designatedHandlerId: null,
  ...over,
});

describe('confidential-document state table (seed 004 L28–40)', () => {
  it.each([
    [null, 'receive', 'confidential-clerk', 'received'],
    ['received', 'register', 'confidential-clerk', 'registered'],
    ['registered', 'write-proposal', 'director', 'proposal-written'],
    ['proposal-written', 'carry-to-leader', 'confidential-clerk', 'with-leader'],
    ['proposal-written', 'carry-to-unit', 'confidential-clerk', 'with-unit'],
    ['with-leader', 'carry-to-leader', 'confidential-clerk', 'with-leader'],
    ['with-leader', 'instruct', 'district-leader', 'with-leader'],
    ['with-leader', 'carry-to-unit', 'confidential-clerk', 'with-unit'],
    ['with-unit', 'report-progress', 'unit-liaison', 'with-unit'],
    ['with-leader', 'recover', 'confidential-clerk', 'recovered'],
    ['with-unit', 'recover', 'confidential-clerk', 'recovered'],
    ['recovered', 'return-to-sender', 'confidential-clerk', 'returned'],
    ['recovered', 'archive', 'archivist', 'archived'],
  ] as const)('%s --%s by %s--> %s', (from, action, role, to) => {
    expect(nextConfidentialState(from, action, actor([role]))).toBe(to);
  });

  it('every row cites a seed; no pair repeats', () => {
    const keys = CONFIDENTIAL_TRANSITIONS.map((t) => `${t.from}/${t.action}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const t of CONFIDENTIAL_TRANSITIONS) expect(t.source).toMatch(/seed 00\d/);
  });

  it('every carry is the confidential clerk’s alone', () => {
    for (const t of CONFIDENTIAL_TRANSITIONS.filter((x) => x.action.startsWith('carry') || x.action === 'recover' || x.action === 'return-to-sender')) {
      expect(t.roles).toEqual(['confidential-clerk']);
    }
  });

  it.each([
    ['registered', 'carry-to-leader', 'confidential-clerk', 'CONFLICT'], // nothing moves before the proposal
    ['registered', 'carry-to-unit', 'confidential-clerk', 'CONFLICT'],
    ['received', 'write-proposal', 'director', 'CONFLICT'],
    ['with-unit', 'return-to-sender', 'confidential-clerk', 'CONFLICT'], // recover first
    ['proposal-written', 'carry-to-leader', 'clerk', 'FORBIDDEN'], // only the confidential clerk carries
    ['proposal-written', 'carry-to-unit', 'secrecy-officer', 'FORBIDDEN'],
    ['with-leader', 'carry-to-unit', 'district-leader', 'FORBIDDEN'],
    [null, 'receive', 'clerk', 'FORBIDDEN'],
    ['registered', 'write-proposal', 'section-chief', 'FORBIDDEN'],
  ] as const)('%s --%s by %s → %s', (from, action, role, expected) => {
    expect(code(() => nextConfidentialState(from as ConfidentialState | null, action as ConfidentialAction, actor([role])))).toBe(expected);
  });
});

describe('registration (seed 000 L1028)', () => {
  const fields = {
    senderUnit: '市委办公厅',
    receivedAt: new Date(),
    title: '关于某项工作的通知',
    classification: 'confidential' as Classification,
    urgency: 'normal' as const,
    deadline: null,
    items: 2,
  };
  it.each([
    ['all fields', {}, 'ok'],
    ['no sender', { senderUnit: '' }, 'BAD_USER_INPUT'],
    ['no time', { receivedAt: null }, 'BAD_USER_INPUT'],
    ['no title', { title: ' ' }, 'BAD_USER_INPUT'],
    ['no classification', { classification: null }, 'BAD_USER_INPUT'],
    ['no urgency', { urgency: null }, 'BAD_USER_INPUT'],
    ['urgent without its time limit', { urgency: 'urgent' }, 'BAD_USER_INPUT'],
    ['urgent with its time limit', { urgency: 'urgent', deadline: '2026-11-22' }, 'ok'],
    ['zero items', { items: 0 }, 'BAD_USER_INPUT'],
  ])('%s → %s', (_label, over, expected) => {
    expect(code(() => assertConfidentialRegistration({ ...fields, ...(over as object) }))).toBe(expected);
  });
});

describe('the proposal comes first (seed 004 L30–32)', () => {
  it.each([
    [['director'], '请书记阅示', S, 'ok'],
    [['deputy-director'], '请书记阅示', S, 'FORBIDDEN'],
    [['deputy-director'], '请书记阅示', confidentialSettings({ proposalBy: 'deputy-director' }), 'ok'],
    [['director'], '  ', S, 'BAD_USER_INPUT'],
    [['confidential-clerk'], '请书记阅示', S, 'FORBIDDEN'],
  ] as const)('%j writing %j → %s', (roles, text, settings, expected) => {
    expect(code(() => assertMayWriteProposal(actor([...roles]), text, settings))).toBe(expected);
  });

  it.each([
    ['a proposal by the director', doc(), 'ok'],
    ['no proposal', doc({ proposal: null }), 'CONFLICT'],
    ['an empty proposal', doc({ proposal: { text: '', byId: 'dir', byRoles: ['director'], at: new Date() } }), 'CONFLICT'],
    ['a proposal by the deputy only', doc({ proposal: { text: '请阅', byId: 'dd', byRoles: ['deputy-director'], at: new Date() } }), 'CONFLICT'],
  ])('%s → %s', (_label, d, expected) => {
    expect(code(() => assertProposalWritten(d, S))).toBe(expected);
  });
});

describe('who carries and who reads', () => {
  it.each([
    ['the confidential clerk', actor(['confidential-clerk'], 'confidential'), doc(), 'ok'],
    ['a clerk', actor(['clerk'], 'top-secret'), doc(), 'FORBIDDEN'],
    ['a confidential clerk without the clearance', actor(['confidential-clerk'], 'secret'), doc(), 'FORBIDDEN'],
    ['绝密 by its designated handler', actor(['confidential-clerk'], 'top-secret', 'h1'), doc({ classification: 'top-secret', designatedHandlerId: 'h1' }), 'ok'],
    ['绝密 by another confidential clerk', actor(['confidential-clerk'], 'top-secret', 'h2'), doc({ classification: 'top-secret', designatedHandlerId: 'h1' }), 'FORBIDDEN'],
  ])('%s → %s', (_label, who, d, expected) => {
    expect(code(() => assertMayCarry(who, d))).toBe(expected);
  });

  const at = new Date('2026-11-20T02:00:00Z');
  it.each([
    ['listed and cleared', actor(['district-leader'], 'top-secret', 'L1'), ['L1'], 'confidential', 'ok'],
    ['listed, clearance too low', actor(['district-leader'], 'secret', 'L1'), ['L1'], 'confidential', 'FORBIDDEN'],
    ['cleared, not listed', actor(['director'], 'top-secret', 'dir'), ['L1'], 'confidential', 'FORBIDDEN'],
    ['unclassified', actor(['clerk'], 'none', 'c'), [], 'none', 'ok'],
  ] as const)('%s → %s', (_label, who, needToKnow, classification, expected) => {
    expect(code(() => assertMayReadConfidential(who, { id: 'd1', classification, needToKnow: [...needToKnow] }, at))).toBe(expected);
  });

  it('a classified read returns the audit entry; an unclassified one none; a refusal says nothing', () => {
    expect(assertMayReadConfidential(actor(['district-leader'], 'top-secret', 'L1'), { id: 'd1', classification: 'secret', needToKnow: ['L1'] }, at)).toEqual({
      action: 'confidential.read',
      actorId: 'L1',
      entityId: 'd1',
      at,
    });
    expect(assertMayReadConfidential(actor(['clerk'], 'none', 'c'), { id: 'd2', classification: 'none', needToKnow: [] }, at)).toBeNull();
    try {
      assertMayReadConfidential(actor(['director'], 'secret', 'dir'), { id: 'd1', classification: 'top-secret', needToKnow: ['L1'] }, at);
      throw new Error('not refused');
    } catch (e) {
      expect((e as GovError).message).toBe('you may not read this document');
      expect((e as GovError).details).toBeUndefined();
    }
  });
});

describe('recovery and return by the due date (seed 004 L38–40)', () => {
  it.each([
    ['not to be returned', { mustReturn: false, returnDue: null }, S, null],
    ['the sender’s date', { mustReturn: true, returnDue: '2026-12-01' }, S, '2026-12-01'],
    ['a default period of 10 calendar days', { mustReturn: true, returnDue: null }, confidentialSettings({ defaultReturnPeriod: { amount: 10, unit: 'calendar' } }), '2026-11-30'],
  ] as const)('%s → %s', (_label, d, settings, due) => {
    expect(returnDueAtRegistration(d, '2026-11-20', settings)).toBe(due);
  });

  it('a working-day default period uses the working calendar (2026-09-30 + 3 working days: 8, 9 Oct and the make-up Saturday 10 Oct)', () => {
    const s = confidentialSettings({ defaultReturnPeriod: { amount: 3, unit: 'working' } });
    expect(returnDueAtRegistration({ mustReturn: true, returnDue: null }, '2026-09-30', s, WorkingCalendar.bundled())).toBe('2026-10-10');
    expect(code(() => returnDueAtRegistration({ mustReturn: true, returnDue: null }, '2026-09-30', s))).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['no date and no default (the seeds give none)', { mustReturn: true, returnDue: null }, 'BAD_USER_INPUT'],
    ['a date before registration', { mustReturn: true, returnDue: '2026-11-19' }, 'BAD_USER_INPUT'],
    ['a malformed date', { mustReturn: true, returnDue: '2026/12/01' }, 'BAD_USER_INPUT'],
  ])('%s → %s', (_label, d, expected) => {
    expect(code(() => returnDueAtRegistration(d, '2026-11-20', S))).toBe(expected);
  });

  it.each([
    ['not to be returned', doc({ mustReturn: false }), '2026-12-05', 'not-required'],
    ['before the date', doc(), '2026-11-25', 'open'],
    ['on the date', doc(), '2026-12-01', 'due-today'],
    ['after the date', doc(), '2026-12-02', 'overdue'],
    ['returned on time', doc({ returnedAt: new Date('2026-12-01T08:00:00Z') }), '2026-12-05', 'returned'],
    ['returned late (Beijing 2 Dec)', doc({ returnedAt: new Date('2026-12-01T16:30:00Z') }), '2026-12-05', 'returned-late'],
    ['to be returned with no date on record', doc({ returnDue: null }), '2026-11-20', 'overdue'],
  ])('%s → %s', (_label, d, today, status) => {
    expect(returnStatus(d, today)).toBe(status);
  });

  it('lists the overdue ones', () => {
    const a = doc({ returnDue: '2026-11-30' });
    const b = doc({ returnDue: '2026-12-10' });
    const c = doc({ returnDue: '2026-11-01', returnedAt: new Date('2026-10-30T00:00:00Z') });
    expect(overdueReturns([a, b, c], '2026-12-01')).toEqual([a]);
  });

  it.each([
    [{ items: 2, pages: 30 }, { items: 2, pages: 30 }, 'ok'],
    [{ items: 2, pages: 30 }, { items: 1, pages: 15 }, 'CONFLICT'],
    [{ items: 2, pages: 30 }, { items: 2, pages: 29 }, 'CONFLICT'],
  ])('received %j, returning %j → %s', (received, returning, expected) => {
    expect(code(() => assertCompleteReturn(received, returning))).toBe(expected);
  });

  it('a document to be returned is not filed', () => {
    expect(code(() => assertMayArchiveConfidential({ mustReturn: true }))).toBe('CONFLICT');
    expect(code(() => assertMayArchiveConfidential({ mustReturn: false }))).toBe('ok');
  });
});

describe('绝密 checks and reading order (seed 000 L1038–1040)', () => {
  const day = '2026-11-20';
  const t = (iso: string) => new Date(iso);
  it.each([
    ['SCENARIOS seed000-b #10: one check', 'top-secret', [t('2026-11-20T01:00:00Z')], true],
    ['two checks', 'top-secret', [t('2026-11-20T01:00:00Z'), t('2026-11-20T07:00:00Z')], false],
    ['two checks, one on the previous Beijing day', 'top-secret', [t('2026-11-19T15:00:00Z'), t('2026-11-20T07:00:00Z')], true],
    ['a 机密 document needs none', 'confidential', [], false],
  ] as const)('%s → alert=%s', (_label, classification, checks, alert) => {
    expect(topSecretCheckAlert({ classification }, checks, day, S)).toBe(alert);
  });

  it('leaders read most senior first; those away read on return', () => {
    const leaders = [
      { id: 'L3', name: '丙', rank: 3 },
      { id: 'L1', name: '甲', rank: 1 },
      { id: 'L2', name: '乙', rank: 2 },
    ];
    expect(leaderReadingOrder(leaders, []).map((l) => l.id)).toEqual(['L1', 'L2', 'L3']);
    expect(leaderReadingOrder(leaders, ['L1']).map((l) => l.id)).toEqual(['L2', 'L3', 'L1']);
  });
});

describe('copying (seed 002 L104; seed 003 L13@c9517–9634)', () => {
  const ok = { registerAsOriginal: true, copyMarkRequired: true };
  it.each([
    ['SCENARIOS seed002 #5: 绝密, even with approval', { classification: 'top-secret', isCipherTelegram: false, approval: { byRoles: ['director'], at: new Date() } }, S, 'FORBIDDEN'],
    ['SCENARIOS seed002 #5: a cipher telegram', { classification: 'secret', isCipherTelegram: true, approval: { byRoles: ['director'], at: new Date() } }, S, 'FORBIDDEN'],
    ['SCENARIOS seed003 #12: 绝密 under director-approval, without it', { classification: 'top-secret', isCipherTelegram: false, approval: null }, confidentialSettings({ topSecretCopy: 'director-approval' }), 'FORBIDDEN'],
    ['绝密 under director-approval, with it', { classification: 'top-secret', isCipherTelegram: false, approval: { byRoles: ['director'], at: new Date() } }, confidentialSettings({ topSecretCopy: 'director-approval' }), 'ok'],
    ['机密 with the director’s approval', { classification: 'confidential', isCipherTelegram: false, approval: { byRoles: ['director'], at: new Date() } }, S, 'ok'],
    ['机密 with the secrecy officer’s approval (default wants the director)', { classification: 'confidential', isCipherTelegram: false, approval: { byRoles: ['secrecy-officer'], at: new Date() } }, S, 'FORBIDDEN'],
    ['SCENARIOS seed002 #5: 机密 with the secrecy cadre under that setting', { classification: 'confidential', isCipherTelegram: false, approval: { byRoles: ['secrecy-officer'], at: new Date() } }, confidentialSettings({ classifiedCopyApprover: 'secrecy-officer' }), 'ok'],
    ['秘密 without approval', { classification: 'secret', isCipherTelegram: false, approval: null }, S, 'FORBIDDEN'],
    ['unclassified', { classification: 'none', isCipherTelegram: false, approval: null }, S, 'ok'],
  ] as const)('%s → %s', (_label, req, settings, expected) => {
    expect(code(() => assertMayCopy({ ...req, approval: req.approval ? { ...req.approval, byRoles: [...req.approval.byRoles] } : null }, settings))).toBe(expected);
  });

  it('a permitted classified copy is registered as an original and stamped; an unclassified one is not', () => {
    expect(assertMayCopy({ classification: 'secret', isCipherTelegram: false, approval: { byRoles: ['director'], at: new Date() } }, S)).toEqual(ok);
    expect(assertMayCopy({ classification: 'none', isCipherTelegram: false, approval: null }, S)).toEqual({ registerAsOriginal: false, copyMarkRequired: false });
  });

  it.each([
    [['secret', 'confidential'], 'confidential'], // SCENARIOS seed003 #12
    [['none', 'secret'], 'secret'],
    [['top-secret', 'secret'], 'top-secret'],
    [[], 'none'],
  ] as const)('a compilation of %j is %s', (levels, level) => {
    expect(compilationClassification([...levels])).toBe(level);
  });
});

describe('borrowing classified documents (seed 003 L13@c9932–10000, c10528)', () => {
  const loan: ClassifiedLoan = {
    borrowingUnit: '区发改委',
    title: '关于某规划的通知',
    docNumber: '区委发〔2026〕12号',
    classification: 'secret',
    copyNumber: '000007',
    pages: 12,
    quantity: 1,
    from: '2026-11-20',
    until: '2026-11-27',
    borrowerId: 'u-b',
    purpose: '起草实施方案',
    unitHeadSignature: { name: '刘主任', at: new Date() },
    returnedAt: null,
  };
  it.each([
    ['a complete, signed form', {}, 'ok'],
    ['SCENARIOS seed003 #13: no unit head signature', { unitHeadSignature: null }, 'FORBIDDEN'],
    ['no purpose', { purpose: ' ' }, 'BAD_USER_INPUT'],
    ['no copy number', { copyNumber: '' }, 'BAD_USER_INPUT'],
    ['no pages', { pages: 0 }, 'BAD_USER_INPUT'],
    ['ends before it starts', { until: '2026-11-19' }, 'BAD_USER_INPUT'],
    ['a malformed date', { until: '27/11/2026' }, 'BAD_USER_INPUT'],
  ])('%s → %s', (_label, over, expected) => {
    expect(code(() => assertMayLend({ ...loan, ...(over as Partial<ClassifiedLoan>) }))).toBe(expected);
  });

  it.each([
    ['within the period', null, '2026-11-27', 'on-loan'],
    ['SCENARIOS seed003 #13: past the end', null, '2026-11-28', 'overdue'],
    ['returned on the last day', new Date('2026-11-27T09:00:00Z'), '2026-12-01', 'returned'],
    ['returned late', new Date('2026-11-28T01:00:00Z'), '2026-12-01', 'returned-late'],
  ])('%s → %s', (_label, returnedAt, today, status) => {
    expect(loanStatus({ until: loan.until, returnedAt }, today)).toBe(status);
  });
});

describe('annual hand-over to the archives (seed 000 L1154)', () => {
  it('SCENARIOS seed000-b #28: 2018 documents are due by 31 March 2019 and overdue on 1 April', () => {
    expect(archiveHandOverDue(2018, S)).toBe('2019-03-31');
    expect(archiveHandOverOverdue(2018, null, '2019-03-31', S)).toBe(false);
    expect(archiveHandOverOverdue(2018, null, '2019-04-01', S)).toBe(true);
    expect(archiveHandOverOverdue(2018, '2019-03-20', '2019-04-01', S)).toBe(false);
    expect(archiveHandOverOverdue(2018, '2019-04-02', '2019-04-10', S)).toBe(true);
  });
});

describe('settings', () => {
  it('defaults', () => {
    expect(S).toEqual({
      proposalBy: 'director',
      defaultReturnPeriod: null,
      topSecretChecksPerDay: 2,
      topSecretCopy: 'never',
      classifiedCopyApprover: 'director',
      destructionWitnesses: 2,
      phoneApprovalFor: 'district-only',
      topSecretCipherReturnWithin: { amount: 0, unit: 'calendar' },
      archiveHandOverBy: { month: 3, day: 31, yearsAfter: 1 },
      laterSignatureWithin: { amount: 1, unit: 'working' },
    });
  });

  it.each([[{ destructionWitnesses: 1 }], [{ topSecretChecksPerDay: 0 }], [{ defaultReturnPeriod: { amount: 5 } }], [{ proposalBy: 'clerk' }]])('refuses %j', (over) => {
    expect(code(() => confidentialSettings(over))).toBe('BAD_USER_INPUT');
  });
});
