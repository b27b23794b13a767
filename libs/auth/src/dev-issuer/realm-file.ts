import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Where the realm export lives, relative to the repository root. */
export const REALM_FILE_RELATIVE = join('infra', 'keycloak', 'gov-office-realm.json');

/**
 * Finds infra/keycloak/gov-office-realm.json by walking up from this module (works from sources and from
 * a compiled dist/ tree) and then from the working directory.
 */
export function defaultRealmFile(): string {
  const starts = [dirname(fileURLToPath(import.meta.url)), process.cwd()];
  for (const start of starts) {
    let dir = resolve(start);
    for (;;) {
      const candidate = join(dir, REALM_FILE_RELATIVE);
      if (existsSync(candidate)) return candidate;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(`realm export not found: no ${REALM_FILE_RELATIVE} above ${starts.join(' or ')}`);
}

// Only the fields the development issuer reads; everything else in the export is ignored.
const MapperSchema = z.object({
  name: z.string(),
  protocolMapper: z.string(),
  config: z.record(z.string(), z.string()).default({}),
});

const ClientSchema = z.object({
  clientId: z.string().min(1),
  enabled: z.boolean().default(true),
  publicClient: z.boolean().default(false),
  secret: z.string().optional(),
  directAccessGrantsEnabled: z.boolean().default(false),
  protocolMappers: z.array(MapperSchema).default([]),
});

const UserSchema = z.object({
  id: z.string().min(1).optional(),
  username: z.string().min(1),
  enabled: z.boolean().default(true),
  emailVerified: z.boolean().default(false),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  email: z.string().optional(),
  attributes: z.record(z.string(), z.array(z.string())).default({}),
  credentials: z
    .array(z.object({ type: z.string(), value: z.string().optional(), temporary: z.boolean().default(false) }))
    .default([]),
  requiredActions: z.array(z.string()).default([]),
  realmRoles: z.array(z.string()).default([]),
});

const RoleSchema = z.object({
  name: z.string().min(1),
  composite: z.boolean().default(false),
  composites: z.object({ realm: z.array(z.string()).default([]) }).partial().optional(),
});

const RealmFileSchema = z.object({
  realm: z.string().min(1),
  enabled: z.boolean().default(true),
  accessTokenLifespan: z.number().int().positive().default(300),
  ssoSessionIdleTimeout: z.number().int().positive().default(1800),
  roles: z.object({ realm: z.array(RoleSchema).default([]) }).default({ realm: [] }),
  clients: z.array(ClientSchema).default([]),
  users: z.array(UserSchema).default([]),
});

export type RealmClient = z.infer<typeof ClientSchema>;
export type RealmUser = z.infer<typeof UserSchema> & { id: string };

export interface RealmModel {
  name: string;
  accessTokenLifespan: number;
  ssoSessionIdleTimeout: number;
  clients: Map<string, RealmClient>;
  users: Map<string, RealmUser>;
  /** Realm role name → realm roles it directly contains (composites). */
  composites: Map<string, string[]>;
}

/** A stable id for users the export lists without one (Keycloak would generate a random one). */
function stableUserId(realm: string, username: string): string {
  const h = createHash('sha1').update(`${realm}/${username}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function loadRealmFile(path: string): RealmModel {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read realm export ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = RealmFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`realm export ${path} is not usable: ${z.prettifyError(parsed.error)}`);
  }
  const rep = parsed.data;
  const users = new Map<string, RealmUser>();
  for (const user of rep.users) {
    const username = user.username.toLowerCase(); // Keycloak stores usernames in lower case
    users.set(username, { ...user, username, id: user.id ?? stableUserId(rep.realm, username) });
  }
  return {
    name: rep.realm,
    accessTokenLifespan: rep.accessTokenLifespan,
    ssoSessionIdleTimeout: rep.ssoSessionIdleTimeout,
    clients: new Map(rep.clients.map((c) => [c.clientId, c])),
    users,
    composites: new Map(rep.roles.realm.filter((r) => r.composite).map((r) => [r.name, r.composites?.realm ?? []])),
  };
}
