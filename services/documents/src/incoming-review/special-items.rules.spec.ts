import type { Actor, Role } from '@gov/auth';
import { GovError } from '@gov/contracts';
import { DEFAULT_INCOMING_REVIEW_SETTINGS as S, incomingReviewSettings } from './incoming-review.settings.js';
import type { LeaderInstruction } from './initial-review.rules.js';
import {
  SPECIAL_ITEM_RETURN_GROUNDS,
  SPECIAL_ITEM_TRANSITIONS,
  assertInstructionCopyKept,
  assertInstructionCopyRecipient,
  assertMayAccessSpecialItemInstruction,
  assertMayRegisterSpecialItem,
  assertSpecialItemIntake,
  assertSpecialItemRegistration,
  assertSpecialItemReturn,
  detectSpecialItemGrounds,
  mayAccessSpecialItemInstruction,
  nextSpecialItemState,
  type SpecialItem,
} from './special-items.rules.js';
import { refusalCode as code } from '@gov/spec-kit';

const actor = (roles: Role[], id = 'u1'): Actor => ({ id, name: id, username: id, roles, unit: 'QWBGS', clearance: 'none', rank: null });


const instr = (id: string, rank: number, stance: LeaderInstruction['stance'], text: string): LeaderInstruction => ({
  leaderId: id,
  leaderName: id,
  rank,
  text,
  signedAt: new Date('2026-11-20T01:00:00Z'),
  stance,
  sendsTo: [],
});

const item = (over: Partial<SpecialItem> = {}): SpecialItem => ({
  handoverPersonId: 'sec-1',
  contactPerson: '李明',
  contactPhone: '0755-12345678',
  instructions: [instr('A', 3, 'agree', '同意。')],
  instructedUnits: [{ name: '区教育局', districtLevel: true }],
  ...over,
});

describe('special-item state table (seed 000 L246–256)', () => {
  it.each([
    [null, 'sign-for', 'clerk', 'received'],
    ['received', 'return', 'clerk', 'returned'],
    ['received', 'register', 'clerk', 'registered'],
    ['registered', 'propose-handling', 'clerk', 'proposed'],
    ['proposed', 'approve-proposal', 'deputy-director', 'reviewed'],
    ['proposed', 'send-back', 'deputy-director', 'registered'],
    ['reviewed', 'transfer', 'clerk', 'transferred'],
    ['transferred', 'complete', 'clerk', 'completed'],
    ['completed', 'archive', 'archivist', 'archived'],
  ] as const)('%s --%s by %s--> %s', (from, action, role, to) => {
    expect(nextSpecialItemState(from, action, actor([role]))).toBe(to);
  });

  it('every row cites seed 000', () => {
    for (const r of SPECIAL_ITEM_TRANSITIONS) expect(r.source).toContain('seed 000 L2');
  });

  it.each([
    ['returned', 'register', 'clerk', 'CONFLICT'],
    ['received', 'transfer', 'clerk', 'CONFLICT'], // no transfer before 核报
    ['proposed', 'approve-proposal', 'section-chief', 'FORBIDDEN'], // 分管副主任核报
    ['proposed', 'approve-proposal', 'clerk', 'FORBIDDEN'],
    [null, 'sign-for', 'district-leader', 'FORBIDDEN'],
  ] as const)('%s --%s by %s → %s', (from, action, role, expected) => {
    expect(code(() => nextSpecialItemState(from, action, actor([role])))).toBe(expected);
  });
});

describe('the four return grounds (seed 000 L250 = L270)', () => {
  it('are exactly the four of the seed', () => {
    expect(SPECIAL_ITEM_RETURN_GROUNDS.map((g) => `${g.mark}${g.labelZh}`)).toEqual([
      '①无联系人和联系电话',
      '②字迹不清晰,文字有涂改',
      '③批转非区直单位、企业阅处',
      '④有多位领导批示,但领导批示意见不一致',
    ]);
  });

  it.each(SPECIAL_ITEM_RETURN_GROUNDS.map((g) => [g.key]))('%s is a valid return', (key) => {
    expect(code(() => assertSpecialItemReturn([{ ground: key }]))).toBe('ok');
  });

  it.each([[[]], [[{ ground: 'not-our-remit' }]]])('refuses %j (not one of the four)', (grounds) => {
    expect(code(() => assertSpecialItemReturn(grounds))).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['a clean item', item(), []],
    ['SCENARIOS seed000-a #9: no contact phone', item({ contactPhone: null }), ['no-contact']],
    ['no contact person', item({ contactPerson: ' ' }), ['no-contact']],
    ['sent to an enterprise', item({ instructedUnits: [{ name: '某公司', districtLevel: false }] }), ['sent-to-non-district-unit']],
    [
      'SCENARIOS seed000-a #9: leader A agrees, leader B does not',
      item({ instructions: [instr('A', 3, 'agree', '同意'), instr('B', 2, 'disagree', '不同意')] }),
      ['conflicting-instructions'],
    ],
    [
      'conflict and no phone',
      item({ contactPhone: '', instructions: [instr('A', 3, 'agree', '同意'), instr('B', 2, 'disagree', '不同意')] }),
      ['no-contact', 'conflicting-instructions'],
    ],
  ])('%s → grounds %j', (_label, it_, grounds) => {
    expect(detectSpecialItemGrounds(it_, S)).toEqual(grounds);
  });

  it('SCENARIOS seed000-a #9: an item with conflicting instructions is not registered', () => {
    const conflicting = item({ instructions: [instr('A', 3, 'agree', '同意'), instr('B', 2, 'disagree', '不同意')] });
    expect(code(() => assertMayRegisterSpecialItem(conflicting, S))).toBe('CONFLICT');
    expect(code(() => assertMayRegisterSpecialItem(item(), S))).toBe('ok');
  });

  it('under the higher-rank-prevails setting a conflict is no longer a return ground', () => {
    const s = incomingReviewSettings({ conflictingInstructions: { specialItem: 'higher-rank-prevails' } });
    const conflicting = item({ instructions: [instr('A', 3, 'agree', '同意'), instr('B', 2, 'disagree', '不同意')] });
    expect(detectSpecialItemGrounds(conflicting, s)).toEqual([]);
  });
});

describe('intake, registration and transfer', () => {
  it.each([
    ['a complete item', item(), 'ok'],
    ['no 交办人', item({ handoverPersonId: ' ' }), 'BAD_USER_INPUT'],
    ['no leader instruction', item({ instructions: [] }), 'BAD_USER_INPUT'],
  ])('intake of %s → %s', (_label, it_, expected) => {
    expect(code(() => assertSpecialItemIntake(it_))).toBe(expected);
  });

  const fields = { senderUnit: '区教育局', receivedOrForwardedAt: new Date(), title: '关于某事项的请示', registerNumber: '收文〔2026〕3号' };
  it.each([
    ['all four fields (seed 000 L252)', {}, 'ok'],
    ['no sender unit', { senderUnit: '' }, 'BAD_USER_INPUT'],
    ['no title', { title: ' ' }, 'BAD_USER_INPUT'],
    ['no register number', { registerNumber: '' }, 'BAD_USER_INPUT'],
    ['no date', { receivedOrForwardedAt: null }, 'BAD_USER_INPUT'],
  ])('registration with %s → %s', (_label, over, expected) => {
    expect(code(() => assertSpecialItemRegistration({ ...fields, ...over }))).toBe(expected);
  });

  it('the instruction copy is kept before transfer (seed 000 L254(5))', () => {
    expect(code(() => assertInstructionCopyKept({ instructionCopyKeptAt: null }))).toBe('CONFLICT');
    expect(code(() => assertInstructionCopyKept({ instructionCopyKeptAt: new Date() }))).toBe('ok');
  });
});

describe('who may read or copy the instruction (seed 000 L254(6))', () => {
  const special = { handoverPersonId: 'sec-1' };
  it.each([
    ['the office director', actor(['director'], 'd'), true],
    ['a deputy director', actor(['deputy-director'], 'dd'), true],
    ['the person who handed it over', actor(['clerk'], 'sec-1'), true],
    ['SCENARIOS seed000-a #10: another 办文科 clerk', actor(['clerk'], 'c2'), false],
    ['a section chief', actor(['section-chief'], 'sc'), false],
    ['a district leader', actor(['district-leader'], 'dl'), false],
    ['the confidential clerk', actor(['confidential-clerk'], 'cc'), false],
  ])('%s → %s', (_label, who, allowed) => {
    expect(mayAccessSpecialItemInstruction(who, special)).toBe(allowed);
    expect(code(() => assertMayAccessSpecialItemInstruction(who, special))).toBe(allowed ? 'ok' : 'FORBIDDEN');
  });

  it('the refusal says nothing about the instruction', () => {
    try {
      assertMayAccessSpecialItemInstruction(actor(['clerk'], 'c2'), special);
      throw new Error('not refused');
    } catch (e) {
      expect((e as GovError).message).toBe('you may not read or copy this instruction');
      expect((e as GovError).details).toBeUndefined();
    }
  });
});

describe('non-organ sources never get the instruction (seed 002 L388)', () => {
  it.each([
    ['SCENARIOS seed002 #17: copy to the non-organ originator', { sourceIsOrgan: false, recipientIsOriginator: true, markedNotToForward: true }, 'FORBIDDEN'],
    ['copy to an undertaking unit, marked', { sourceIsOrgan: false, recipientIsOriginator: false, markedNotToForward: true }, 'ok'],
    ['copy to an undertaking unit, unmarked', { sourceIsOrgan: false, recipientIsOriginator: false, markedNotToForward: false }, 'BAD_USER_INPUT'],
    ['an organ source', { sourceIsOrgan: true, recipientIsOriginator: true, markedNotToForward: false }, 'ok'],
  ])('%s → %s', (_label, copy, expected) => {
    expect(code(() => assertInstructionCopyRecipient(copy))).toBe(expected);
  });
});
