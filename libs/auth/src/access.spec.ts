import { GovError } from '@gov/contracts';
import { assertCanRead, canRead, requireRole, type ReadableItem, type ReadReason } from './access.js';
import type { Actor } from './actor.js';

const actor = (over: Partial<Actor>): Actor => ({
  id: 'u-0',
  name: '测试',
  username: 'test',
  roles: ['clerk'],
  unit: 'QWBGS',
  clearance: 'none',
  rank: null,
  ...over,
});

const clerk = actor({ id: 'u-clerk', username: 'clerk', clearance: 'none' });
const chief = actor({ id: 'u-chief', username: 'section-chief', roles: ['section-chief'], clearance: 'secret' });
const director = actor({ id: 'u-director', username: 'director', roles: ['director'], clearance: 'top-secret' });
const liaison = actor({ id: 'u-liaison', username: 'unit-liaison', roles: ['unit-liaison'], unit: 'QFGW' });

describe('requireRole', () => {
  it('passes when the actor holds one of the roles', () => {
    expect(() => requireRole(chief, ['director', 'section-chief'])).not.toThrow();
  });

  it.each([
    [clerk, ['director'] as const],
    [chief, [] as const],
  ])('throws FORBIDDEN otherwise (%#)', (who, roles) => {
    let caught: unknown;
    try {
      requireRole(who, roles);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(GovError);
    expect((caught as GovError).code).toBe('FORBIDDEN');
    expect((caught as GovError).details).toEqual({ requiredRoles: [...roles] });
  });
});

describe('canRead', () => {
  const rows: Array<[string, Actor, ReadableItem, boolean, ReadReason]> = [
    ['unclassified item, no clearance', clerk, { classification: 'none' }, true, 'unclassified'],
    ['unclassified item ignores need-to-know', liaison, { classification: 'none', needToKnow: ['u-other'], ownerUnit: 'QWBGS' }, true, 'unclassified'],
    ['clearance too low even when listed', clerk, { classification: 'secret', needToKnow: ['u-clerk'] }, false, 'clearance-too-low'],
    ['secret clearance below confidential', chief, { classification: 'confidential', needToKnow: ['u-chief'] }, false, 'clearance-too-low'],
    ['listed by user id', chief, { classification: 'secret', needToKnow: ['u-chief'] }, true, 'on-need-to-know'],
    ['listed by unit code', chief, { classification: 'secret', needToKnow: ['QWBGS'] }, true, 'on-need-to-know'],
    ['not on need-to-know', chief, { classification: 'secret', needToKnow: ['u-other', 'QFGW'], ownerUnit: 'QWBGS' }, false, 'not-on-need-to-know'],
    ['high clearance is not enough without need-to-know', director, { classification: 'secret', needToKnow: ['u-chief'] }, false, 'not-on-need-to-know'],
    ['no list: owner unit is the scope', director, { classification: 'top-secret', ownerUnit: 'QWBGS' }, true, 'owner-unit'],
    ['no list: other unit', director, { classification: 'top-secret', needToKnow: [], ownerUnit: 'QFGW' }, false, 'not-on-need-to-know'],
    ['empty entries are ignored', director, { classification: 'secret', needToKnow: [''], ownerUnit: 'QFGW' }, false, 'not-on-need-to-know'],
    ['no list and no owner', director, { classification: 'secret' }, false, 'no-need-to-know-scope'],
  ];

  it.each(rows)('%s', (_label, who, item, allowed, reason) => {
    const decision = canRead(who, item);
    expect(decision).toMatchObject({ allowed, reason });
    expect(decision.message.length).toBeGreaterThan(0);
  });

  it('assertCanRead answers as for an unknown item: NOT_FOUND without the reason', () => {
    let caught: unknown;
    try {
      assertCanRead(clerk, { classification: 'confidential', needToKnow: ['u-clerk'] });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(GovError);
    expect(caught).toMatchObject({ code: 'NOT_FOUND', message: 'no such item' });
    expect((caught as GovError).details).toBeUndefined();
  });

  it('assertCanRead passes when reading is allowed', () => {
    expect(() => assertCanRead(chief, { classification: 'secret', needToKnow: ['QWBGS'] })).not.toThrow();
  });
});
