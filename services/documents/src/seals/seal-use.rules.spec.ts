import type { Actor, Role } from '@gov/auth';
import { GovError } from '@gov/contracts';
import type { LeaderPost } from '../outgoing/signer.rules.js';
import {
  DEFAULT_SEAL_SETTINGS as S,
  IMPORTANT_PURPOSES,
  SEAL_KINDS,
  SEAL_PURPOSES,
  approversFor,
  assertIsKeeper,
  assertMayStamp,
  assertSealLoan,
  reviewSealRequest,
  sealApprovalTable,
  sealRegisterEntry,
  sealSettings,
  type SealKind,
  type SealPurpose,
  type SealUseRequest,
} from './seal-use.rules.js';
import { refusalCode as code } from '@gov/spec-kit';

const actor = (roles: Role[], id = 'u1'): Actor => ({ id, name: id, username: id, roles, unit: 'QWBGS', clearance: 'none', rank: null });


const approver = (posts: LeaderPost[], portfolios: string[] = []) => ({ id: 'a1', name: '审批人', posts, portfolios });

const request = (over: Partial<SealUseRequest> = {}): SealUseRequest => ({
  seal: 'government-office',
  purpose: 'contract',
  purposeText: '与区物业公司签订办公楼物业服务合同',
  documentTitle: '物业服务合同',
  impressions: 3,
  requesterId: 'u-req',
  area: '后勤',
  approval: { approver: approver(['government-office-director']), approvalText: '同意盖章。', approvedAt: new Date('2026-11-20T01:00:00Z') },
  doubtful: false,
  confirmation: null,
  ...over,
});

const reasonCodes = (r: ReturnType<typeof reviewSealRequest>) => (r.decision === 'stamp' ? [] : r.reasons.map((x) => x.code));

describe('the approval decision table (seed 001 L223–227)', () => {
  it('has exactly one row for every seal and purpose', () => {
    for (const seal of SEAL_KINDS) for (const purpose of SEAL_PURPOSES) expect(approversFor(seal, purpose).length).toBeGreaterThan(0);
    for (const row of sealApprovalTable()) expect(row.source).toMatch(/seed 001 L22\d/);
  });

  it('important purposes are the five of L227', () => {
    expect(IMPORTANT_PURPOSES).toEqual(['outgoing-document', 'contract', 'approval', 'personnel', 'finance']);
  });

  it.each([
    // seal, purpose, approver posts, portfolio of the approver, area, allowed
    ['party-committee', 'other', ['standing-committee-member'], [], null, true],
    ['party-committee', 'finance', ['party-secretary'], [], null, true],
    ['party-committee', 'contract', ['district-head'], [], null, false],
    ['government', 'contract', ['district-head'], [], null, true],
    ['government', 'other', ['deputy-district-head'], [], null, true],
    ['government', 'other', ['standing-committee-member'], [], null, false],
    ['government', 'other', ['government-office-director'], [], null, false],
    ['party-office', 'outgoing-document', ['party-office-director'], [], null, true],
    ['party-office', 'personnel', ['office-deputy-director'], ['人事'], '人事', false], // important: the director only
    ['party-office', 'other', ['office-deputy-director'], ['文秘'], '文秘', true], // other: the leader in charge
    ['party-office', 'other', ['office-deputy-director'], ['后勤'], '文秘', false], // not in charge of that area
    ['party-office', 'other', ['office-deputy-director'], ['文秘'], null, false], // area unknown
    ['party-office', 'other', ['party-office-director'], [], null, true],
    ['government-office', 'contract', ['government-office-director'], [], null, true],
    ['government-office', 'finance', ['office-deputy-director'], ['财务'], '财务', false],
    ['government-office', 'contract', ['party-office-director'], [], null, false], // the other office's director
    ['office-certification', 'approval', ['party-office-director'], [], null, true],
    ['office-certification', 'other', ['office-deputy-director'], ['综合'], '综合', true],
    ['office-certification', 'other', ['deputy-district-head'], [], null, false],
  ] as const)('%s for %s approved by %j (in charge of %j, area %s) → %s', (seal, purpose, posts, portfolios, area, allowed) => {
    const r = reviewSealRequest(
      request({
        seal: seal as SealKind,
        purpose: purpose as SealPurpose,
        area,
        approval: { approver: approver([...posts], [...portfolios]), approvalText: '同意', approvedAt: new Date() },
      }),
    );
    expect(r.decision).toBe(allowed ? 'stamp' : 'refuse');
  });

  it('seed 000 L466 reading (any district leader) is only a setting', () => {
    const lenient = sealSettings({ governmentSealApproval: 'any-district-leader' });
    const req = request({ seal: 'government', purpose: 'other', approval: { approver: approver(['standing-committee-member']), approvalText: '同意', approvedAt: new Date() } });
    expect(reviewSealRequest(req).decision).toBe('refuse');
    expect(reviewSealRequest(req, lenient).decision).toBe('stamp');
    expect(code(() => sealSettings({ governmentSealApproval: 'anyone' }))).toBe('BAD_USER_INPUT');
  });
});

describe('the keeper refuses non-compliant requests with reasons (seed 001 L229–233)', () => {
  it.each([
    ['a compliant request', {}, 'stamp', []],
    ['no seal named', { seal: null }, 'refuse', ['no-seal']],
    ['no purpose category', { purpose: null }, 'refuse', ['no-purpose']],
    ['no purpose text (用印事由)', { purposeText: ' ' }, 'refuse', ['no-purpose-text']],
    ['no document title', { documentTitle: '' }, 'refuse', ['no-document-title']],
    ['zero impressions', { impressions: 0 }, 'refuse', ['bad-impressions']],
    ['fractional impressions', { impressions: 1.5 }, 'refuse', ['bad-impressions']],
    ['too many impressions', { impressions: 10001 }, 'refuse', ['bad-impressions']],
    ['no approval (领导的批准字样)', { approval: null }, 'refuse', ['no-approval']],
    ['an approval without written words', { approval: { approver: approver(['government-office-director']), approvalText: ' ', approvedAt: new Date() } }, 'refuse', ['no-approval-text']],
    ['the wrong approver', { approval: { approver: approver(['office-deputy-director'], ['后勤']), approvalText: '同意', approvedAt: new Date() } }, 'refuse', ['approver-not-authorised']],
    ['several faults at once', { seal: null, impressions: 0, approval: null }, 'refuse', ['no-seal', 'bad-impressions', 'no-approval']],
    ['doubtful content, not confirmed (L233)', { doubtful: true }, 'query', ['doubtful-not-confirmed']],
    ['doubtful content, confirmed by a clerk', { doubtful: true, confirmation: { byId: 'c', byRoles: ['clerk'], at: new Date() } }, 'query', ['doubtful-not-confirmed']],
    ['doubtful content, confirmed by an office leader', { doubtful: true, confirmation: { byId: 'd', byRoles: ['deputy-director'], at: new Date() } }, 'stamp', []],
  ] as const)('%s → %s %j', (_label, over, decision, reasons) => {
    const r = reviewSealRequest(request(over as Partial<SealUseRequest>));
    expect(r.decision).toBe(decision);
    expect(reasonCodes(r)).toEqual(reasons);
    if (r.decision !== 'stamp') for (const x of r.reasons) expect(x.messageZh.length).toBeGreaterThan(0);
    expect(code(() => assertMayStamp(r))).toBe(decision === 'stamp' ? 'ok' : 'CONFLICT');
  });

  it('every refusal cites its seed line', () => {
    const r = reviewSealRequest(request({ seal: null, purpose: null, purposeText: '', documentTitle: '', impressions: 0, approval: null }));
    expect(r.decision).toBe('refuse');
    if (r.decision === 'refuse') for (const x of r.reasons) expect(x.source).toMatch(/seed 00[12] L\d+/);
  });
});

describe('keeper and register (seed 001 L219, L235; seed 002 L142)', () => {
  const seal = { kind: 'government-office' as const, keeperIds: ['keeper-1'] };
  it.each([
    ['keeper-1', 'ok'],
    ['clerk-2', 'FORBIDDEN'],
  ])('%s using the government-office seal → %s', (id, expected) => {
    expect(code(() => assertIsKeeper(actor(['clerk'], id), seal))).toBe(expected);
  });

  it('a register line holds date, purpose, approver, impressions, handler and the approval words', () => {
    const entry = sealRegisterEntry(request(), new Date('2026-11-20T17:00:00Z'), ' 王文清 ');
    expect(entry).toEqual({
      date: '2026-11-21', // Beijing date
      seal: 'government-office',
      purpose: '与区物业公司签订办公楼物业服务合同',
      purposeCategory: 'contract',
      documentTitle: '物业服务合同',
      approverName: '审批人',
      approvalText: '同意盖章。',
      impressions: 3,
      handlerName: '王文清',
    });
  });

  it('no register line for a refused request, nor without a handler', () => {
    expect(code(() => sealRegisterEntry(request({ approval: null }), new Date(), '王文清'))).toBe('CONFLICT');
    expect(code(() => sealRegisterEntry(request(), new Date(), ' '))).toBe('BAD_USER_INPUT');
  });

  const lent = new Date('2026-11-20T01:00:00Z');
  it.each([
    ['a complete loan', {}, 'ok'],
    ['no reason', { reason: '' }, 'BAD_USER_INPUT'],
    ['no borrower', { borrowerId: ' ' }, 'BAD_USER_INPUT'],
    ['returned before lent', { returnedAt: new Date('2026-11-19T01:00:00Z') }, 'BAD_USER_INPUT'],
    ['returned after', { returnedAt: new Date('2026-11-20T05:00:00Z') }, 'ok'],
  ])('seal loan: %s → %s', (_label, over, expected) => {
    expect(code(() => assertSealLoan({ seal: 'government', lentAt: lent, reason: '赴市政府办理公务', borrowerId: 'u7', returnedAt: null, ...over }))).toBe(expected);
  });

  it('default settings are the stricter seed 001 reading', () => {
    expect(S).toEqual({ governmentSealApproval: 'district-head-or-deputy' });
  });
});
