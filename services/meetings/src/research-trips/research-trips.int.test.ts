import type { NatsConnection } from '@nats-io/transport-node';
import { meetings, type SubjectSpace } from '@gov/contracts';
import { RpcClient } from '@gov/messaging';
import { cleanupSpace, connectTestNats, readEventStream, refusalOf, startTestService, testActor, uniqueSpace, type TestService } from '@gov/testing';
import { meetingsService } from '../service.js';

/**
 * SCENARIOS.md seed000-b #3 over NATS (seed 000 L640(2)): after a leader's research trip the accompanying section
 * issues the 《督办事项交办单》 within 1 working day; one issued later is recorded and flagged late (DB6), and
 * gov.meetings.research-trip.supervision-form-issued carries one item per matter, numbered from 1.
 */
let current = new Date('2026-03-10T02:00:00Z');
const clock = { now: () => new Date(current.getTime()) };
const at = (beijing: string) => {
  current = new Date(`${beijing.replace(' ', 'T')}:00+08:00`);
};
const bj = (beijing: string) => new Date(`${beijing.replace(' ', 'T')}:00+08:00`).toISOString();

const clerk = testActor('clerk');
const chief = testActor('section-chief');
const supervisor = testActor('supervisor');

let space: SubjectSpace;
let service: TestService;
let nc: NatsConnection;
let rpc: RpcClient;

beforeAll(async () => {
  space = uniqueSpace();
  service = await startTestService(meetingsService, { space, clock });
  nc = await connectTestNats();
  rpc = new RpcClient(nc, space);
});

afterAll(async () => {
  await nc?.close();
  await service?.stop();
  await cleanupSpace(space);
});

// A trip that ended on Monday 9 March 2026 at 17:30 Beijing time.
const trip = {
  leaderId: 'leader-district-head',
  place: '东湖街道',
  endedAt: bj('2026-03-09 17:30'),
  matters: [
    { matter: '加快推进东湖片区老旧小区改造方案编制', leadUnit: 'QZJJ', coUnits: ['QCZJ'], dueOn: '2026-04-30' },
    { matter: '研究解决社区养老服务用房问题', leadUnit: 'QMZJ' },
  ],
};

async function formRow(id: string) {
  const [row] = await service.runtime.db.$queryRawUnsafe<{ late: boolean; due_date: string; due_at: Date; matters: unknown; history: { action: string }[] }[]>(
    `SELECT late, due_date, due_at, matters, history FROM research_trip_form WHERE id = $1::uuid`,
    id,
  );
  return row!;
}

async function eventsOf(formId: string) {
  await service.runtime.relay.drain();
  return (await readEventStream(nc, space)).filter((e) => e.envelope.type === meetings.researchTripSupervisionFormIssued.type && e.envelope.subject === formId);
}

async function auditOf(formId: string) {
  return service.runtime.db.$queryRawUnsafe<{ action: string; details: { late: boolean } }[]>(
    `SELECT action, details FROM audit_log WHERE entity_type = 'research-trip-form' AND entity_id = $1`,
    formId,
  );
}

describe('SCENARIOS seed000-b #3: the 《督办事项交办单》 after a research trip (seed 000 L640(2))', () => {
  it('a trip ended Monday 9 March 17:30 → due Tuesday 10 March 17:00; issued Tuesday morning it is on time, with one event item per matter numbered from 1', async () => {
    at('2026-03-10 10:00');
    const form = await rpc.request(meetings.issueResearchTripSupervisionForm, trip, { actor: clerk });
    expect(form).toMatchObject({ dueDate: '2026-03-10', dueAt: bj('2026-03-10 17:00'), late: false, issuedBy: clerk.id });
    expect(form.matters.map((m) => [m.matterNo, m.leadUnit, m.coUnits, m.dueOn])).toEqual([
      [1, 'QZJJ', ['QCZJ'], '2026-04-30'],
      [2, 'QMZJ', [], null],
    ]);
    const row = await formRow(form.id);
    expect(row).toMatchObject({ late: false, due_date: '2026-03-10' });
    expect(row.due_at.toISOString()).toBe(bj('2026-03-10 17:00'));
    expect(row.history.map((h) => h.action)).toEqual(['issue']);
    expect(await auditOf(form.id)).toEqual([{ action: 'research-trip.issue-supervision-form', details: expect.objectContaining({ late: false, matters: 2 }) }]);

    const events = await eventsOf(form.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.envelope.data).toMatchObject({
      formId: form.id,
      leaderId: 'leader-district-head',
      late: false,
      dueAt: bj('2026-03-10 17:00'),
      matters: [
        { matterNo: 1, leadUnit: 'QZJJ', coUnits: ['QCZJ'], dueOn: '2026-04-30' },
        { matterNo: 2, leadUnit: 'QMZJ', coUnits: [], dueOn: null },
      ],
    });
  });

  it('issued on Wednesday 11 March, after the due instant: recorded and flagged late, not refused (DB6)', async () => {
    at('2026-03-11 09:00');
    const form = await rpc.request(meetings.issueResearchTripSupervisionForm, trip, { actor: chief });
    expect(form).toMatchObject({ dueAt: bj('2026-03-10 17:00'), late: true });
    expect((await formRow(form.id)).late).toBe(true);
    expect(await auditOf(form.id)).toEqual([{ action: 'research-trip.issue-supervision-form', details: expect.objectContaining({ late: true }) }]);
    const events = await eventsOf(form.id);
    expect(events.map((e) => (e.envelope.data as { late: boolean }).late)).toEqual([true]);
  });

  it('refuses: another role (FORBIDDEN), a trip not yet ended or no matters (BAD_USER_INPUT); nothing is written', async () => {
    at('2026-03-10 10:00');
    const count = async () => Number((await service.runtime.db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM research_trip_form`))[0]!.n);
    const before = await count();
    expect((await refusalOf(rpc.request(meetings.issueResearchTripSupervisionForm, trip, { actor: supervisor }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(rpc.request(meetings.issueResearchTripSupervisionForm, { ...trip, endedAt: bj('2026-03-10 18:00') }, { actor: clerk }))).code).toBe('BAD_USER_INPUT');
    expect((await refusalOf(rpc.request(meetings.issueResearchTripSupervisionForm, { ...trip, matters: [] }, { actor: clerk }))).code).toBe('BAD_USER_INPUT');
    expect(await count()).toBe(before);
  });
});
