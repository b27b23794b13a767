import { z } from 'zod';
import { GovError } from '@gov/contracts';
import { CLEARANCES, isClearance, type Clearance } from './clearance.js';
import { ROLES, isRole, type Role } from './roles.js';

/**
 * Who is acting. The gateway builds it from a verified Keycloak access token and sends it to services in
 * the `x-gov-actor` NATS header; services use it for record-level decisions and audit entries.
 */
export interface Actor {
  /** Keycloak user id (token `sub`), stable across renames. */
  id: string;
  /** Display name, e.g. 王文清. */
  name: string;
  /** Keycloak username (`preferred_username`). */
  username: string;
  /** Realm roles known to the platform; roles the platform does not know are dropped. */
  roles: Role[];
  /** Organisation code of the person's unit, e.g. QWBGS (区委办公室), QFGW (区发改委). */
  unit: string;
  clearance: Clearance;
  /** Orders district leaders for sign-off sequences (1 first); null for everyone else. */
  rank: number | null;
}

/** NATS header that carries the actor from the gateway to a service. */
export const ACTOR_HEADER = 'x-gov-actor';

/** Longest header value accepted; a real actor encodes to a few hundred characters. */
const MAX_HEADER_LENGTH = 4096;

export const ActorSchema = z
  .object({
    id: z.string().min(1).max(200),
    name: z.string().min(1).max(200),
    username: z.string().min(1).max(200),
    roles: z
      .array(z.enum(ROLES))
      .max(ROLES.length)
      .refine((roles) => new Set(roles).size === roles.length, 'roles must not repeat'),
    unit: z.string().min(1).max(64),
    clearance: z.enum(CLEARANCES),
    rank: z.number().int().min(1).max(9999).nullable(),
  })
  .strict();

/** Encodes an actor as base64url JSON for the `x-gov-actor` header. Throws if the actor is not valid. */
export function encodeActorHeader(actor: Actor): string {
  const parsed = ActorSchema.safeParse(actor);
  if (!parsed.success) {
    throw new GovError('INTERNAL', 'refusing to encode an invalid actor');
  }
  return Buffer.from(JSON.stringify(parsed.data), 'utf8').toString('base64url');
}

/**
 * Decodes and validates the `x-gov-actor` header. Anything that is not a well-formed actor (missing,
 * not base64url, not JSON, unknown role or clearance, extra fields) is GovError UNAUTHENTICATED.
 *
 * The header is not signed: its integrity comes from NATS permissions (only the gateway may publish
 * commands, see infra/nats). Services must not accept it from any other path.
 */
export function decodeActorHeader(value: string | null | undefined): Actor {
  if (typeof value !== 'string' || value.length === 0) {
    throw new GovError('UNAUTHENTICATED', 'missing actor header');
  }
  if (value.length > MAX_HEADER_LENGTH || !/^[A-Za-z0-9_-]+$/.test(value)) {
    throw new GovError('UNAUTHENTICATED', 'malformed actor header');
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw new GovError('UNAUTHENTICATED', 'malformed actor header');
  }
  const parsed = ActorSchema.safeParse(json);
  if (!parsed.success) {
    throw new GovError('UNAUTHENTICATED', 'invalid actor header');
  }
  return parsed.data;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

function single(value: unknown): unknown {
  // A user attribute mapped as multivalued arrives as an array; accept a single value either way.
  return Array.isArray(value) && value.length === 1 ? value[0] : value;
}

function nonEmptyString(value: unknown): string | undefined {
  const v = single(value);
  return typeof v === 'string' && v.trim().length > 0 ? v.trim() : undefined;
}

function displayName(claims: Record<string, unknown>, username: string): string {
  const given = nonEmptyString(claims['given_name']);
  const family = nonEmptyString(claims['family_name']);
  // Keycloak's full-name mapper writes "given family"; Chinese names read family name first, unspaced.
  if (given && family && CJK.test(given) && CJK.test(family)) return `${family}${given}`;
  return nonEmptyString(claims['name']) ?? ([given, family].filter(Boolean).join(' ') || username);
}

function parseRank(value: unknown): number | null {
  const v = single(value);
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1) return v;
  if (typeof v === 'string' && /^[1-9][0-9]{0,3}$/.test(v.trim())) return Number.parseInt(v.trim(), 10);
  return null;
}

/**
 * Builds an Actor from the payload of a verified Keycloak access token: `sub`, `preferred_username`,
 * the name claims, `realm_access.roles` (only roles in ROLES are kept), and the mapped user attributes
 * `unit`, `clearance` (missing or unknown → 'none', failing closed) and `rank` (integer or null).
 * A token without subject, username or unit is GovError UNAUTHENTICATED.
 */
export function actorFromClaims(claims: Record<string, unknown>): Actor {
  const id = nonEmptyString(claims['sub']);
  if (!id) throw new GovError('UNAUTHENTICATED', 'token has no subject');
  const username = nonEmptyString(claims['preferred_username']);
  if (!username) throw new GovError('UNAUTHENTICATED', 'token has no username');
  const unit = nonEmptyString(claims['unit']);
  if (!unit) throw new GovError('UNAUTHENTICATED', 'token has no unit');

  const realmAccess = claims['realm_access'];
  const tokenRoles =
    typeof realmAccess === 'object' && realmAccess !== null && Array.isArray((realmAccess as { roles?: unknown }).roles)
      ? ((realmAccess as { roles: unknown[] }).roles)
      : [];
  const held = new Set(tokenRoles.filter(isRole));
  const roles = ROLES.filter((r) => held.has(r));

  const clearanceClaim = single(claims['clearance']);
  const actor: Actor = {
    id,
    name: displayName(claims, username),
    username,
    roles,
    unit,
    clearance: isClearance(clearanceClaim) ? clearanceClaim : 'none',
    rank: parseRank(claims['rank']),
  };
  const parsed = ActorSchema.safeParse(actor);
  if (!parsed.success) throw new GovError('UNAUTHENTICATED', 'token claims do not describe a valid actor');
  return parsed.data;
}
