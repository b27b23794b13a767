import type { Role } from '@gov/auth';
import { GovError } from '@gov/contracts';
import { DEFAULT_CONFIDENTIAL_SETTINGS as S, confidentialSettings } from './confidential.settings.js';
import {
  assertCipherDestruction,
  assertCopyDistributionApproved,
  assertForwardedFormHidden,
  assertReplyChannel,
  assertTelegramAcceptable,
  assertTelegramChecked,
  assertTelegramHeader,
  assertTelegramMatchesList,
  formatTelegramNumber,
  missingReceipts,
  reviewTelegramSignatures,
  telegramDiscrepancies,
  telegramTriage,
  topSecretCipherReturnStatus,
  type TelegramIssuer,
  type TelegramSignature,
} from './telegram.rules.js';
import { refusalCode as code } from '@gov/spec-kit';


describe('receiving plain telegrams (seed 000 L1062–1068)', () => {
  const listed = { number: '明电〔2026〕88号', copies: 2, pages: 3, priority: 'urgent' as const };
  it.each([
    ['as listed', {}, []],
    ['another number', { number: '明电〔2026〕89号' }, ['number']],
    ['one copy short', { copies: 1 }, ['copies']],
    ['a page missing', { pages: 2 }, ['pages']],
    ['another priority', { priority: 'routine' }, ['priority']],
    ['poor transmission', { qualityOk: false }, ['quality']],
    ['several', { copies: 1, qualityOk: false }, ['copies', 'quality']],
  ] as const)('%s → %j', (_label, over, discrepancies) => {
    const received = { ...listed, qualityOk: true, ...over };
    expect(telegramDiscrepancies(received, listed)).toEqual(discrepancies);
    expect(code(() => assertTelegramMatchesList(received, listed))).toBe(discrepancies.length ? 'CONFLICT' : 'ok');
  });

  it.each([
    [true, true, { stamp: '急件', reportToLeadersAtOnce: true, routeToMeetings: true }],
    [false, false, { stamp: null, reportToLeadersAtOnce: false, routeToMeetings: false }],
  ])('triage: important/urgent=%s, needs district leaders=%s', (especiallyImportantOrUrgent, needsDistrictLeaders, out) => {
    expect(telegramTriage({ especiallyImportantOrUrgent, needsDistrictLeaders })).toEqual(out);
  });

  it.each([
    ['an ordinary telegram, copied directly', false, null, null, 'ok'],
    ['an important one without the bureau proposal', true, null, ['deputy-director'], 'CONFLICT'],
    ['an important one without the deputy’s approval', true, ['secrecy-officer'], null, 'CONFLICT'],
    ['an important one approved by a clerk', true, ['secrecy-officer'], ['clerk'], 'CONFLICT'],
    ['an important one, proposed and approved', true, ['secrecy-officer'], ['deputy-director'], 'ok'],
  ] as const)('批抄: %s → %s', (_label, important, proposal, approval, expected) => {
    expect(
      code(() => assertCopyDistributionApproved({ important, proposalByRoles: proposal ? [...proposal] : null, approvalByRoles: approval ? [...approval] : null })),
    ).toBe(expected);
  });
});

describe('sending: header and check (seed 000 L1072, L1076; seed 003 L13@c9119)', () => {
  const header = { channel: 'plain' as const, header: 'plain' as const, priority: 'urgent' as const, classification: 'none' as const, sendingUnit: '区政府办公室' };
  it.each([
    ['a plain telegram on the plain header', {}, 'ok'],
    ['the cipher header on a plain telegram', { header: 'cipher' }, 'BAD_USER_INPUT'],
    ['no priority', { priority: null }, 'BAD_USER_INPUT'],
    ['no classification', { classification: null }, 'BAD_USER_INPUT'],
    ['no sending unit', { sendingUnit: '' }, 'BAD_USER_INPUT'],
    ['classified content in plain', { classification: 'secret' }, 'CONFLICT'],
    ['classified content in cipher', { channel: 'cipher', header: 'cipher', classification: 'confidential' }, 'ok'],
  ] as const)('%s → %s', (_label, over, expected) => {
    expect(code(() => assertTelegramHeader({ ...header, ...over }))).toBe(expected);
  });

  const checked: Parameters<typeof assertTelegramChecked>[0] = { signed: true, classification: 'none', priority: 'routine', destinations: ['市政府办公厅'] };
  it.each([
    ['complete', {}, 'ok'],
    ['unsigned', { signed: false }, 'BAD_USER_INPUT'],
    ['no classification', { classification: null }, 'BAD_USER_INPUT'],
    ['no priority', { priority: null }, 'BAD_USER_INPUT'],
    ['no destination', { destinations: [' '] }, 'BAD_USER_INPUT'],
  ])('pre-send check: %s → %s', (_label, over, expected) => {
    expect(code(() => assertTelegramChecked({ ...checked, ...(over as Partial<typeof checked>) }))).toBe(expected);
  });

  it('numbers telegrams per channel and year, and lists missing receipts', () => {
    expect(formatTelegramNumber('plain', 2026, 15)).toBe('明电〔2026〕15号');
    expect(formatTelegramNumber('cipher', 2026, 3)).toBe('密电〔2026〕3号');
    expect(missingReceipts(['甲局', '乙局', '丙街道'], ['乙局'])).toEqual(['甲局', '丙街道']);
    expect(missingReceipts(['甲局'], ['甲局'])).toEqual([]);
  });
});

describe('signing an outgoing telegram (seed 000 L1074)', () => {
  const district: TelegramIssuer = { unit: '区政府', district: true };
  const unit = (name: string): TelegramIssuer => ({ unit: name, district: false });
  const sig = (u: string, over: Partial<TelegramSignature> = {}): TelegramSignature => ({
    unit: u,
    signerId: `leader-${u}`,
    signerRoles: ['district-leader'] as Role[],
    signerLeadsUnit: true,
    mode: 'signed',
    phoneApproval: null,
    laterSignedAt: null,
    ...over,
  });
  const phone = { approvedBy: '陈区长', at: new Date('2026-11-20T02:00:00Z'), recordedBy: '赵静' };
  const codes = (r: ReturnType<typeof reviewTelegramSignatures>) => r.problems.map((p) => p.code);

  it.each([
    ['SCENARIOS seed000-b #8: no leader signature', [district], [], false, ['no-signature'], []],
    ['a district telegram signed by a district leader', [district], [sig('区政府')], true, [], []],
    ['a district telegram signed by the office director', [district], [sig('区政府', { signerRoles: ['director'] })], false, ['signer-not-unit-leader'], []],
    ['SCENARIOS seed000-b #8: phone approval, signature to follow', [district], [sig('区政府', { mode: 'phone-approved', phoneApproval: phone })], true, [], ['区政府']],
    ['phone approval later signed', [district], [sig('区政府', { mode: 'phone-approved', phoneApproval: phone, laterSignedAt: new Date() })], true, [], []],
    ['phone approval not recorded', [district], [sig('区政府', { mode: 'phone-approved', phoneApproval: null })], false, ['phone-approval-unrecorded'], []],
    ['phone approval without who took the call', [district], [sig('区政府', { mode: 'phone-approved', phoneApproval: { ...phone, recordedBy: ' ' } })], false, ['phone-approval-unrecorded'], []],
    ['a unit telegram signed by its leader', [unit('区教育局')], [sig('区教育局', { signerRoles: ['unit-liaison'] })], true, [], []],
    ['a unit telegram signed by someone else', [unit('区教育局')], [sig('区教育局', { signerLeadsUnit: false })], false, ['signer-not-unit-leader'], []],
    ['a unit telegram approved by phone (district-only default)', [unit('区教育局')], [sig('区教育局', { mode: 'phone-approved', phoneApproval: phone })], false, ['phone-approval-not-allowed'], []],
    [
      'SCENARIOS seed000-b #8: a joint telegram of 3 units signed by 2',
      [unit('甲局'), unit('乙局'), unit('丙局')],
      [sig('甲局'), sig('乙局')],
      false,
      ['no-signature'],
      [],
    ],
    ['a joint telegram signed by all', [unit('甲局'), unit('乙局'), unit('丙局')], [sig('甲局'), sig('乙局'), sig('丙局')], true, [], []],
  ] as const)('%s → acceptable=%s', (_label, issuers, signatures, acceptable, problems, pending) => {
    const r = reviewTelegramSignatures([...issuers], [...signatures], S);
    expect(r.acceptable).toBe(acceptable);
    expect(codes(r)).toEqual(problems);
    expect(r.pendingLaterSignatures).toEqual(pending);
    expect(code(() => assertTelegramAcceptable(r))).toBe(acceptable ? 'ok' : 'CONFLICT');
  });

  it('phone approval for units only under the `all` setting', () => {
    const r = reviewTelegramSignatures([unit('区教育局')], [sig('区教育局', { mode: 'phone-approved', phoneApproval: phone })], confidentialSettings({ phoneApprovalFor: 'all' }));
    expect(r).toEqual({ acceptable: true, problems: [], pendingLaterSignatures: ['区教育局'] });
  });

  it('a telegram with no sending unit is bad input', () => {
    expect(code(() => reviewTelegramSignatures([], [], S))).toBe('BAD_USER_INPUT');
  });
});

describe('cipher telegrams (seed 000 L1084–1090)', () => {
  it.each([
    ['SCENARIOS seed000-b #11: cipher in, plain out', 'cipher', 'plain', 'CONFLICT'],
    ['cipher in, cipher out', 'cipher', 'cipher', 'ok'],
    ['plain in, plain out', 'plain', 'plain', 'ok'],
    ['plain in, cipher out', 'plain', 'cipher', 'ok'],
  ] as const)('%s → %s', (_label, incoming, reply, expected) => {
    expect(code(() => assertReplyChannel(incoming, reply))).toBe(expected);
  });

  it.each([
    ['cipher', false, 'BAD_USER_INPUT'],
    ['cipher', true, 'ok'],
    ['plain', false, 'ok'],
  ] as const)('forwarding a %s telegram with its form hidden=%s → %s', (incoming, telegramFormHidden, expected) => {
    expect(code(() => assertForwardedFormHidden({ incoming, telegramFormHidden }))).toBe(expected);
  });

  const delivered = new Date('2026-11-20T02:00:00Z'); // 10:00 Beijing
  it.each([
    ['returned the same day', new Date('2026-11-20T09:00:00Z'), delivered, 'returned'],
    ['returned the next Beijing day', new Date('2026-11-20T16:30:00Z'), delivered, 'overdue'],
    ['still out the same day', null, new Date('2026-11-20T12:00:00Z'), 'out'],
    ['still out the next day', null, new Date('2026-11-21T01:00:00Z'), 'overdue'],
  ])('绝密 cipher telegram %s → %s', (_label, returnedAt, now, status) => {
    expect(topSecretCipherReturnStatus({ deliveredAt: delivered, returnedAt }, now, S)).toBe(status);
  });

  const approval = { byRoles: ['deputy-director'] as Role[], signedAt: new Date() };
  const w = (id: string, roles: Role[] = ['secrecy-officer']) => ({ id, roles });
  it.each([
    ['SCENARIOS seed000-b #12: one witness', { approval, witnesses: [w('a')] }, 'CONFLICT'],
    ['SCENARIOS seed000-b #12: no approval', { approval: null, witnesses: [w('a'), w('b')] }, 'CONFLICT'],
    ['approval by a clerk', { approval: { byRoles: ['clerk'] as Role[], signedAt: new Date() }, witnesses: [w('a'), w('b')] }, 'CONFLICT'],
    ['the same witness twice', { approval, witnesses: [w('a'), w('a')] }, 'CONFLICT'],
    ['a witness outside the secrecy bureau', { approval, witnesses: [w('a'), w('b', ['clerk'])] }, 'CONFLICT'],
    ['approval and two bureau witnesses', { approval, witnesses: [w('a'), w('b', ['confidential-clerk'])] }, 'ok'],
  ])('destruction: %s → %s', (_label, d, expected) => {
    expect(code(() => assertCipherDestruction(d, S))).toBe(expected);
  });

  it('three witnesses when the setting asks for three', () => {
    const s = confidentialSettings({ destructionWitnesses: 3 });
    expect(code(() => assertCipherDestruction({ approval, witnesses: [w('a'), w('b')] }, s))).toBe('CONFLICT');
    expect(code(() => assertCipherDestruction({ approval, witnesses: [w('a'), w('b'), w('c')] }, s))).toBe('ok');
  });
});
