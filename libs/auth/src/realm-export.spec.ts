import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CLEARANCES } from './clearance.js';
import { ROLES } from './roles.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
const realmPath = fileURLToPath(new URL('../../../infra/keycloak/gov-office-realm.json', import.meta.url));
const realm: any = JSON.parse(readFileSync(realmPath, 'utf8'));

// The roles named in docs ARCHITECTURE.md, "Who may do what" (kept here on purpose, not imported).
const ARCHITECTURE_ROLES = [
  'clerk', 'section-chief', 'deputy-director', 'director', 'district-leader', 'confidential-clerk', 'supervisor',
  'legal-officer', 'petition-officer', 'secrecy-officer', 'archivist', 'foreign-affairs-officer', 'unit-liaison',
  'auditor', 'admin',
];

// Field names of Keycloak's RealmRepresentation and friends used by this export; a typo or an invented
// field (Keycloak refuses unknown fields) shows up here.
const REALM_FIELDS = new Set([
  'id', 'realm', 'displayName', 'enabled', 'sslRequired', 'registrationAllowed', 'registrationEmailAsUsername',
  'rememberMe', 'verifyEmail', 'loginWithEmailAllowed', 'duplicateEmailsAllowed', 'resetPasswordAllowed',
  'editUsernameAllowed', 'bruteForceProtected', 'defaultSignatureAlgorithm', 'revokeRefreshToken',
  'accessTokenLifespan', 'ssoSessionIdleTimeout', 'ssoSessionMaxLifespan', 'roles', 'clients', 'users', 'components',
]);
const CLIENT_FIELDS = new Set([
  'id', 'clientId', 'name', 'description', 'enabled', 'clientAuthenticatorType', 'secret', 'bearerOnly',
  'consentRequired', 'publicClient', 'standardFlowEnabled', 'implicitFlowEnabled', 'directAccessGrantsEnabled',
  'serviceAccountsEnabled', 'frontchannelLogout', 'fullScopeAllowed', 'protocol', 'rootUrl', 'redirectUris',
  'webOrigins', 'attributes', 'protocolMappers', 'defaultClientScopes', 'optionalClientScopes',
]);
const MAPPER_FIELDS = new Set(['name', 'protocol', 'protocolMapper', 'consentRequired', 'config']);
const USER_FIELDS = new Set([
  'id', 'username', 'enabled', 'emailVerified', 'firstName', 'lastName', 'email', 'attributes', 'credentials',
  'requiredActions', 'realmRoles',
]);
const ROLE_FIELDS = new Set(['name', 'description', 'composite', 'clientRole']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CJK = /[\u4e00-\u9fff]/;

const client = (clientId: string): any => realm.clients.find((c: any) => c.clientId === clientId);
const user = (username: string): any => realm.users.find((u: any) => u.username === username);
const extraKeys = (obj: object, allowed: Set<string>): string[] => Object.keys(obj).filter((k) => !allowed.has(k));

function allKeys(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => allKeys(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      allKeys(v, out);
    }
  }
  return out;
}

describe('Keycloak realm export infra/keycloak/gov-office-realm.json', () => {
  it('is realm gov-office, enabled, 300 s access tokens', () => {
    expect(realm.realm).toBe('gov-office');
    expect(realm.enabled).toBe(true);
    expect(realm.accessTokenLifespan).toBe(300);
  });

  it('uses only known representation fields and no comment keys', () => {
    expect(extraKeys(realm, REALM_FIELDS)).toEqual([]);
    for (const c of realm.clients) expect(extraKeys(c, CLIENT_FIELDS)).toEqual([]);
    for (const c of realm.clients) for (const m of c.protocolMappers) expect(extraKeys(m, MAPPER_FIELDS)).toEqual([]);
    for (const u of realm.users) expect(extraKeys(u, USER_FIELDS)).toEqual([]);
    for (const r of realm.roles.realm) expect(extraKeys(r, ROLE_FIELDS)).toEqual([]);
    expect(allKeys(realm).filter((k) => k.startsWith('_') || k.toLowerCase().includes('comment'))).toEqual([]);
  });

  it('declares exactly the ARCHITECTURE roles, each described with its Chinese post name', () => {
    const names = realm.roles.realm.map((r: any) => r.name);
    expect([...names].sort()).toEqual([...ARCHITECTURE_ROLES].sort());
    expect([...ROLES].sort()).toEqual([...ARCHITECTURE_ROLES].sort());
    for (const role of realm.roles.realm) {
      expect(role.description).toMatch(CJK);
      expect(role.composite).toBe(false);
    }
  });

  it.each(ARCHITECTURE_ROLES)('has demo user %s with password demo and that role', (role) => {
    const u = user(role);
    expect(u).toBeDefined();
    expect(u.enabled).toBe(true);
    expect(u.emailVerified).toBe(true);
    expect(u.id).toMatch(UUID);
    expect(u.firstName).toMatch(CJK);
    expect(u.lastName).toMatch(CJK);
    expect(u.email).toBe(`${role}@gov-office.example`);
    expect(u.credentials).toEqual([{ type: 'password', value: 'demo', temporary: false }]);
    expect(u.requiredActions).toEqual([]);
    expect(u.realmRoles.filter((r: string) => (ARCHITECTURE_ROLES as string[]).includes(r))).toEqual([role]);
    expect(u.attributes.unit).toEqual([expect.stringMatching(/^[A-Z][A-Z0-9]{1,15}$/)]);
    expect(CLEARANCES).toContain(u.attributes.clearance[0]);
    if (u.attributes.rank) expect(u.attributes.rank).toEqual([expect.stringMatching(/^[1-9][0-9]*$/)]);
  });

  it('has one user per role and unique user ids', () => {
    expect(realm.users).toHaveLength(ARCHITECTURE_ROLES.length);
    expect(new Set(realm.users.map((u: any) => u.id)).size).toBe(realm.users.length);
  });

  it('gives the expected attributes to key posts', () => {
    expect(user('clerk').attributes).toEqual({ unit: ['QWBGS'], clearance: ['none'] });
    for (const name of ['confidential-clerk', 'secrecy-officer', 'director']) {
      expect(user(name).attributes.clearance).toEqual(['top-secret']);
    }
    expect(user('district-leader').attributes.rank).toEqual(['1']);
    expect(user('unit-liaison').attributes.unit).toEqual(['QFGW']);
  });

  it('has gov-gateway as a confidential client with every login flow off', () => {
    const c = client('gov-gateway');
    expect(c).toMatchObject({
      enabled: true,
      publicClient: false,
      standardFlowEnabled: false,
      implicitFlowEnabled: false,
      directAccessGrantsEnabled: false,
      serviceAccountsEnabled: false,
      clientAuthenticatorType: 'client-secret',
    });
    expect(typeof c.secret).toBe('string');
    expect(c.secret.length).toBeGreaterThan(8);
  });

  it('has gov-web as a public client with direct access grants', () => {
    expect(client('gov-web')).toMatchObject({ enabled: true, publicClient: true, directAccessGrantsEnabled: true });
    expect(client('gov-web').secret).toBeUndefined();
  });

  describe.each(['gov-gateway', 'gov-web'])('protocol mappers of %s', (clientId) => {
    const mappers = (): any[] => client(clientId).protocolMappers;

    it.each([
      ['unit', 'String'],
      ['clearance', 'String'],
      ['rank', 'int'],
    ])('maps user attribute %s into the access token as %s', (attribute, jsonType) => {
      const m = mappers().find((x) => x.config['user.attribute'] === attribute);
      expect(m).toMatchObject({
        protocol: 'openid-connect',
        protocolMapper: 'oidc-usermodel-attribute-mapper',
        config: { 'claim.name': attribute, 'jsonType.label': jsonType, 'access.token.claim': 'true', multivalued: 'false' },
      });
    });

    it('maps realm roles to realm_access.roles', () => {
      const m = mappers().find((x) => x.protocolMapper === 'oidc-usermodel-realm-role-mapper');
      expect(m).toMatchObject({ config: { 'claim.name': 'realm_access.roles', multivalued: 'true', 'access.token.claim': 'true' } });
    });

    it("keeps Keycloak's built-in default scopes (sub comes from 'basic' since Keycloak 25)", () => {
      expect(client(clientId).defaultClientScopes).toEqual(expect.arrayContaining(['basic', 'profile', 'email', 'roles']));
    });
  });

  it('declares unit, clearance and rank in the declarative user profile, editable by admins only', () => {
    const providers = realm.components['org.keycloak.userprofile.UserProfileProvider'];
    expect(providers).toHaveLength(1);
    expect(providers[0].providerId).toBe('declarative-user-profile');
    const config = JSON.parse(providers[0].config['kc.user.profile.config'][0]);
    const attr = (name: string): any => config.attributes.find((a: any) => a.name === name);
    for (const name of ['username', 'email', 'firstName', 'lastName']) expect(attr(name)).toBeDefined();
    for (const name of ['unit', 'clearance', 'rank']) {
      expect(attr(name).permissions).toEqual({ view: ['admin', 'user'], edit: ['admin'] });
    }
    expect(attr('clearance').validations.options.options).toEqual([...CLEARANCES]);
    expect(attr('rank').validations.integer).toBeDefined();
    expect(config.groups.map((g: any) => g.name)).toEqual(expect.arrayContaining(['user-metadata', attr('unit').group]));
  });
});
