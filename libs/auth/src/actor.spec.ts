import { GovError } from '@gov/contracts';
import { ACTOR_HEADER, actorFromClaims, decodeActorHeader, encodeActorHeader, type Actor } from './actor.js';

const leader: Actor = {
  id: '7012c082-4253-4bc1-b1b4-7cc7a8d3fc59',
  name: '陈光华',
  username: 'district-leader',
  roles: ['district-leader'],
  unit: 'QW',
  clearance: 'top-secret',
  rank: 1,
};
const clerk: Actor = {
  id: 'e039f498-5cae-4007-9819-ae80f6862158',
  name: '王文清',
  username: 'clerk',
  roles: ['clerk', 'archivist'],
  unit: 'QWBGS',
  clearance: 'none',
  rank: null,
};

const b64 = (value: unknown): string => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function expectUnauthenticated(fn: () => unknown): void {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(GovError);
  expect((caught as GovError).code).toBe('UNAUTHENTICATED');
}

describe('actor header', () => {
  it('is named x-gov-actor', () => {
    expect(ACTOR_HEADER).toBe('x-gov-actor');
  });

  it.each([leader, clerk])('round-trips $username', (actor) => {
    const header = encodeActorHeader(actor);
    expect(header).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeActorHeader(header)).toEqual(actor);
  });

  it('is base64url JSON', () => {
    expect(JSON.parse(Buffer.from(encodeActorHeader(leader), 'base64url').toString('utf8'))).toEqual(leader);
  });

  it('refuses to encode an invalid actor', () => {
    expect(() => encodeActorHeader({ ...leader, clearance: 'ultra' as Actor['clearance'] })).toThrow(GovError);
  });

  const rejected: Array<[string, string | undefined]> = [
    ['missing', undefined],
    ['empty', ''],
    ['not base64url', 'eyJ+/=='],
    ['not JSON', b64('{"id":')],
    ['JSON but not an object', b64('"clerk"')],
    ['truncated', encodeActorHeader(leader).slice(0, -6)],
    ['unknown role injected', b64({ ...clerk, roles: ['clerk', 'superuser'] })],
    ['clearance outside the scale', b64({ ...clerk, clearance: 'ultra' })],
    ['extra field', b64({ ...clerk, isAdmin: true })],
    ['missing unit', b64({ ...clerk, unit: undefined })],
    ['empty unit', b64({ ...clerk, unit: '' })],
    ['rank not an integer', b64({ ...leader, rank: 1.5 })],
    ['rank zero', b64({ ...leader, rank: 0 })],
    ['rank as string', b64({ ...leader, rank: '1' })],
    ['repeated role', b64({ ...clerk, roles: ['clerk', 'clerk'] })],
    ['oversized', 'A'.repeat(5000)],
  ];
  it.each(rejected)('rejects %s input with UNAUTHENTICATED', (_label, value) => {
    expectUnauthenticated(() => decodeActorHeader(value));
  });
});

describe('actorFromClaims', () => {
  const claims = {
    sub: leader.id,
    preferred_username: 'district-leader',
    name: '光华 陈',
    given_name: '光华',
    family_name: '陈',
    realm_access: { roles: ['default-roles-gov-office', 'offline_access', 'district-leader', 'uma_authorization'] },
    unit: 'QW',
    clearance: 'top-secret',
    rank: 1,
  };

  it('builds the actor from a Keycloak access-token payload', () => {
    expect(actorFromClaims(claims)).toEqual(leader);
  });

  it('keeps only platform roles, in ROLES order, without repeats', () => {
    const actor = actorFromClaims({ ...claims, realm_access: { roles: ['archivist', 'offline_access', 'clerk', 'clerk'] } });
    expect(actor.roles).toEqual(['clerk', 'archivist']);
  });

  it('has no roles when realm_access is missing', () => {
    expect(actorFromClaims({ ...claims, realm_access: undefined }).roles).toEqual([]);
  });

  it.each([
    [undefined, 'none'],
    ['ultra', 'none'],
    ['TOP-SECRET', 'none'],
    ['confidential', 'confidential'],
  ])('maps clearance %p to %p', (clearance, expected) => {
    expect(actorFromClaims({ ...claims, clearance }).clearance).toBe(expected);
  });

  it.each([
    [1, 1],
    ['2', 2],
    [['3'], 3],
    [undefined, null],
    ['abc', null],
    [0, null],
    [2.5, null],
  ])('parses rank %p as %p', (rank, expected) => {
    expect(actorFromClaims({ ...claims, rank }).rank).toBe(expected);
  });

  it('uses the name claim for non-Chinese names', () => {
    const actor = actorFromClaims({ ...claims, name: 'Li Wei', given_name: 'Wei', family_name: 'Li' });
    expect(actor.name).toBe('Li Wei');
  });

  it('falls back to the username when there is no name', () => {
    const actor = actorFromClaims({ ...claims, name: undefined, given_name: undefined, family_name: undefined });
    expect(actor.name).toBe('district-leader');
  });

  it.each(['sub', 'preferred_username', 'unit'])('rejects a payload without %s', (claim) => {
    expectUnauthenticated(() => actorFromClaims({ ...claims, [claim]: undefined }));
  });
});
