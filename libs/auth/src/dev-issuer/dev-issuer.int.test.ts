import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import KeycloakConnect from 'keycloak-connect';
import { ROLES } from '../roles.js';
import { startDevIssuer, type DevIssuer } from './index.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
const realmPath = fileURLToPath(new URL('../../../../infra/keycloak/gov-office-realm.json', import.meta.url));
const realmJson: any = JSON.parse(readFileSync(realmPath, 'utf8'));

let issuer: DevIssuer;

beforeAll(async () => {
  issuer = await startDevIssuer({ port: 0 });
});

afterAll(async () => {
  await issuer.close();
});

const tokenUrl = (): string => `${issuer.realmUrl}/protocol/openid-connect/token`;

async function postToken(form: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(tokenUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form),
  });
}

const payloadOf = (token: string): any => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
const headerOf = (token: string): any => JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8'));

describe('development issuer endpoints', () => {
  it('listens on a free loopback port and names the realm URL after it', () => {
    expect(issuer.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(issuer.url).not.toMatch(/:8080$/);
    expect(issuer.realmUrl).toBe(`${issuer.url}/realms/gov-office`);
  });

  it('serves the OpenID discovery document with its own URLs', async () => {
    const res = await fetch(`${issuer.realmUrl}/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      issuer: issuer.realmUrl,
      token_endpoint: `${issuer.realmUrl}/protocol/openid-connect/token`,
      jwks_uri: `${issuer.realmUrl}/protocol/openid-connect/certs`,
      id_token_signing_alg_values_supported: ['RS256'],
    });
  });

  it('serves the JWKS with one RS256 signing key and its kid', async () => {
    const res = await fetch(`${issuer.realmUrl}/protocol/openid-connect/certs`);
    expect(res.status).toBe(200);
    const { keys } = (await res.json()) as { keys: any[] };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', kid: issuer.kid, alg: 'RS256', use: 'sig', e: 'AQAB' });
    expect(Buffer.from(keys[0].n, 'base64url').length).toBe(256); // 2048-bit modulus
    expect(keys[0].d).toBeUndefined(); // no private part
  });

  it('issues Keycloak-shaped tokens by password grant', async () => {
    const res = await postToken({ grant_type: 'password', client_id: 'gov-web', username: 'district-leader', password: 'demo', scope: 'openid' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body: any = await res.json();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 300, scope: 'openid email profile' });
    expect(typeof body.refresh_token).toBe('string');
    expect(typeof body.id_token).toBe('string');

    expect(headerOf(body.access_token)).toEqual({ alg: 'RS256', typ: 'JWT', kid: issuer.kid });
    const claims = payloadOf(body.access_token);
    const leader = realmJson.users.find((u: any) => u.username === 'district-leader');
    expect(claims).toMatchObject({
      iss: issuer.realmUrl,
      sub: leader.id,
      typ: 'Bearer',
      azp: 'gov-web',
      aud: 'account',
      preferred_username: 'district-leader',
      given_name: '光华',
      family_name: '陈',
      name: '光华 陈',
      email: 'district-leader@gov-office.example',
      email_verified: true,
      scope: 'openid email profile',
      unit: 'QW',
      clearance: 'top-secret',
      rank: 1,
    });
    expect(claims.realm_access.roles).toEqual(expect.arrayContaining(['district-leader', 'default-roles-gov-office', 'offline_access']));
    expect(claims.exp - claims.iat).toBe(300);
    expect(Math.abs(claims.iat - Date.now() / 1000)).toBeLessThan(5);
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(payloadOf(body.id_token)).toMatchObject({ typ: 'ID', aud: 'gov-web', azp: 'gov-web', sub: leader.id });
  });

  it('leaves out attributes a user does not have (no rank for the clerk)', async () => {
    const claims = payloadOf(await issuer.issueToken('clerk'));
    expect(claims).toMatchObject({ unit: 'QWBGS', clearance: 'none' });
    expect('rank' in claims).toBe(false);
  });

  it.each<[string, Record<string, string>, Record<string, string>, number, object]>([
    ['wrong password', { grant_type: 'password', client_id: 'gov-web', username: 'clerk', password: 'nope' }, {}, 401, { error: 'invalid_grant', error_description: 'Invalid user credentials' }],
    ['unknown user', { grant_type: 'password', client_id: 'gov-web', username: 'nobody', password: 'demo' }, {}, 401, { error: 'invalid_grant', error_description: 'Invalid user credentials' }],
    ['missing password', { grant_type: 'password', client_id: 'gov-web', username: 'clerk' }, {}, 401, { error: 'invalid_grant', error_description: 'Invalid user credentials' }],
    ['unknown client', { grant_type: 'password', client_id: 'evil-web', username: 'clerk', password: 'demo' }, {}, 401, { error: 'invalid_client', error_description: 'Invalid client or Invalid client credentials' }],
    ['confidential client with a wrong secret', { grant_type: 'password', username: 'clerk', password: 'demo' }, { authorization: `Basic ${Buffer.from('gov-gateway:wrong').toString('base64')}` }, 401, { error: 'invalid_client' }],
    ['confidential client without direct grants', { grant_type: 'password', username: 'clerk', password: 'demo' }, { authorization: `Basic ${Buffer.from('gov-gateway:gov-gateway-dev-secret').toString('base64')}` }, 400, { error: 'unauthorized_client' }],
    ['unsupported grant type', { grant_type: 'client_credentials', client_id: 'gov-web' }, {}, 400, { error: 'unsupported_grant_type' }],
    ['missing grant type', { client_id: 'gov-web' }, {}, 400, { error: 'invalid_request' }],
  ])('answers %s like Keycloak', async (_label, form, headers, status, body) => {
    const res = await postToken(form, headers);
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject(body);
  });

  it('refuses a token request that is not form-encoded', async () => {
    const res = await fetch(tokenUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'password', client_id: 'gov-web', username: 'clerk', password: 'demo' }),
    });
    expect(res.status).toBe(400);
  });

  it('refreshes with the refresh token and refuses a forged one', async () => {
    const first: any = await (await postToken({ grant_type: 'password', client_id: 'gov-web', username: 'archivist', password: 'demo' })).json();
    const res = await postToken({ grant_type: 'refresh_token', client_id: 'gov-web', refresh_token: first.refresh_token });
    expect(res.status).toBe(200);
    const second: any = await res.json();
    expect(payloadOf(second.access_token)).toMatchObject({ preferred_username: 'archivist', sid: payloadOf(first.access_token).sid });

    const bad = await postToken({ grant_type: 'refresh_token', client_id: 'gov-web', refresh_token: `${first.refresh_token.slice(0, -4)}AAAA` });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'invalid_grant', error_description: 'Invalid refresh token' });
  });

  it("satisfies keycloak-connect's own password grant as the public gov-web client", async () => {
    const kc = new KeycloakConnect({}, {
      realm: 'gov-office',
      'auth-server-url': issuer.url,
      resource: 'gov-web',
      'public-client': true,
      'ssl-required': 'external',
      'confidential-port': 0,
    } as KeycloakConnect.KeycloakConfig);
    // obtainDirectly posts the password grant and validates the access and ID tokens it gets back.
    const grant: any = await kc.grantManager.obtainDirectly('secrecy-officer', 'demo');
    expect(grant.access_token.content).toMatchObject({ preferred_username: 'secrecy-officer', clearance: 'top-secret' });
    expect(grant.id_token.content).toMatchObject({ aud: 'gov-web' });
    await expect(kc.grantManager.obtainDirectly('secrecy-officer', 'wrong')).rejects.toThrow('401');
  });

  it('answers unknown paths with 404', async () => {
    expect((await fetch(`${issuer.url}/realms/other/protocol/openid-connect/certs`)).status).toBe(404);
  });
});

describe('development issuer data', () => {
  it('offers one demo user per role, with the ids of the realm export', () => {
    expect(issuer.demoUsers.map((u) => u.username).sort()).toEqual([...ROLES].sort());
    for (const demo of issuer.demoUsers) {
      const rep = realmJson.users.find((u: any) => u.username === demo.username);
      expect(demo.id).toBe(rep.id);
      expect(demo.realmRoles).toContain(demo.username);
    }
  });

  it('refuses to issue for a user the realm does not have', async () => {
    await expect(issuer.issueToken('mallory')).rejects.toThrow('no user mallory');
  });

  it('serves a second realm file on its own port', async () => {
    const second = await startDevIssuer({ port: 0, accessTokenLifespanSeconds: 60 });
    try {
      expect(second.url).not.toBe(issuer.url);
      expect(second.kid).not.toBe(issuer.kid);
      const claims = payloadOf(await second.issueToken('clerk'));
      expect(claims.exp - claims.iat).toBe(60);
    } finally {
      await second.close();
    }
  });

  it('stops answering after close', async () => {
    const temp = await startDevIssuer({ port: 0 });
    await temp.close();
    await expect(fetch(`${temp.realmUrl}/protocol/openid-connect/certs`)).rejects.toThrow();
  });
});
