import { startDevIssuer, type DevIssuer } from '@gov/auth';
import type { SubjectSpace } from '@gov/contracts';
import { startTestService, testNatsUrl, uniqueSpace, cleanupSpace, type TestService } from '@gov/testing';
import { documentsService } from '../../services/documents/src/service.js';
import { supervisionService } from '../../services/supervision/src/service.js';
import { meetingsService } from '../../services/meetings/src/service.js';
import { legalReviewService } from '../../services/legal-review/src/service.js';
import { startGateway, type Gateway } from '../../gateway/src/app.js';

/**
 * A slice of the platform for end-to-end tests: the development token issuer, the documents, meetings,
 * supervision and legal-review services on fresh databases, and the gateway, all on the test's own NATS
 * namespace.
 */
export interface TestPlatform {
  issuer: DevIssuer;
  space: SubjectSpace;
  documents: TestService;
  supervision: TestService;
  meetings: TestService;
  legalReview: TestService;
  gateway: Gateway;
  stop(): Promise<void>;
}

export async function startTestPlatform(options: { natsUrl?: string } = {}): Promise<TestPlatform> {
  const natsUrl = options.natsUrl ?? testNatsUrl();
  const space = uniqueSpace();
  const issuer = await startDevIssuer({ port: 0 });
  const [documents, supervision, meetings, legalReview] = await Promise.all([
    startTestService(documentsService, { space, natsUrl }),
    startTestService(supervisionService, { space, natsUrl }),
    startTestService(meetingsService, { space, natsUrl }),
    startTestService(legalReviewService, { space, natsUrl }),
  ]);
  const gateway = await startGateway({
    env: {
      PORT: '0',
      NATS_URL: natsUrl,
      NATS_NAMESPACE: space.namespace,
      KEYCLOAK_URL: issuer.url,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    },
  });
  return {
    issuer,
    space,
    documents,
    supervision,
    meetings,
    legalReview,
    gateway,
    async stop() {
      await gateway.stop();
      await Promise.all([documents.stop(), supervision.stop(), meetings.stop(), legalReview.stop()]);
      await issuer.close();
      await cleanupSpace(space, natsUrl);
    },
  };
}

/** Password grant through the public client gov-web, as a front end logs in. */
export async function login(issuer: DevIssuer, username: string, password = 'demo'): Promise<string> {
  const res = await fetch(`${issuer.realmUrl}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'gov-web', username, password }),
  });
  if (!res.ok) throw new Error(`login of ${username} failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** A logged-in demo user as the tests act with it: the token, and the id and name the platform records. */
export interface TestUser {
  token: string;
  id: string;
  name: string;
}

/** The claims of a token (no verification: the gateway does that). */
export function claimsOf(token: string): { sub: string; given_name?: string; family_name?: string; preferred_username: string } {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
}

/** Logs a demo user in and reads its id and display name (family + given name, as the Actor has it). */
export async function loginUser(issuer: DevIssuer, username: string): Promise<TestUser> {
  const token = await login(issuer, username);
  const c = claimsOf(token);
  return { token, id: c.sub, name: c.family_name && c.given_name ? `${c.family_name}${c.given_name}` : c.preferred_username };
}

export interface GraphqlResult<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
  headers: Headers;
}

export async function graphql<T = Record<string, any>>(
  gateway: Gateway,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  extraHeaders: Record<string, string> = {},
): Promise<GraphqlResult<T>> {
  const res = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...extraHeaders,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T | null; errors?: GraphqlResult['errors'] };
  return { status: res.status, headers: res.headers, ...body };
}

export function errorCode(result: GraphqlResult): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}

export { uniqueSpace };

/**
 * A GraphQL subscription over graphql-ws, as a front end opens one: the token goes in connection_init's
 * payload. `next()` waits for the next result (or fails after `timeoutMs`); `close()` ends it.
 */
export async function subscribe<T = Record<string, any>>(
  gateway: Gateway,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<{ next(timeoutMs?: number): Promise<GraphqlResult<T>>; close(): Promise<void> }> {
  const { createClient } = await import('graphql-ws');
  const { WebSocket } = await import('ws');
  const client = createClient({
    url: `${gateway.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
  });
  const connected = new Promise<void>((resolve, reject) => {
    client.on('connected', () => resolve());
    client.on('closed', (event) => reject(new Error(`socket closed: ${(event as { code?: number }).code}`)));
  });
  const iterator = client.iterate<T>({ query, variables });
  await connected;
  return {
    async next(timeoutMs = 10_000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no subscription result within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        const result = await Promise.race([iterator.next(), timeout]);
        if (result.done) throw new Error('subscription ended');
        return { status: 200, headers: new Headers(), ...(result.value as { data?: T | null; errors?: GraphqlResult['errors'] }) };
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await iterator.return?.();
      await client.dispose();
    },
  };
}
