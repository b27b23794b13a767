import { describe, expect, it } from '@jest/globals';
import { refusalCode, ruleActor } from '@gov/spec-kit';
import { assertOpinion, nextReviewState } from './review.rules.js';

describe('legal review state table', () => {
  it.each([
    ['requested', 'legal-officer', 'concluded'],
  ] as const)('%s + conclude by %s → %s', (from, role, to) => {
    expect(nextReviewState(from, 'conclude', ruleActor([role]))).toBe(to);
  });

  it.each([
    ['requested', 'clerk', 'FORBIDDEN'],
    ['requested', 'director', 'FORBIDDEN'],
    ['concluded', 'legal-officer', 'CONFLICT'],
    [null, 'legal-officer', 'CONFLICT'],
  ] as const)('%s + conclude by %s is %s', (from, role, code) => {
    expect(refusalCode(() => nextReviewState(from, 'conclude', ruleActor([role])))).toBe(code);
  });
});

describe('an opinion that does not simply pass gives its reason', () => {
  it.each([
    ['passed', undefined, 'ok'],
    ['passed', '符合规定', 'ok'],
    ['passed-with-changes', undefined, 'BAD_USER_INPUT'],
    ['passed-with-changes', '  ', 'BAD_USER_INPUT'],
    ['passed-with-changes', '第三条需修改', 'ok'],
    ['failed', undefined, 'BAD_USER_INPUT'],
    ['failed', '设定行政许可超越权限', 'ok'],
  ] as const)('%s with summary %p → %p', (outcome, summary, code) => {
    expect(refusalCode(() => assertOpinion(outcome, summary))).toBe(code);
  });
});
