import KeycloakConnect from 'keycloak-connect';
import { GovError } from '@gov/contracts';
import { actorFromClaims, type Actor } from '../actor.js';

export interface KeycloakTokenVerifierOptions {
  /** Keycloak base URL without /realms, e.g. http://127.0.0.1:8080. */
  url: string;
  /** Realm name, e.g. 'gov-office'. */
  realm: string;
  /** The resource-server client, e.g. 'gov-gateway'. */
  clientId: string;
  /** Client secret; only used by keycloak-connect for calls this verifier never makes. */
  secret?: string;
  /**
   * Seconds keycloak-connect waits between two JWKS downloads (when a token names a key id it has not
   * cached, e.g. after Keycloak rotated its keys). keycloak-connect's default is 10; it treats 0 as
   * "use the default".
   */
  minTimeBetweenJwksRequests?: number;
  /** Give up waiting for the realm's JWKS after this many milliseconds (default 5000). */
  jwksTimeoutMs?: number;
  /**
   * Called with the internal reason whenever a token is refused, for logs. The GovError thrown to the
   * caller carries only a short reason.
   */
  onReject?: (info: { reason: RejectReason; detail: string }) => void;
}

export type RejectReason =
  | 'missing'
  | 'not-bearer'
  | 'malformed'
  | 'expired'
  | 'signature'
  | 'unknown-key'
  | 'keys-unavailable'
  | 'issuer'
  | 'type'
  | 'audience'
  | 'not-before'
  | 'claims'
  | 'rejected';

const MESSAGES: Record<RejectReason, string> = {
  missing: 'missing bearer token',
  'not-bearer': 'authorization is not a bearer token',
  malformed: 'malformed token',
  expired: 'token expired',
  signature: 'token signature invalid',
  'unknown-key': 'token signed by an unknown key',
  'keys-unavailable': 'signing keys unavailable',
  issuer: 'token issuer not trusted',
  type: 'not an access token',
  audience: 'token audience not accepted',
  'not-before': 'token no longer valid',
  claims: 'token claims incomplete',
  rejected: 'token rejected',
};

/** The parts of keycloak-connect's GrantManager and Rotation this verifier uses (not all are typed). */
interface GrantManagerInternals {
  realmUrl: string;
  createGrant(rawData: string): Promise<{ access_token?: { content?: Record<string, unknown> } }>;
  rotation: {
    jwks: Array<{ kid?: string }>;
    lastTimeRequesTime: number;
    minTimeBetweenJwksRequests: number;
    getJWK(kid: string): Promise<unknown> | undefined;
  };
}

const MAX_TOKEN_LENGTH = 16 * 1024;
const BEARER = /^Bearer +([A-Za-z0-9_\-.]+)$/i;

class Rejection extends Error {
  constructor(
    readonly reason: RejectReason,
    readonly detail: string,
  ) {
    super(detail);
  }
}

function decodeSegment(segment: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(segment)) throw new Rejection('malformed', 'segment is not base64url');
  return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
}

/** Maps keycloak-connect's validation messages to a reason. */
function classify(message: string): RejectReason {
  if (message.includes('(expired)')) return 'expired';
  if (message.includes('signature)')) return 'signature';
  if (message.includes('wrong ISS')) return 'issuer';
  if (message.includes('wrong type')) return 'type';
  if (message.includes('audience')) return 'audience';
  if (message.includes('stale token')) return 'not-before';
  if (message.includes('not signed')) return 'malformed';
  if (message.includes('failed to load public key')) return 'unknown-key';
  return 'rejected';
}

/**
 * Verifies Keycloak bearer access tokens offline with keycloak-connect's own GrantManager, configured
 * bearer-only: signature checked (RSA-SHA256) against the realm's JWKS, which keycloak-connect's
 * Rotation downloads once from `<realm>/protocol/openid-connect/certs` and caches by key id; `exp`,
 * `typ` = Bearer and `iss` = realm URL checked by GrantManager.validateToken. No request goes to Keycloak
 * per token (no introspection), only a JWKS download when a token names a key id not yet cached.
 *
 * Additions around keycloak-connect: the token's shape and `alg` are checked first; the first JWKS
 * download is shared by concurrent requests (keycloak-connect alone would start one per request until
 * the first finishes); a key id still unknown after a download is refused without waiting for
 * keycloak-connect's throttle (which would log to the console); a token without `exp` is refused
 * (keycloak-connect treats it as never expiring).
 */
export class KeycloakTokenVerifier {
  private readonly manager: GrantManagerInternals;
  private readonly jwksTimeoutMs: number;
  private readonly onReject: KeycloakTokenVerifierOptions['onReject'];
  private keyDownload: Promise<void> | null = null;

  constructor(options: KeycloakTokenVerifierOptions) {
    const config = {
      realm: options.realm,
      'auth-server-url': options.url.replace(/\/+$/, ''),
      resource: options.clientId,
      credentials: options.secret === undefined ? {} : { secret: options.secret },
      'bearer-only': true,
      'ssl-required': 'external',
      'confidential-port': 0,
      'min-time-between-jwks-requests': options.minTimeBetweenJwksRequests ?? 10,
    };
    const keycloak = new KeycloakConnect({}, config as KeycloakConnect.KeycloakConfig);
    this.manager = keycloak.grantManager as unknown as GrantManagerInternals;
    this.jwksTimeoutMs = options.jwksTimeoutMs ?? 5000;
    this.onReject = options.onReject;
  }

  /** The issuer (`iss`) tokens must carry: `<url>/realms/<realm>`. */
  get realmUrl(): string {
    return this.manager.realmUrl;
  }

  /** Verifies `Authorization: Bearer <token>` and returns the actor; GovError UNAUTHENTICATED otherwise. */
  async verify(authorizationHeader: string | undefined): Promise<Actor> {
    try {
      return await this.verifyOrReject(authorizationHeader);
    } catch (err) {
      const rejection =
        err instanceof Rejection
          ? err
          : err instanceof GovError && err.code === 'UNAUTHENTICATED'
            ? new Rejection('claims', err.message)
            : new Rejection('rejected', err instanceof Error ? err.message : String(err));
      this.onReject?.({ reason: rejection.reason, detail: rejection.detail });
      throw new GovError('UNAUTHENTICATED', MESSAGES[rejection.reason], { reason: rejection.reason });
    }
  }

  private async verifyOrReject(authorizationHeader: string | undefined): Promise<Actor> {
    if (authorizationHeader === undefined || authorizationHeader.trim() === '') {
      throw new Rejection('missing', 'no authorization header');
    }
    const match = BEARER.exec(authorizationHeader.trim());
    if (!match) throw new Rejection('not-bearer', 'authorization header is not "Bearer <jwt>"');
    const token = match[1]!;
    if (token.length > MAX_TOKEN_LENGTH) throw new Rejection('malformed', 'token too long');

    const parts = token.split('.');
    if (parts.length !== 3 || parts.some((p) => p.length === 0)) {
      throw new Rejection('malformed', 'token is not a signed JWT');
    }
    let header: unknown;
    let payload: unknown;
    try {
      header = decodeSegment(parts[0]!);
      payload = decodeSegment(parts[1]!);
    } catch (err) {
      throw err instanceof Rejection ? err : new Rejection('malformed', 'token segments are not JSON');
    }
    if (typeof header !== 'object' || header === null || typeof payload !== 'object' || payload === null) {
      throw new Rejection('malformed', 'token header or payload is not an object');
    }
    const { alg, kid } = header as { alg?: unknown; kid?: unknown };
    // keycloak-connect verifies every token as RSA-SHA256 whatever the header says; say so explicitly.
    if (alg !== 'RS256') throw new Rejection('signature', `unsupported alg ${String(alg)}`);
    if (typeof kid !== 'string' || kid.length === 0) throw new Rejection('unknown-key', 'token header has no kid');

    await this.ensureKey(kid);

    let content: Record<string, unknown> | undefined;
    try {
      const grant = await this.manager.createGrant(JSON.stringify({ access_token: token }));
      content = grant.access_token?.content;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      throw new Rejection(classify(message), message);
    }
    if (!content) throw new Rejection('rejected', 'grant has no access token');
    if (typeof content['exp'] !== 'number') throw new Rejection('claims', 'token has no numeric exp');
    return actorFromClaims(content);
  }

  /**
   * Makes sure keycloak-connect's Rotation has the key `kid` cached, downloading the JWKS (through
   * Rotation.getJWK, once for all concurrent callers) when it is missing and the throttle allows.
   */
  private async ensureKey(kid: string): Promise<void> {
    const rotation = this.manager.rotation;
    const cached = () => rotation.jwks.some((k) => k.kid === kid);
    if (cached()) return;
    if (this.keyDownload) {
      await this.keyDownload;
      if (cached()) return;
    }
    const now = Date.now() / 1000;
    if (now <= rotation.lastTimeRequesTime + rotation.minTimeBetweenJwksRequests) {
      throw new Rejection('unknown-key', `kid ${kid} not in the realm's keys`);
    }
    if (!this.keyDownload) {
      this.keyDownload = this.download(kid).finally(() => {
        this.keyDownload = null;
      });
    }
    await this.keyDownload;
    if (!cached()) throw new Rejection('unknown-key', `kid ${kid} not in the realm's keys`);
  }

  /**
   * One JWKS download through keycloak-connect's Rotation. Resolves when the keys were downloaded
   * (whether or not they contain `kid`); rejects with 'keys-unavailable' when the download failed.
   */
  private async download(kid: string): Promise<void> {
    const rotation = this.manager.rotation;
    const lastDownload = rotation.lastTimeRequesTime;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`JWKS not received within ${this.jwksTimeoutMs} ms`)), this.jwksTimeoutMs);
    });
    try {
      // getJWK downloads the JWKS, caches all its keys, then converts the one for `kid`; that conversion
      // throws when `kid` is not among them, which ensureKey reports as an unknown key.
      await Promise.race([rotation.getJWK(kid), timeout]);
    } catch (err) {
      if (rotation.lastTimeRequesTime === lastDownload) {
        throw new Rejection('keys-unavailable', err instanceof Error ? err.message : String(err));
      }
    } finally {
      clearTimeout(timer);
    }
  }
}
