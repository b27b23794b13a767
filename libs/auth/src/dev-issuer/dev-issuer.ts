import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  calculateJwkThumbprint,
  exportJWK,
  exportSPKI,
  generateKeyPair,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JWK,
} from 'jose';
import { defaultRealmFile, loadRealmFile, type RealmClient, type RealmModel, type RealmUser } from './realm-file.js';

export interface DevIssuerOptions {
  /** Port to listen on; 0 picks a free one. Default 8080 (Keycloak's). */
  port?: number;
  /** Interface to bind. Default 127.0.0.1: this issuer hands out tokens for demo passwords. */
  host?: string;
  /** Base URL put into `iss` and discovery documents, when clients reach the issuer by another name. */
  publicUrl?: string;
  /** Realm export to serve. Default: infra/keycloak/gov-office-realm.json of this repository. */
  realmFile?: string;
  /** Access-token lifetime; default the realm's accessTokenLifespan (300 s). */
  accessTokenLifespanSeconds?: number;
}

export interface IssueTokenOptions {
  /** Lifetime counted from `issuedAt`; negative gives an already expired token. */
  expiresInSeconds?: number;
  /** `iat` as a Date or epoch seconds; default now. */
  issuedAt?: Date | number;
  /** Client the token is issued to (`azp`); default 'gov-web'. Its protocol mappers apply. */
  clientId?: string;
  /** Claims to override in the payload; a value of undefined removes the claim. For tests. */
  claims?: Record<string, unknown>;
}

export interface DemoUser {
  id: string;
  username: string;
  name: string;
  /** Realm roles as listed in the export (before composite expansion). */
  realmRoles: string[];
  unit: string | null;
  clearance: string | null;
  rank: number | null;
}

export interface DevIssuer {
  /** Base URL, e.g. http://127.0.0.1:8080 (what keycloak-connect calls auth-server-url). */
  url: string;
  realm: string;
  /** `${url}/realms/${realm}`, the tokens' `iss`. */
  realmUrl: string;
  /** Key id of the signing key. */
  kid: string;
  demoUsers: DemoUser[];
  issueToken(username: string, opts?: IssueTokenOptions): Promise<string>;
  /** Requests served so far, by endpoint. */
  readonly requests: Readonly<{ wellKnown: number; certs: number; token: number; other: number }>;
  close(): Promise<void>;
}

/** Roles Keycloak puts into `default-roles-<realm>` of every new realm. */
const BUILTIN_DEFAULT_REALM_ROLES = ['offline_access', 'uma_authorization'];
const BUILTIN_DEFAULT_ACCOUNT_ROLES = ['manage-account', 'manage-account-links', 'view-profile'];
const MAX_BODY = 64 * 1024;

class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }
}

function fullName(user: RealmUser): string | undefined {
  const name = [user.firstName, user.lastName].filter((s) => s && s.length > 0).join(' ');
  return name.length > 0 ? name : undefined;
}

function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

function epochSeconds(value: Date | number | undefined): number {
  if (value === undefined) return Math.floor(Date.now() / 1000);
  return value instanceof Date ? Math.floor(value.getTime() / 1000) : Math.floor(value);
}

/** Applies Keycloak's oidc-usermodel-attribute-mapper semantics to one user attribute. */
function mapAttribute(values: string[] | undefined, config: Record<string, string>): unknown {
  if (!values || values.length === 0) return undefined;
  const convert = (v: string): unknown => {
    switch ((config['jsonType.label'] ?? 'String').toLowerCase()) {
      case 'int':
      case 'long': {
        const n = Number.parseInt(v, 10);
        return Number.isNaN(n) ? undefined : n;
      }
      case 'boolean':
        return v === 'true';
      case 'json':
        try {
          return JSON.parse(v) as unknown;
        } catch {
          return undefined;
        }
      default:
        return v;
    }
  };
  if (config['multivalued'] === 'true') return values.map(convert).filter((v) => v !== undefined);
  return convert(values[0]!);
}

/** Sets `a.b.c` style claim names the way Keycloak does (dots nest). */
function setClaim(target: Record<string, unknown>, claimName: string, value: unknown): void {
  const path = claimName.split('.');
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

/**
 * Starts a development token issuer that serves, for the realm in the export file, what Keycloak serves to
 * keycloak-connect and to front ends: discovery, JWKS and the token endpoint (password and refresh_token
 * grants). Tokens are RS256 with a key generated at start and carry the claims Keycloak would put in them,
 * including the attributes mapped by the client's protocol mappers. Users, passwords, roles and attributes
 * all come from the realm export. Prints nothing. For development and tests only.
 */
export async function startDevIssuer(options: DevIssuerOptions = {}): Promise<DevIssuer> {
  const realm: RealmModel = loadRealmFile(options.realmFile ?? defaultRealmFile());
  const host = options.host ?? '127.0.0.1';
  const accessLifespan = options.accessTokenLifespanSeconds ?? realm.accessTokenLifespan;

  const { publicKey, privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const publicJwk: JWK = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const jwks = { keys: [{ ...publicJwk, kid, alg: 'RS256', use: 'sig' }] };
  const spki = (await exportSPKI(publicKey)).replace(/-----[A-Z ]+-----|\s/g, '');

  const requests = { wellKnown: 0, certs: 0, token: 0, other: 0 };
  let url = '';
  let realmUrl = '';
  const prefix = `/realms/${realm.name}`;

  const expandRealmRoles = (user: RealmUser): { realmRoles: string[]; accountRoles: string[] } => {
    const seen = new Set<string>();
    const accountRoles = new Set<string>();
    const visit = (role: string): void => {
      if (seen.has(role)) return;
      seen.add(role);
      const composites = realm.composites.get(role);
      if (composites) composites.forEach(visit);
      else if (role === `default-roles-${realm.name}`) {
        BUILTIN_DEFAULT_REALM_ROLES.forEach(visit);
        BUILTIN_DEFAULT_ACCOUNT_ROLES.forEach((r) => accountRoles.add(r));
      }
    };
    user.realmRoles.forEach(visit);
    return { realmRoles: [...seen], accountRoles: [...accountRoles] };
  };

  const mappedClaims = (user: RealmUser, client: RealmClient, tokenKind: 'access' | 'id'): Record<string, unknown> => {
    const claims: Record<string, unknown> = {};
    for (const mapper of client.protocolMappers) {
      if (mapper.protocolMapper !== 'oidc-usermodel-attribute-mapper') continue;
      if (mapper.config[tokenKind === 'access' ? 'access.token.claim' : 'id.token.claim'] !== 'true') continue;
      const attribute = mapper.config['user.attribute'];
      const claimName = mapper.config['claim.name'];
      if (!attribute || !claimName) continue;
      const value = mapAttribute(user.attributes[attribute], mapper.config);
      if (value !== undefined) setClaim(claims, claimName, value);
    }
    return claims;
  };

  const profileClaims = (user: RealmUser): Record<string, unknown> => {
    const claims: Record<string, unknown> = { email_verified: user.emailVerified };
    const name = fullName(user);
    if (name) claims['name'] = name;
    claims['preferred_username'] = user.username;
    if (user.firstName) claims['given_name'] = user.firstName;
    if (user.lastName) claims['family_name'] = user.lastName;
    if (user.email) claims['email'] = user.email.toLowerCase();
    return claims;
  };

  const sign = (payload: Record<string, unknown>, typ = 'JWT'): Promise<string> =>
    new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ, kid }).sign(privateKey as CryptoKey);

  interface Session {
    user: RealmUser;
    client: RealmClient;
    sid: string;
    scope: string;
  }

  const accessTokenClaims = (s: Session, iat: number, exp: number): Record<string, unknown> => {
    const { realmRoles, accountRoles } = expandRealmRoles(s.user);
    const claims: Record<string, unknown> = {
      exp,
      iat,
      jti: randomUUID(),
      iss: realmUrl,
    };
    if (accountRoles.length > 0) claims['aud'] = 'account';
    Object.assign(claims, {
      sub: s.user.id,
      typ: 'Bearer',
      azp: s.client.clientId,
      sid: s.sid,
      acr: '1',
      realm_access: { roles: realmRoles },
    });
    if (accountRoles.length > 0) claims['resource_access'] = { account: { roles: accountRoles } };
    claims['scope'] = s.scope;
    Object.assign(claims, profileClaims(s.user), mappedClaims(s.user, s.client, 'access'));
    return claims;
  };

  const tokenResponse = async (s: Session): Promise<Record<string, unknown>> => {
    const iat = epochSeconds(undefined);
    const accessToken = await sign(accessTokenClaims(s, iat, iat + accessLifespan));
    const refreshToken = await sign(
      {
        exp: iat + realm.ssoSessionIdleTimeout,
        iat,
        jti: randomUUID(),
        iss: realmUrl,
        aud: realmUrl,
        sub: s.user.id,
        typ: 'Refresh',
        azp: s.client.clientId,
        sid: s.sid,
        scope: s.scope,
      },
      'JWT',
    );
    const body: Record<string, unknown> = {
      access_token: accessToken,
      expires_in: accessLifespan,
      refresh_expires_in: realm.ssoSessionIdleTimeout,
      refresh_token: refreshToken,
      token_type: 'Bearer',
    };
    if (s.scope.split(' ').includes('openid')) {
      body['id_token'] = await sign({
        exp: iat + accessLifespan,
        iat,
        auth_time: iat,
        jti: randomUUID(),
        iss: realmUrl,
        aud: s.client.clientId,
        sub: s.user.id,
        typ: 'ID',
        azp: s.client.clientId,
        sid: s.sid,
        acr: '1',
        ...profileClaims(s.user),
        ...mappedClaims(s.user, s.client, 'id'),
      });
    }
    body['not-before-policy'] = 0;
    body['session_state'] = s.sid;
    body['scope'] = s.scope;
    return body;
  };

  /** Client authentication as Keycloak does it: Basic header or client_id (+ client_secret) in the form. */
  const authenticateClient = (req: IncomingMessage, form: URLSearchParams): RealmClient => {
    let clientId = form.get('client_id') ?? undefined;
    let secret = form.get('client_secret') ?? undefined;
    const auth = req.headers.authorization;
    if (auth && /^Basic /i.test(auth)) {
      const decoded = Buffer.from(auth.slice(6).trim(), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0) {
        clientId = decodeURIComponent(decoded.slice(0, colon));
        secret = decodeURIComponent(decoded.slice(colon + 1));
      }
    }
    const client = clientId === undefined ? undefined : realm.clients.get(clientId);
    if (!client || !client.enabled) {
      throw new OAuthError(401, 'invalid_client', 'Invalid client or Invalid client credentials');
    }
    if (!client.publicClient) {
      if (!client.secret || secret === undefined || !sameSecret(secret, client.secret)) {
        throw new OAuthError(401, 'invalid_client', 'Invalid client or Invalid client credentials');
      }
    }
    return client;
  };

  const scopeFor = (requested: string | null): string => {
    const scopes = new Set(['email', 'profile']);
    for (const s of (requested ?? '').split(' ')) if (s === 'openid') scopes.add('openid');
    return ['openid', 'email', 'profile'].filter((s) => scopes.has(s)).join(' ');
  };

  const passwordGrant = async (client: RealmClient, form: URLSearchParams): Promise<Record<string, unknown>> => {
    if (!client.directAccessGrantsEnabled) {
      throw new OAuthError(400, 'unauthorized_client', 'Client not allowed for direct access grants');
    }
    const username = (form.get('username') ?? '').toLowerCase();
    const password = form.get('password') ?? '';
    const user = realm.users.get(username);
    const credential = user?.credentials.find((c) => c.type === 'password' && c.value !== undefined);
    if (!user || !credential || !sameSecret(password, credential.value!)) {
      throw new OAuthError(401, 'invalid_grant', 'Invalid user credentials');
    }
    if (!user.enabled) throw new OAuthError(400, 'invalid_grant', 'Account disabled');
    if (credential.temporary || user.requiredActions.length > 0) {
      throw new OAuthError(400, 'invalid_grant', 'Account is not fully set up');
    }
    return tokenResponse({ user, client, sid: randomUUID(), scope: scopeFor(form.get('scope')) });
  };

  const refreshGrant = async (client: RealmClient, form: URLSearchParams): Promise<Record<string, unknown>> => {
    const invalid = new OAuthError(400, 'invalid_grant', 'Invalid refresh token');
    const raw = form.get('refresh_token');
    if (!raw) throw new OAuthError(400, 'invalid_request', 'Missing parameter: refresh_token');
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(raw, publicKey, { issuer: realmUrl, algorithms: ['RS256'] }));
    } catch {
      throw invalid;
    }
    if (payload['typ'] !== 'Refresh' || payload['azp'] !== client.clientId) throw invalid;
    const user = [...realm.users.values()].find((u) => u.id === payload['sub']);
    if (!user || !user.enabled) throw invalid;
    const sid = typeof payload['sid'] === 'string' ? payload['sid'] : randomUUID();
    const scope = typeof payload['scope'] === 'string' ? payload['scope'] : scopeFor(null);
    return tokenResponse({ user, client, sid, scope });
  };

  const readBody = (req: IncomingMessage): Promise<string> =>
    new Promise((resolveBody, reject) => {
      let size = 0;
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY) {
          reject(new OAuthError(413, 'invalid_request', 'Request entity too large'));
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });

  const send = (res: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      'access-control-allow-origin': '*',
      ...extraHeaders,
    });
    res.end(text);
  };

  const discovery = (): Record<string, unknown> => ({
    issuer: realmUrl,
    authorization_endpoint: `${realmUrl}/protocol/openid-connect/auth`,
    token_endpoint: `${realmUrl}/protocol/openid-connect/token`,
    jwks_uri: `${realmUrl}/protocol/openid-connect/certs`,
    grant_types_supported: ['password', 'refresh_token'],
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    scopes_supported: ['openid', 'profile', 'email'],
    claims_supported: [
      'sub', 'iss', 'aud', 'exp', 'iat', 'name', 'given_name', 'family_name', 'preferred_username', 'email',
      'email_verified', 'realm_access', 'unit', 'clearance', 'rank',
    ],
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0]!;
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers': 'authorization, content-type',
        'access-control-max-age': '600',
      });
      res.end();
      return;
    }
    if (method === 'GET' && path === `${prefix}/.well-known/openid-configuration`) {
      requests.wellKnown++;
      send(res, 200, discovery());
      return;
    }
    if (method === 'GET' && path === `${prefix}/protocol/openid-connect/certs`) {
      requests.certs++;
      send(res, 200, jwks);
      return;
    }
    if (method === 'POST' && path === `${prefix}/protocol/openid-connect/token`) {
      requests.token++;
      try {
        const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        const body = await readBody(req);
        if (contentType !== 'application/x-www-form-urlencoded') {
          throw new OAuthError(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
        }
        const form = new URLSearchParams(body);
        const grantType = form.get('grant_type');
        if (!grantType) throw new OAuthError(400, 'invalid_request', 'Missing form parameter: grant_type');
        const client = authenticateClient(req, form);
        let result: Record<string, unknown>;
        if (grantType === 'password') result = await passwordGrant(client, form);
        else if (grantType === 'refresh_token') result = await refreshGrant(client, form);
        else throw new OAuthError(400, 'unsupported_grant_type', 'Unsupported grant_type');
        send(res, 200, result, { 'cache-control': 'no-store', pragma: 'no-cache' });
      } catch (err) {
        if (err instanceof OAuthError) {
          send(res, err.status, { error: err.error, error_description: err.description }, { 'cache-control': 'no-store' });
        } else {
          send(res, 500, { error: 'server_error', error_description: 'Unexpected error' });
        }
      }
      return;
    }
    if (method === 'GET' && path === prefix) {
      requests.other++;
      send(res, 200, {
        realm: realm.name,
        public_key: spki,
        'token-service': `${realmUrl}/protocol/openid-connect`,
        'account-service': `${realmUrl}/account`,
        'tokens-not-before': 0,
      });
      return;
    }
    requests.other++;
    if (method === 'GET' && path === `${prefix}/protocol/openid-connect/auth`) {
      send(res, 501, { error: 'unsupported', error_description: 'The development issuer supports the password grant only' });
      return;
    }
    send(res, 404, { error: 'Unable to find matching target resource method' });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { error: 'server_error', error_description: 'Unexpected error' });
      else res.destroy();
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const port = (server.address() as AddressInfo).port;
  url = (options.publicUrl ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`).replace(/\/+$/, '');
  realmUrl = `${url}${prefix}`;

  const demoUsers: DemoUser[] = [...realm.users.values()].map((u) => {
    const rank = mapAttribute(u.attributes['rank'], { 'jsonType.label': 'int' });
    return {
      id: u.id,
      username: u.username,
      name: u.lastName && u.firstName ? `${u.lastName}${u.firstName}` : (fullName(u) ?? u.username),
      realmRoles: [...u.realmRoles],
      unit: u.attributes['unit']?.[0] ?? null,
      clearance: u.attributes['clearance']?.[0] ?? null,
      rank: typeof rank === 'number' ? rank : null,
    };
  });

  return {
    url,
    realm: realm.name,
    realmUrl,
    kid,
    demoUsers,
    requests,
    async issueToken(username: string, opts: IssueTokenOptions = {}): Promise<string> {
      const user = realm.users.get(username.toLowerCase());
      if (!user) throw new Error(`no user ${username} in realm ${realm.name}`);
      const clientId = opts.clientId ?? 'gov-web';
      const client = realm.clients.get(clientId);
      if (!client) throw new Error(`no client ${clientId} in realm ${realm.name}`);
      const iat = epochSeconds(opts.issuedAt);
      const exp = iat + (opts.expiresInSeconds ?? accessLifespan);
      const claims = accessTokenClaims({ user, client, sid: randomUUID(), scope: 'openid email profile' }, iat, exp);
      for (const [key, value] of Object.entries(opts.claims ?? {})) {
        if (value === undefined) delete claims[key];
        else claims[key] = value;
      }
      return sign(claims);
    },
    close(): Promise<void> {
      return new Promise((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      });
    },
  };
}
