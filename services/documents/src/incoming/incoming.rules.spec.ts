import type { Actor } from '@gov/auth';
import { GovError } from '@gov/contracts';
import {
  assertMayRegister,
  assertReceivedAt,
  nextState,
  publicTitle,
  readDecision,
  REGISTER_PREFIX,
} from './incoming.rules.js';
import { formatYearNumber, numberingYear } from '@gov/persistence';
import { refusalCode as code } from '@gov/spec-kit';

const actor = (roles: Actor['roles'], clearance: Actor['clearance'] = 'none', id = 'u1'): Actor => ({
  id,
  name: 'n',
  username: 'n',
  roles,
  unit: 'QWBGS',
  clearance,
  rank: null,
});


describe('incoming state machine', () => {
  it.each([
    [null, 'sign-for', ['clerk'], 'received'],
    ['received', 'register', ['clerk'], 'registered'],
    ['received', 'register', ['confidential-clerk'], 'registered'],
  ] as const)('%s --%s by %j--> %s', (from, action, roles, to) => {
    expect(nextState(from, action, actor([...roles]))).toBe(to);
  });

  it.each([
    [null, 'register', ['clerk'], 'CONFLICT'],
    ['registered', 'register', ['clerk'], 'CONFLICT'],
    ['received', 'register', ['supervisor'], 'FORBIDDEN'],
    [null, 'sign-for', ['district-leader'], 'FORBIDDEN'],
  ] as const)('%s --%s by %j is refused with %s', (from, action, roles, expected) => {
    expect(code(() => nextState(from, action, actor([...roles])))).toBe(expected);
  });
});

describe('who may register what', () => {
  it.each([
    ['clerk', 'none', 'none', 'ok'],
    ['clerk', 'top-secret', 'secret', 'FORBIDDEN'], // classified track is the confidential clerk's
    ['confidential-clerk', 'top-secret', 'secret', 'ok'],
    ['confidential-clerk', 'top-secret', 'top-secret', 'ok'],
    ['confidential-clerk', 'secret', 'confidential', 'FORBIDDEN'], // clearance below the level
  ] as const)('%s with clearance %s registering %s → %s', (role, clearance, level, expected) => {
    expect(code(() => assertMayRegister(actor([role], clearance), level))).toBe(expected);
  });
});

describe('register numbers and times', () => {
  it.each([
    [2026, 1, '收文〔2026〕1号'],
    [2026, 15, '收文〔2026〕15号'],
    [2025, 1203, '收文〔2025〕1203号'],
  ])('year %i number %i prints as %s (no zero padding)', (year, value, printed) => {
    expect(formatYearNumber(REGISTER_PREFIX, year, value)).toBe(printed);
  });

  it('counts the year in Beijing time: 2025-12-31T16:30Z is already 2026', () => {
    expect(numberingYear(new Date('2025-12-31T16:30:00Z'))).toBe(2026);
    expect(numberingYear(new Date('2025-12-31T15:59:59Z'))).toBe(2025);
  });

  it('refuses a receipt time in the future beyond five minutes of skew', () => {
    const now = new Date('2026-11-20T10:00:00Z');
    expect(code(() => assertReceivedAt(new Date('2026-11-20T10:04:00Z'), now))).toBe('ok');
    expect(code(() => assertReceivedAt(new Date('2026-11-20T10:06:00Z'), now))).toBe('BAD_USER_INPUT');
  });
});

describe('reading and publishing', () => {
  const secretDoc = { classification: 'secret' as const, needToKnow: ['u1'], title: '某涉密请示' };
  it.each([
    [actor(['clerk'], 'none', 'u1'), false],
    [actor(['director'], 'top-secret', 'u2'), false],
    [actor(['confidential-clerk'], 'secret', 'u1'), true],
  ])('classified read by %o allowed=%s', (who, allowed) => {
    expect(readDecision(who, secretDoc).allowed).toBe(allowed);
  });

  it('events carry the title of unclassified documents only', () => {
    expect(publicTitle({ classification: 'none', title: '关于申请资金的请示' })).toBe('关于申请资金的请示');
    expect(publicTitle(secretDoc)).toBeNull();
  });
});

describe('the merged incoming table (registration + INCOMING_REVIEW_TRANSITIONS, decision D1)', () => {
  const clerk = actor(['clerk']);
  const chief = actor(['section-chief']);
  const deputy = actor(['deputy-director']);
  const leader = actor(['district-leader']);
  it('walks 签收 → 登记 → 受理 → 拟办 → 送审 → 呈批 → 批示 → 承办 → 办结 → 办复 → 归档 with one reader', () => {
    const path: Array<[Parameters<typeof nextState>[1], Actor, string]> = [
      ['sign-for', clerk, 'received'],
      ['register', clerk, 'registered'],
      ['accept', clerk, 'accepted'],
      ['propose-handling', clerk, 'proposed'],
      ['submit-for-review', clerk, 'chief-review'],
      ['approve-proposal', chief, 'deputy-review'],
      ['submit-to-leaders', deputy, 'with-leaders'],
      ['sign-instruction', leader, 'with-leaders'],
      ['close-instructions', clerk, 'instructed'],
      ['assign', clerk, 'in-handling'],
      ['complete', clerk, 'completed'],
      ['reply', clerk, 'replied'],
      ['archive', clerk, 'archived'],
    ];
    let state: Parameters<typeof nextState>[0] = null;
    for (const [action, who, to] of path) {
      state = nextState(state, action, who);
      expect(state).toBe(to);
    }
  });

  it.each([
    ['registered', 'approve-return', deputy, 'CONFLICT'], // a return is proposed and endorsed first
    ['return-endorsed', 'approve-return', chief, 'FORBIDDEN'], // only the deputy director in charge approves
    ['registered', 'sign-instruction', leader, 'CONFLICT'],
    ['with-leaders', 'sign-instruction', clerk, 'FORBIDDEN'],
    ['archived', 'chase', clerk, 'CONFLICT'],
  ] as const)('%s --%s--> refused %s', (from, action, who, expected) => {
    expect(code(() => nextState(from, action, who))).toBe(expected);
  });
});
