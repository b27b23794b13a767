import type { NatsConnection } from '@nats-io/transport-node';
import { fixedClock } from '@gov/calendar';
import { documents, legalReview, meetings, type SubjectSpace } from '@gov/contracts';
import { RpcClient } from '@gov/messaging';
import {
  cleanupSpace, connectTestNats, eventually, publishTestEvent, readEventStream, refusalOf, startTestService, testActor, uniqueSpace, type TestService,
} from '@gov/testing';
import { legalReviewService } from '../service.js';

const NOW = new Date('2026-03-02T02:00:00Z');
const officer = testActor('legal-officer');
const clerk = testActor('clerk');
const director = testActor('director');

let space: SubjectSpace;
let service: TestService;
let nc: NatsConnection;
let rpc: RpcClient;

beforeAll(async () => {
  space = uniqueSpace();
  service = await startTestService(legalReviewService, { space, clock: fixedClock(NOW) });
  nc = await connectTestNats();
  rpc = new RpcClient(nc, space);
});

afterAll(async () => {
  await nc?.close();
  await service?.stop();
  await cleanupSpace(space);
});

const request = (id: string, subjectId: string, section: 'documents' | 'meetings' = 'documents') => ({
  requestId: id,
  subject: { section, kind: section === 'documents' ? ('outgoing' as const) : ('topic' as const), id: subjectId },
  title: section === 'documents' ? '关于印发《区行政规范性文件管理办法》的通知' : '老旧小区改造实施方案',
  grounds: ['normative-document' as const],
  // the meetings request comes an hour later: the queue is oldest first
  requestedAt: section === 'documents' ? '2026-03-01T02:00:00.000Z' : '2026-03-01T03:00:00.000Z',
  requestedBy: '4c1c8d53-0c4e-4d8f-9a55-1f2f7a0a3c11',
});

async function queued(): Promise<legalReview.LegalReviewView[]> {
  return (await rpc.request(legalReview.listReviews, { state: 'requested' }, { actor: officer })).items;
}

describe('legal review (合法性审查) over NATS against a real database', () => {
  it('queues requests from documents and meetings once each, however often they are delivered', async () => {
    const docRequest = request('11111111-1111-4111-8111-111111111111', '21111111-1111-4111-8111-111111111111');
    await publishTestEvent(nc, space, documents.outgoingLegalReviewRequested, docRequest);
    // the same request published again under a new envelope id: a second delivery of the same fact
    await publishTestEvent(nc, space, documents.outgoingLegalReviewRequested, docRequest);
    await publishTestEvent(nc, space, meetings.topicLegalReviewRequested, request('31111111-1111-4111-8111-111111111111', '41111111-1111-4111-8111-111111111111', 'meetings'));
    const items = await eventually(async () => {
      const q = await queued();
      return q.length === 2 ? q : undefined;
    });
    expect(items.map((r) => [r.subject.section, r.subject.kind, r.state])).toEqual([
      ['documents', 'outgoing', 'requested'],
      ['meetings', 'topic', 'requested'],
    ]);
    const inbox = await service.runtime.db.$queryRawUnsafe<{ n: bigint }[]>('SELECT count(*) n FROM inbox');
    expect(Number(inbox[0]!.n)).toBe(3);
  });

  it('concludes with a numbered opinion and the concluded event; a failed opinion needs its reason', async () => {
    const [review] = await queued();
    const noReason = await refusalOf(rpc.request(legalReview.concludeReview, { id: review!.id, outcome: 'failed' }, { actor: officer }));
    expect(noReason.code).toBe('BAD_USER_INPUT');
    expect((await rpc.request(legalReview.getReview, { id: review!.id }, { actor: officer })).state).toBe('requested');

    const byClerk = await refusalOf(rpc.request(legalReview.concludeReview, { id: review!.id, outcome: 'passed' }, { actor: clerk }));
    expect(byClerk.code).toBe('FORBIDDEN');

    const done = await rpc.request(legalReview.concludeReview, { id: review!.id, outcome: 'failed', summary: '设定行政许可超越权限' }, { actor: officer });
    expect(done).toMatchObject({ state: 'concluded', outcome: 'failed', opinionNumber: '法审〔2026〕1号', summary: '设定行政许可超越权限' });

    const again = await refusalOf(rpc.request(legalReview.concludeReview, { id: review!.id, outcome: 'passed' }, { actor: officer }));
    expect(again.code).toBe('CONFLICT');

    const events = await eventually(async () => {
      const all = (await readEventStream(nc, space)).filter((e) => e.envelope.type === legalReview.reviewConcluded.type);
      return all.length ? all : undefined;
    });
    expect(events).toHaveLength(1);
    expect(events[0]!.envelope.data).toMatchObject({
      reviewId: review!.id,
      requestId: review!.requestId,
      subject: review!.subject,
      outcome: 'failed',
      opinionNumber: '法审〔2026〕1号',
    });
  });

  it('lets the director read the queue but not a clerk; an unknown id is NOT_FOUND', async () => {
    expect((await rpc.request(legalReview.listReviews, {}, { actor: director })).total).toBe(2);
    expect((await refusalOf(rpc.request(legalReview.listReviews, {}, { actor: clerk }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(rpc.request(legalReview.getReview, { id: '51111111-1111-4111-8111-111111111111' }, { actor: officer }))).code).toBe('NOT_FOUND');
  });
});
