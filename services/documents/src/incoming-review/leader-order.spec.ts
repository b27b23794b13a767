import { GovError } from '@gov/contracts';
import { assertMaySignNext, checkSignSequence, mayPrecede, nextSigners, orderByRank, type RankedLeader } from './leader-order.js';
import { refusalCode as code } from '@gov/spec-kit';


// rank 1 = most senior
const secretary: RankedLeader = { id: 'L1', name: '书记', rank: 1 };
const head: RankedLeader = { id: 'L2', name: '区长', rank: 2 };
const deputyA: RankedLeader = { id: 'L5', name: '副区长甲', rank: 5 };
const deputyB: RankedLeader = { id: 'L6', name: '副区长乙', rank: 6 };
const deputyA2: RankedLeader = { id: 'L5b', name: '副区长丙', rank: 5 };
const unranked: RankedLeader = { id: 'LX', name: '无职级', rank: null };
const ids = (ls: RankedLeader[]) => ls.map((l) => l.id);

describe('orderByRank (seed 000 L174, L228 ascending; L1038 descending)', () => {
  it.each([
    ['ascending', [secretary, deputyB, head, deputyA], ['L6', 'L5', 'L2', 'L1']],
    ['descending', [deputyB, secretary, deputyA, head], ['L1', 'L2', 'L5', 'L6']],
    ['ascending', [deputyA2, deputyA, head], ['L5b', 'L5', 'L2']], // equal ranks keep the given order
    ['ascending', [deputyA, deputyA2, head], ['L5', 'L5b', 'L2']],
  ] as const)('%s order of %#', (order, input, expected) => {
    expect(ids(orderByRank([...input], order))).toEqual(expected);
  });

  it('SCENARIOS seed000-a #11: a deputy district head signs first and the district head last', () => {
    expect(ids(orderByRank([head, deputyA], 'ascending'))).toEqual(['L5', 'L2']);
  });

  it.each([
    ['a leader without a rank', [head, unranked]],
    ['the same leader twice', [head, head]],
    ['a rank of 0', [{ id: 'L0', name: '零', rank: 0 }]],
  ])('refuses %s with BAD_USER_INPUT', (_label, input) => {
    expect(code(() => orderByRank(input as RankedLeader[], 'ascending'))).toBe('BAD_USER_INPUT');
  });

  it('mayPrecede follows the order and lets equals go either way', () => {
    expect(mayPrecede(deputyA, head, 'ascending')).toBe(true);
    expect(mayPrecede(head, deputyA, 'ascending')).toBe(false);
    expect(mayPrecede(head, deputyA, 'descending')).toBe(true);
    expect(mayPrecede(deputyA, deputyA2, 'ascending')).toBe(true);
    expect(mayPrecede(deputyA2, deputyA, 'ascending')).toBe(true);
  });
});

describe('whose turn it is', () => {
  const planned = [secretary, head, deputyA, deputyA2];
  it.each([
    [[], ['L5', 'L5b']],
    [['L5'], ['L5b']],
    [['L5', 'L5b'], ['L2']],
    [['L5', 'L5b', 'L2'], ['L1']],
    [['L5', 'L5b', 'L2', 'L1'], []],
  ])('after %j the next signers are %j', (signed, next) => {
    expect(ids(nextSigners(planned, signed, 'ascending'))).toEqual(next);
  });

  it.each([
    ['L5', [], 'ok'],
    ['L5b', [], 'ok'], // equal rank, either first
    ['L2', [], 'CONFLICT'], // 越级: the deputies have not signed
    ['L1', ['L5', 'L5b'], 'CONFLICT'],
    ['L2', ['L5', 'L5b'], 'ok'],
    ['L5', ['L5'], 'CONFLICT'], // already signed
    ['L9', [], 'FORBIDDEN'], // not in the plan
  ])('%s signing after %j → %s', (leaderId, signed, expected) => {
    expect(code(() => assertMaySignNext(planned, signed, leaderId, 'ascending'))).toBe(expected);
  });
});

describe('checkSignSequence', () => {
  const t = (h: number) => new Date(Date.UTC(2026, 10, 20, h));
  const planned = [head, deputyA];

  it('is complete for the deputy then the head, in time order', () => {
    expect(checkSignSequence(planned, [{ leaderId: 'L5', signedAt: t(1) }, { leaderId: 'L2', signedAt: t(2) }], 'ascending')).toEqual({
      complete: true,
      problems: [],
    });
  });

  it.each([
    ['head before deputy', [{ leaderId: 'L2', signedAt: t(1) }, { leaderId: 'L5', signedAt: t(2) }], 'out-of-order'],
    ['one missing', [{ leaderId: 'L5', signedAt: t(1) }], 'missing'],
    ['a leader not planned', [{ leaderId: 'L5', signedAt: t(1) }, { leaderId: 'L9', signedAt: t(2) }, { leaderId: 'L2', signedAt: t(3) }], 'not-planned'],
    ['signed twice', [{ leaderId: 'L5', signedAt: t(1) }, { leaderId: 'L5', signedAt: t(2) }, { leaderId: 'L2', signedAt: t(3) }], 'signed-twice'],
    ['time goes back', [{ leaderId: 'L5', signedAt: t(3) }, { leaderId: 'L2', signedAt: t(2) }], 'time-goes-back'],
  ])('%s → %s', (_label, sigs, problem) => {
    const r = checkSignSequence(planned, sigs, 'ascending');
    expect(r.complete).toBe(false);
    expect(r.problems.map((p) => p.code)).toContain(problem);
  });
});
