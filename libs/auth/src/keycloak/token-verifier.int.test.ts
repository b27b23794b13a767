import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';
import { GovError } from '@gov/contracts';
import { signForeignToken, startDevIssuer, type DevIssuer } from '../dev-issuer/index.js';
import { KeycloakTokenVerifier, type RejectReason } from './token-verifier.js';

const realmPath = fileURLToPath(new URL('../../../../infra/keycloak/gov-office-realm.json', import.meta.url));
const realmUsers = (JSON.parse(readFileSync(realmPath, 'utf8')) as { users: Array<{ id: string; username: string }> }).users;

let issuer: DevIssuer;
let verifier: KeycloakTokenVerifier;
const rejections: Array<{ reason: RejectReason; detail: string }> = [];

beforeAll(async () => {
  issuer = await startDevIssuer({ port: 0 });
  verifier = new KeycloakTokenVerifier({
    url: issuer.url,
    realm: 'gov-office',
    clientId: 'gov-gateway',
    secret: 'gov-gateway-dev-secret',
    onReject: (info) => rejections.push(info),
  });
});

afterAll(async () => {
  await issuer.close();
});

async function passwordGrant(username: string, password: string): Promise<Response> {
  return fetch(`${issuer.realmUrl}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'gov-web', username, password }),
  });
}

function payloadOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

async function expectRejected(header: string | undefined, reason: RejectReason): Promise<void> {
  let caught: unknown;
  try {
    await verifier.verify(header);
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(GovError);
  expect(caught).toMatchObject({ code: 'UNAUTHENTICATED', details: { reason } });
  // the message is a short fixed phrase, never keycloak-connect's internals
  expect((caught as GovError).message).not.toMatch(/keycloak|Grant validation|Reason:|http/i);
}

describe('KeycloakTokenVerifier (keycloak-connect GrantManager) against the development issuer', () => {
  it('checks tokens for the realm URL the issuer signs as', () => {
    expect(verifier.realmUrl).toBe(issuer.realmUrl);
  });

  it('verifies a password-grant token of clerk and yields the actor', async () => {
    const res = await passwordGrant('clerk', 'demo');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { access_token: string; token_type: string };
    expect(body.token_type).toBe('Bearer');

    const actor = await verifier.verify(`Bearer ${body.access_token}`);
    expect(actor).toEqual({
      id: realmUsers.find((u) => u.username === 'clerk')!.id,
      name: '王文清',
      username: 'clerk',
      roles: ['clerk'],
      unit: 'QWBGS',
      clearance: 'none',
      rank: null,
    });
  });

  it('answers a wrong password with 401 invalid_grant', async () => {
    const res = await passwordGrant('clerk', 'wrong');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'invalid_grant', error_description: 'Invalid user credentials' });
  });

  it('turns every demo user into an actor holding the role named by the username', async () => {
    for (const demo of issuer.demoUsers) {
      const actor = await verifier.verify(`Bearer ${await issuer.issueToken(demo.username)}`);
      expect(actor.roles).toEqual([demo.username]);
      expect(actor.id).toBe(demo.id);
      expect(actor.unit).toBe(demo.unit);
      expect(actor.clearance).toBe(demo.clearance);
      expect(actor.rank).toBe(demo.rank);
    }
  });

  it('carries rank as a number for the district leader', async () => {
    const actor = await verifier.verify(`Bearer ${await issuer.issueToken('district-leader')}`);
    expect(actor).toMatchObject({ rank: 1, clearance: 'top-secret', unit: 'QW' });
  });

  it('accepts a lower-case bearer scheme', async () => {
    const actor = await verifier.verify(`bearer ${await issuer.issueToken('auditor')}`);
    expect(actor.username).toBe('auditor');
  });

  it('rejects an expired token', async () => {
    await expectRejected(`Bearer ${await issuer.issueToken('clerk', { expiresInSeconds: -10 })}`, 'expired');
  });

  it('rejects a token issued an hour ago with the realm lifespan', async () => {
    const issuedAt = new Date(Date.now() - 3600_000);
    await expectRejected(`Bearer ${await issuer.issueToken('clerk', { issuedAt })}`, 'expired');
  });

  it('rejects a token signed by a foreign key that claims the trusted kid', async () => {
    const genuine = await issuer.issueToken('director');
    const forged = await signForeignToken(payloadOf(genuine), issuer.kid);
    await expectRejected(`Bearer ${forged}`, 'signature');
  });

  it('rejects a genuine token whose payload was altered', async () => {
    const genuine = await issuer.issueToken('clerk');
    const [h, , s] = genuine.split('.');
    const payload = { ...payloadOf(genuine), clearance: 'top-secret' };
    const tampered = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    await expectRejected(`Bearer ${tampered}`, 'signature');
  });

  it('rejects a token from another issuer URL, even if signed with the trusted key', async () => {
    const token = await issuer.issueToken('clerk', { claims: { iss: 'http://127.0.0.1:1/realms/gov-office' } });
    await expectRejected(`Bearer ${token}`, 'issuer');
  });

  it('rejects a token of another realm on the same server', async () => {
    const token = await issuer.issueToken('clerk', { claims: { iss: `${issuer.url}/realms/master` } });
    await expectRejected(`Bearer ${token}`, 'issuer');
  });

  it('rejects a refresh token presented as an access token (typ Refresh)', async () => {
    const res = await passwordGrant('clerk', 'demo');
    const { refresh_token } = (await res.json()) as { refresh_token: string };
    await expectRejected(`Bearer ${refresh_token}`, 'type');
  });

  it('rejects a token without exp (keycloak-connect alone would accept it)', async () => {
    await expectRejected(`Bearer ${await issuer.issueToken('clerk', { claims: { exp: undefined } })}`, 'claims');
  });

  it('rejects a token whose user has no unit', async () => {
    await expectRejected(`Bearer ${await issuer.issueToken('clerk', { claims: { unit: undefined } })}`, 'claims');
  });

  it('rejects an HS256 token naming the trusted kid', async () => {
    const claims = payloadOf(await issuer.issueToken('admin'));
    const hs = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', kid: issuer.kid })
      .sign(new TextEncoder().encode('a-secret-that-is-long-enough-for-hs256'));
    await expectRejected(`Bearer ${hs}`, 'signature');
  });

  it('rejects an unsigned (alg none) token', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', kid: issuer.kid })).toString('base64url');
    const body = Buffer.from(JSON.stringify(payloadOf(await issuer.issueToken('admin')))).toString('base64url');
    await expectRejected(`Bearer ${header}.${body}.`, 'malformed');
  });

  it.each<[string, string | undefined, RejectReason]>([
    ['no header', undefined, 'missing'],
    ['empty header', '', 'missing'],
    ['Basic credentials', 'Basic Y2xlcms6ZGVtbw==', 'not-bearer'],
    ['bearer without token', 'Bearer ', 'not-bearer'],
    ['two tokens', 'Bearer a.b.c d.e.f', 'not-bearer'],
    ['one segment', 'Bearer abc', 'malformed'],
    ['segments not JSON', 'Bearer abc.def.ghi', 'malformed'],
  ])('rejects %s', async (_label, header, reason) => {
    await expectRejected(header, reason);
  });

  it('tells the onReject hook the internal reason', async () => {
    rejections.length = 0;
    await expectRejected(`Bearer ${await issuer.issueToken('clerk', { expiresInSeconds: -5 })}`, 'expired');
    expect(rejections).toEqual([{ reason: 'expired', detail: expect.stringContaining('expired') }]);
  });
});

describe('JWKS caching', () => {
  it('downloads the JWKS once for many verifications, concurrent and sequential', async () => {
    const fresh = new KeycloakTokenVerifier({ url: issuer.url, realm: 'gov-office', clientId: 'gov-gateway' });
    const before = issuer.requests.certs;
    const tokens = await Promise.all(issuer.demoUsers.map((u) => issuer.issueToken(u.username)));
    const concurrent = await Promise.all(tokens.map((t) => fresh.verify(`Bearer ${t}`)));
    expect(concurrent).toHaveLength(issuer.demoUsers.length);
    for (let i = 0; i < 30; i++) {
      await fresh.verify(`Bearer ${tokens[i % tokens.length]}`);
    }
    expect(issuer.requests.certs - before).toBe(1);
  });

  it('does not download again for a token naming an unknown kid within the throttle window', async () => {
    const fresh = new KeycloakTokenVerifier({ url: issuer.url, realm: 'gov-office', clientId: 'gov-gateway' });
    await fresh.verify(`Bearer ${await issuer.issueToken('clerk')}`);
    const before = issuer.requests.certs;
    const foreign = await signForeignToken(payloadOf(await issuer.issueToken('clerk')), 'some-other-kid');
    for (let i = 0; i < 5; i++) {
      await expect(fresh.verify(`Bearer ${foreign}`)).rejects.toMatchObject({ details: { reason: 'unknown-key' } });
    }
    expect(issuer.requests.certs).toBe(before);
  });

  it('makes no request to the issuer for verification itself (no introspection)', async () => {
    const fresh = new KeycloakTokenVerifier({ url: issuer.url, realm: 'gov-office', clientId: 'gov-gateway' });
    const token = await issuer.issueToken('clerk');
    await fresh.verify(`Bearer ${token}`);
    const snapshot = { ...issuer.requests };
    for (let i = 0; i < 10; i++) await fresh.verify(`Bearer ${token}`);
    expect(issuer.requests).toEqual(snapshot);
  });

  it('reports unreachable signing keys as UNAUTHENTICATED', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const offline = new KeycloakTokenVerifier({ url: `http://127.0.0.1:${port}`, realm: 'gov-office', clientId: 'gov-gateway' });
    const token = await issuer.issueToken('clerk', { claims: { iss: `http://127.0.0.1:${port}/realms/gov-office` } });
    await expect(offline.verify(`Bearer ${token}`)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'keys-unavailable' },
    });
  });
});
