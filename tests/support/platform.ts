import { startDevIssuer, type DevIssuer } from '@gov/auth';
import type { SubjectSpace } from '@gov/contracts';
import { startTestService, testNatsUrl, uniqueSpace, cleanupSpace, type TestService } from '@gov/testing';
import { documentsService } from '../../services/documents/src/service.js';
import { supervisionService } from '../../services/supervision/src/service.js';
import { startGateway, type Gateway } from '../../gateway/src/app.js';

/**
 * A slice of the platform for end-to-end tests: the development token issuer, the documents and supervision
 * services on fresh databases, and the gateway, all on the test's own NATS namespace.
 */
export interface TestPlatform {
  issuer: DevIssuer;
  space: SubjectSpace;
  documents: TestService;
  supervision: TestService;
  gateway: Gateway;
  stop(): Promise<void>;
}

export async function startTestPlatform(options: { natsUrl?: string } = {}): Promise<TestPlatform> {
  const natsUrl = options.natsUrl ?? testNatsUrl();
  const space = uniqueSpace();
  const issuer = await startDevIssuer({ port: 0 });
  const [documents, supervision] = await Promise.all([
    startTestService(documentsService, { space, natsUrl }),
    startTestService(supervisionService, { space, natsUrl }),
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
    gateway,
    async stop() {
      await gateway.stop();
      await Promise.all([documents.stop(), supervision.stop()]);
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
