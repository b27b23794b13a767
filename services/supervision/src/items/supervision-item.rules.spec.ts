import type { Actor } from '@gov/auth';
import { GovError } from '@gov/contracts';
import {
  assertActsForUnit,
  assertAssignment,
  assertOneMatter,
  assertReason,
  deadlineTable,
  ITEM_TRANSITIONS,
  needsSeparateNotice,
  nextState,
  originKey,
  parseItemSource,
  roundAfter,
  sourcesFromMinutes,
  STATE_ON_INTAKE,
  type ItemAction,
  type ItemSource,
  type ItemState,
  type UnitAssignment,
} from './supervision-item.rules.js';
import { refusalCode as code } from '@gov/spec-kit';

const actor = (roles: Actor['roles'], unit = 'QWBGS'): Actor => ({
  id: 'u1',
  name: '孙立新',
  username: 'u1',
  roles,
  unit,
  clearance: 'none',
  rank: null,
});


describe('supervision item state machine', () => {
  const allowed: [ItemState | null, ItemAction, Actor['roles'][number], ItemState][] = [
    [null, 'propose', 'supervisor', 'proposed'],
    ['proposed', 'admit', 'director', 'admitted'],
    ['proposed', 'decline', 'director', 'declined'],
    ['admitted', 'assign', 'supervisor', 'assigned'],
    ['assigned', 'acknowledge', 'unit-liaison', 'in-progress'],
    ['in-progress', 'acknowledge', 'unit-liaison', 'in-progress'],
    ['assigned', 'report-progress', 'unit-liaison', 'in-progress'],
    ['in-progress', 'report-progress', 'unit-liaison', 'in-progress'],
    ['assigned', 'explain-delay', 'unit-liaison', 'assigned'],
    ['in-progress', 'explain-delay', 'unit-liaison', 'in-progress'],
    ['assigned', 'remind', 'supervisor', 'assigned'],
    ['in-progress', 'remind', 'supervisor', 'in-progress'],
    ['assigned', 'submit-report', 'unit-liaison', 'report-submitted'],
    ['in-progress', 'submit-report', 'unit-liaison', 'report-submitted'],
    ['report-submitted', 'return-report', 'supervisor', 'in-progress'],
    ['report-submitted', 'accept-report', 'supervisor', 'verified'],
    ['verified', 'feed-back', 'director', 'fed-back'],
    ['fed-back', 'instruct-again', 'district-leader', 'assigned'],
    ['fed-back', 'close', 'supervisor', 'closed'],
    ['closed', 'archive', 'supervisor', 'archived'],
  ];

  it.each(allowed)('%s --%s by %s--> %s', (from, action, role, to) => {
    expect(nextState(from, action, actor([role]))).toBe(to);
  });

  it('the table has exactly these rows', () => {
    const rows = (list: unknown[][]) => list.map((r) => JSON.stringify(r)).sort();
    expect(rows(ITEM_TRANSITIONS.map((t) => [t.from, t.action, [...t.roles], t.to]))).toEqual(rows(allowed.map(([f, a, r, t]) => [f, a, [r], t])));
  });

  it.each<[ItemState | null, ItemAction, Actor['roles'][number], string]>([
    // admitted only with the director's approval (issue 5 §1; seed 004 L203)
    ['proposed', 'assign', 'supervisor', 'CONFLICT'],
    ['proposed', 'admit', 'supervisor', 'FORBIDDEN'],
    ['proposed', 'admit', 'deputy-director', 'FORBIDDEN'],
    ['proposed', 'admit', 'district-leader', 'FORBIDDEN'],
    ['proposed', 'decline', 'supervisor', 'FORBIDDEN'],
    ['admitted', 'admit', 'director', 'CONFLICT'],
    [null, 'admit', 'director', 'CONFLICT'],
    [null, 'propose', 'clerk', 'FORBIDDEN'],
    ['proposed', 'propose', 'supervisor', 'CONFLICT'],
    ['admitted', 'assign', 'director', 'FORBIDDEN'],
    ['admitted', 'submit-report', 'unit-liaison', 'CONFLICT'],
    ['assigned', 'submit-report', 'supervisor', 'FORBIDDEN'],
    ['assigned', 'remind', 'unit-liaison', 'FORBIDDEN'],
    ['report-submitted', 'remind', 'supervisor', 'CONFLICT'],
    ['report-submitted', 'accept-report', 'unit-liaison', 'FORBIDDEN'],
    ['report-submitted', 'feed-back', 'director', 'CONFLICT'],
    ['verified', 'feed-back', 'supervisor', 'FORBIDDEN'],
    ['verified', 'close', 'supervisor', 'CONFLICT'],
    ['fed-back', 'instruct-again', 'supervisor', 'FORBIDDEN'],
    ['fed-back', 'instruct-again', 'director', 'FORBIDDEN'],
    ['fed-back', 'close', 'unit-liaison', 'FORBIDDEN'],
    ['closed', 'instruct-again', 'district-leader', 'CONFLICT'],
    ['fed-back', 'archive', 'supervisor', 'CONFLICT'],
    ['declined', 'admit', 'director', 'CONFLICT'],
    ['archived', 'close', 'supervisor', 'CONFLICT'],
  ])('%s --%s by %s is refused with %s', (from, action, role, expected) => {
    expect(code(() => nextState(from, action, actor([role])))).toBe(expected);
  });

  it('an item from an event starts as proposed and still needs the director', () => {
    expect(STATE_ON_INTAKE).toBe('proposed');
    expect(code(() => nextState(STATE_ON_INTAKE, 'assign', actor(['supervisor'])))).toBe('CONFLICT');
  });

  it('runs two rounds until closed (SCENARIOS seed003 #17: returned, then re-supervised until 办结)', () => {
    const steps: [ItemAction, Actor['roles'][number]][] = [
      ['propose', 'supervisor'],
      ['admit', 'director'],
      ['assign', 'supervisor'],
      ['acknowledge', 'unit-liaison'],
      ['remind', 'supervisor'],
      ['submit-report', 'unit-liaison'],
      ['return-report', 'supervisor'], // the item stays open (SCENARIOS seed000-a #16)
      ['submit-report', 'unit-liaison'],
      ['accept-report', 'supervisor'],
      ['feed-back', 'director'],
      ['instruct-again', 'district-leader'],
      ['acknowledge', 'unit-liaison'],
      ['submit-report', 'unit-liaison'],
      ['accept-report', 'supervisor'],
      ['feed-back', 'director'],
      ['close', 'supervisor'],
      ['archive', 'supervisor'],
    ];
    let state: ItemState | null = null;
    let round = 1;
    const visited: ItemState[] = [];
    for (const [action, role] of steps) {
      state = nextState(state, action, actor([role]));
      round = roundAfter(action, round);
      visited.push(state);
    }
    expect(visited[6]).toBe('in-progress');
    expect(visited[10]).toBe('assigned');
    expect(state).toBe('archived');
    expect(round).toBe(2);
  });
});

describe('reasons', () => {
  it.each<[ItemAction, string | null, string]>([
    ['decline', '', 'BAD_USER_INPUT'],
    ['decline', '不属于督查范围', 'ok'],
    ['return-report', '   ', 'BAD_USER_INPUT'],
    ['explain-delay', null, 'BAD_USER_INPUT'],
    ['explain-delay', '涉及司法程序，尚未审结', 'ok'],
    ['instruct-again', undefined as unknown as null, 'BAD_USER_INPUT'],
    ['admit', '', 'ok'],
    ['remind', null, 'ok'],
  ])('%s with reason %j → %s', (action, reason, expected) => {
    expect(code(() => assertReason(action, reason))).toBe(expected);
  });
});

describe('sources (立项来源) and their origin', () => {
  const doc: ItemSource = { kind: 'leader-instruction', documentId: 'd-1', instructionId: 'i-1', unit: 'QFGW', deadline: '2026-03-31' };
  const meeting: ItemSource = { kind: 'meeting-decision', minutesId: 'm-1', decisionNo: 2, unit: null, deadline: null };
  const petitionCase: ItemSource = { kind: 'petition', petitionId: 'p-7' };
  const manual: ItemSource = { kind: 'manual', entryId: 'e-9', origin: '市委督查室来电交办' };
  const trip: ItemSource = { kind: 'research-trip', formId: 'f-3', matterNo: 2, unit: 'QZJJ', deadline: '2026-04-30' };

  it.each<[ItemSource, string, 'office' | 'petition']>([
    [doc, 'document:d-1/instruction:i-1', 'office'],
    [meeting, 'minutes:m-1/decision:2', 'office'],
    [petitionCase, 'petition:p-7', 'petition'],
    [manual, 'manual:e-9', 'office'],
    [trip, 'research-trip-form:f-3/matter:2', 'office'],
  ])('%o has origin key %s and the %s deadline table', (source, key, table) => {
    expect(originKey(parseItemSource(source))).toBe(key);
    expect(deadlineTable(source)).toBe(table);
  });

  it('the same event delivered twice gives the same origin key (one item)', () => {
    expect(originKey(parseItemSource({ ...doc }))).toBe(originKey(parseItemSource({ ...doc })));
  });

  it.each<[string, unknown]>([
    ['no document id', { kind: 'leader-instruction', instructionId: 'i', unit: null, deadline: null }],
    ['blank instruction id', { kind: 'leader-instruction', documentId: 'd', instructionId: '  ', unit: null, deadline: null }],
    ['decision number 0', { kind: 'meeting-decision', minutesId: 'm', decisionNo: 0, unit: null, deadline: null }],
    ['bad deadline', { kind: 'meeting-decision', minutesId: 'm', decisionNo: 1, unit: 'QFGW', deadline: '2026-02-30' }],
    ['manual without origin', { kind: 'manual', entryId: 'e' }],
    ['extra field', { kind: 'petition', petitionId: 'p', title: '某信访件' }],
    ['unknown kind', { kind: 'rumour', id: 'x' }],
    ['research-trip matter number 0', { kind: 'research-trip', formId: 'f', matterNo: 0, unit: 'QZJJ', deadline: null }],
    ['research-trip without form id', { kind: 'research-trip', matterNo: 1, unit: 'QZJJ', deadline: null }],
  ])('refuses a source with %s (BAD_USER_INPUT)', (_name, input) => {
    expect(code(() => parseItemSource(input))).toBe('BAD_USER_INPUT');
  });

  it.each<[string, ItemSource, boolean]>([
    ['a document naming unit and deadline (seed 004 L205)', doc, false],
    ['a document naming the unit only', { ...doc, deadline: null }, true],
    ['a document naming the deadline only', { ...doc, unit: null }, true],
    ['a meeting decision naming both', { ...meeting, unit: 'QJW', deadline: '2026-04-30' }, false],
    ['a meeting decision naming neither', meeting, true],
    ['a petition (its 交办函, seed 000 L1310)', petitionCase, true],
    ['a manual entry', manual, true],
    ['a research-trip form matter naming unit and due date (SCENARIOS seed000-b #3)', trip, false],
    ['a research-trip form matter without a due date', { ...trip, deadline: null }, true],
  ])('%s: separate notice %s', (_name, source, expected) => {
    expect(needsSeparateNotice(source)).toBe(expected);
  });

  it('issued minutes become one source per decision (SCENARIOS seed002 #21)', () => {
    const sources = sourcesFromMinutes('m-5', [
      { unit: 'QFGW', deadline: '2026-04-30' },
      { unit: null, deadline: null },
      { unit: 'QJW', deadline: null },
    ]);
    expect(sources.map(originKey)).toEqual(['minutes:m-5/decision:1', 'minutes:m-5/decision:2', 'minutes:m-5/decision:3']);
    expect(sources.map(needsSeparateNotice)).toEqual([false, true, true]);
  });
});

describe('one matter per item (一事一项, seed 000 L1306; seed 003 L13@c16625)', () => {
  it.each<[string[], string]>([
    [['落实防汛物资储备'], 'ok'],
    [['落实防汛物资储备', '  '], 'ok'],
    [[], 'BAD_USER_INPUT'],
    [['落实防汛物资储备', '整改河道违建'], 'BAD_USER_INPUT'],
  ])('%j → %s', (matters, expected) => {
    expect(code(() => assertOneMatter(matters))).toBe(expected);
  });
});

describe('assignment: exactly one lead unit (主办), co-units (协办)', () => {
  const lead = (unit: string, person = '张三'): UnitAssignment => ({ unit, role: 'lead', responsiblePerson: person });
  const co = (unit: string, person = '李四'): UnitAssignment => ({ unit, role: 'co', responsiblePerson: person });
  it.each<[string, UnitAssignment[], string]>([
    ['one unit as lead', [lead('QFGW')], 'ok'],
    ['a lead and two co-units', [lead('QFGW'), co('QCZJ'), co('QZJJ')], 'ok'],
    ['no unit', [], 'BAD_USER_INPUT'],
    ['one unit as co-unit', [co('QFGW')], 'BAD_USER_INPUT'],
    ['three departments, no lead (SCENARIOS seed003 #18)', [co('QFGW'), co('QCZJ'), co('QZJJ')], 'BAD_USER_INPUT'],
    ['two leads', [lead('QFGW'), lead('QCZJ')], 'BAD_USER_INPUT'],
    ['a unit twice', [lead('QFGW'), co('QFGW')], 'BAD_USER_INPUT'],
    ['no responsible person', [lead('QFGW', ' ')], 'BAD_USER_INPUT'],
  ])('%s → %s', (_name, units, expected) => {
    expect(code(() => assertAssignment(units))).toBe(expected);
  });

  const units = [lead('QFGW'), co('QCZJ')];
  it.each<[string, Actor, ItemAction, string]>([
    ['lead liaison submits the report', actor(['unit-liaison'], 'QFGW'), 'submit-report', 'ok'],
    ['lead liaison explains a delay', actor(['unit-liaison'], 'QFGW'), 'explain-delay', 'ok'],
    ['co-unit liaison submits the report (skips the lead)', actor(['unit-liaison'], 'QCZJ'), 'submit-report', 'FORBIDDEN'],
    ['co-unit liaison explains a delay', actor(['unit-liaison'], 'QCZJ'), 'explain-delay', 'FORBIDDEN'],
    ['co-unit liaison reports progress', actor(['unit-liaison'], 'QCZJ'), 'report-progress', 'ok'],
    ['co-unit liaison acknowledges', actor(['unit-liaison'], 'QCZJ'), 'acknowledge', 'ok'],
    ['another unit acknowledges', actor(['unit-liaison'], 'QJW'), 'acknowledge', 'FORBIDDEN'],
    ['the office reminds', actor(['supervisor'], 'QWBGS'), 'remind', 'ok'],
  ])('%s → %s', (_name, who, action, expected) => {
    expect(code(() => assertActsForUnit(who, units, action))).toBe(expected);
  });
});
