import type { NatsConnection } from '@nats-io/transport-node';
import { fixedClock } from '@gov/calendar';
import { meetings, supervision, type SubjectSpace } from '@gov/contracts';
import { RpcClient } from '@gov/messaging';
import { cleanupSpace, connectTestNats, eventually, publishTestEvent, readEventStream, startTestService, testActor, uniqueSpace, type TestService } from '@gov/testing';
import { supervisionService } from '../service.js';

/**
 * SCENARIOS.md seed000-b #3 (seed 000 L640(2)): 督查室 follows up the matters of a research trip's
 * 《督办事项交办单》. gov.meetings.research-trip.supervision-form-issued opens one proposed item per matter, keyed
 * `research-trip-form:<formId>/matter:<n>`, exactly once even when the event arrives twice under two ids.
 */

// Wednesday 11 March 2026, 10:00 Beijing time.
const NOW = new Date('2026-03-11T02:00:00Z');
const supervisor = testActor('supervisor');
const director = testActor('director');

let space: SubjectSpace;
let service: TestService;
let nc: NatsConnection;
let rpc: RpcClient;

beforeAll(async () => {
  space = uniqueSpace();
  service = await startTestService(supervisionService, { space, clock: fixedClock(NOW) });
  nc = await connectTestNats();
  rpc = new RpcClient(nc, space);
});

afterAll(async () => {
  await nc?.close();
  await service?.stop();
  await cleanupSpace(space);
});

function consumer(durable: string) {
  const c = service.runtime.consumers.find((x) => (x as unknown as { spec: { durable: string } }).spec.durable === durable);
  if (!c) throw new Error(`no consumer ${durable}`);
  return c;
}

describe('SCENARIOS seed000-b #3: 立项 from a research trip’s 《督办事项交办单》 (gov.meetings.research-trip.supervision-form-issued)', () => {
  it('one proposed item per matter; the same form published twice under two ids opens no more', async () => {
    const form = {
      formId: crypto.randomUUID(),
      leaderId: 'leader-district-head',
      place: '东湖街道',
      endedAt: '2026-03-09T09:30:00.000Z',
      dueAt: '2026-03-10T09:00:00.000Z',
      late: true,
      issuedAt: '2026-03-11T01:00:00.000Z',
      issuedBy: crypto.randomUUID(),
      matters: [
        { matterNo: 1, matter: '加快推进东湖片区老旧小区改造方案编制', leadUnit: 'QZJJ', coUnits: ['QCZJ'], dueOn: '2026-04-30' },
        { matterNo: 2, matter: '研究解决社区养老服务用房问题', leadUnit: 'QMZJ', coUnits: [], dueOn: null },
      ],
    };
    const c = consumer('supervision-intake-research-trips');
    const handled = c.handled;
    const first = await publishTestEvent(nc, space, meetings.researchTripSupervisionFormIssued, form);
    const again = await publishTestEvent(nc, space, meetings.researchTripSupervisionFormIssued, form, { id: crypto.randomUUID() });
    expect(again.id).not.toBe(first.id);
    await eventually(() => (c.handled >= handled + 2 ? true : undefined));

    const items = await service.runtime.db.$queryRawUnsafe<
      { id: string; state: string; origin_key: string; title: string; content: string; source_kind: string; needs_separate_notice: boolean; item_class: string }[]
    >(
      `SELECT id, state, origin_key, title, content, source_kind, needs_separate_notice, item_class FROM supervision_item WHERE origin_key LIKE $1 ORDER BY origin_key`,
      `research-trip-form:${form.formId}/%`,
    );
    expect(items.map((i) => [i.origin_key, i.state, i.source_kind, i.content, i.needs_separate_notice, i.item_class])).toEqual([
      [`research-trip-form:${form.formId}/matter:1`, 'proposed', 'research-trip', form.matters[0]!.matter, false, 'routine'],
      // no due date on the form: 督查室 sends its own 督查通知 (seed 004 L205)
      [`research-trip-form:${form.formId}/matter:2`, 'proposed', 'research-trip', form.matters[1]!.matter, true, 'routine'],
    ]);
    expect(items[0]!.title).toBe('调研督办事项（东湖街道调研 第1项）');

    await service.runtime.relay.drain();
    const created = (await readEventStream(nc, space)).filter((e) => e.envelope.type === supervision.itemCreated.type && items.some((i) => i.id === e.envelope.subject));
    expect(created.map((e) => (e.envelope.data as { sourceKind: string }).sourceKind)).toEqual(['research-trip', 'research-trip']);

    // The director admits it like any item; 交办 takes the due date the form named.
    const item = await rpc.request(supervision.getItem, { id: items[0]!.id }, { actor: supervisor });
    expect(item).toMatchObject({ sourceKind: 'research-trip', sourceReference: '东湖街道调研《督办事项交办单》第1项' });
    await rpc.request(supervision.admitItem, { id: item.id }, { actor: director });
    const assigned = await rpc.request(supervision.assignItem, { id: item.id, leadUnit: 'QZJJ', coUnits: ['QCZJ'], responsiblePerson: '李建国' }, { actor: supervisor });
    expect(assigned).toMatchObject({ state: 'assigned', dueOn: '2026-04-30', dueSetBy: 'source' });
  });
});
