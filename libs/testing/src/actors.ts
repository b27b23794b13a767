import type { Actor, Role } from '@gov/auth';

/** An actor as the gateway would build it from a token, for service-tier tests that skip the gateway. */
export function testActor(role: Role, overrides: Partial<Actor> = {}): Actor {
  return {
    id: `00000000-0000-4000-8000-${Buffer.from(role).toString('hex').padEnd(12, '0').slice(0, 12)}`,
    name: `测试${role}`,
    username: role,
    roles: [role],
    unit: 'QWBGS',
    clearance: 'none',
    rank: null,
    ...overrides,
  };
}
