import { randomUUID } from 'node:crypto';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Clock } from '@gov/calendar';
import { supervision, type SubjectSpace } from '@gov/contracts';
import { RpcClient } from '@gov/messaging';
import { verifyAuditChain } from '@gov/persistence';
import { cleanupSpace, connectTestNats, readEventStream, refusalOf, startTestService, testActor, uniqueSpace, type TestService } from '@gov/testing';
import { supervisionService } from '../service.js';

/**
 * Scoring over NATS against a real database (issue 5 §6): sections and staff (seed 002 L39–48; SCENARIOS
 * seed002 #8–#11) and units on supervision items (on time, late, sent back; defaults in scoring.settings.ts).
 */
const clock: Clock & { at: Date } = { at: new Date('2026-06-27T02:00:00Z'), now: () => new Date(clock.at) };
const on = (day: string) => { clock.at = new Date(`${day}T02:00:00Z`); };

const supervisor = testActor('supervisor');
const director = testActor('director');
const auditor = testActor('auditor');
const clerk = testActor('clerk');
const liaison = testActor('unit-liaison', { id: '00000000-0000-4000-8000-0000000000b1', unit: 'QZJJ' });

let space: SubjectSpace;
let service: TestService;
let nc: NatsConnection;
let rpc: RpcClient;

const record = (input: supervision.RecordScoreInput, actor = supervisor) => rpc.request(supervision.recordScore, input, { actor });
const entries = async () => Number((await service.runtime.db.$queryRawUnsafe<{ n: bigint }[]>('SELECT count(*) n FROM score_entry'))[0]!.n);

beforeAll(async () => {
  space = uniqueSpace();
  service = await startTestService(supervisionService, { space, clock });
  nc = await connectTestNats();
  rpc = new RpcClient(nc, space);
  on('2026-06-27');
  await rpc.request(supervision.recordPosting, { personId: 'staff-x', sectionId: 'zonghe', from: '2026-01-01' }, { actor: supervisor });
});

afterAll(async () => {
  await nc?.close();
  await service?.stop();
  await cleanupSpace(space);
});

describe('section and staff scoring (seed 002 W5) over NATS against a real database', () => {
  it('SCENARIOS seed002 #8: X = 100 − 1 − 1 − 3 + 3 = 98 in a quarter, and the same deltas go to X\'s section', async () => {
    on('2026-06-27');
    const evidence = { evidenceSubmittedOn: '2026-06-26', signedByCadreInCharge: true };
    const late = await record({ code: 'late-or-early-leave', count: 2, on: '2026-04-08', personId: 'staff-x', ...evidence });
    expect(late).toMatchObject({ points: -2, sectionId: 'zonghe', quarter: 2, evidenceStatus: 'on-time', seed: 'seed 002 L42', zh: '迟到、早退' });
    await record({ code: 'absent-full-day', on: '2026-05-11', personId: 'staff-x', ...evidence });
    const commended = await record({ code: 'municipal-commendation', on: '2026-06-02', personId: 'staff-x', ...evidence });
    expect(commended.points).toBe(3);

    const person = await rpc.request(supervision.personScore, { personId: 'staff-x', year: 2026 }, { actor: director });
    expect(person).toMatchObject({ base: 100, score: 98 });
    expect(person.entries.map((e) => [e.code, e.points])).toEqual([
      ['late-or-early-leave', -2],
      ['absent-full-day', -3],
      ['municipal-commendation', 3],
    ]);
    const section = await rpc.request(supervision.sectionScore, { sectionId: 'zonghe', year: 2026 }, { actor: auditor });
    expect(section).toMatchObject({ sectionId: 'zonghe', base: 100, score: 98, postings: [{ personId: 'staff-x', from: '2026-01-01', to: null }] });

    await service.runtime.relay.drain();
    const events = (await readEventStream(nc, space)).filter((e) => e.envelope.subject === late.id);
    expect(events.map((e) => e.envelope.type)).toEqual(['gov.supervision.score.recorded']);
    expect(events[0]!.envelope.data).toMatchObject({ code: 'late-or-early-leave', points: -2, sectionId: 'zonghe', personId: 'staff-x', evidenceStatus: 'on-time' });
    expect((await verifyAuditChain(service.runtime.db)).ok).toBe(true);
  });

  it('SCENARIOS seed002 #10: Q2 evidence on 29 June is refused (DEADLINE_RULE), on the 28th too (decision), the 27th is in time; unsigned is refused', async () => {
    on('2026-06-30');
    const before = await entries();
    const base = { code: 'phone-off', on: '2026-06-10', sectionId: 'mishu', signedByCadreInCharge: true };
    const on29 = await refusalOf(record({ ...base, evidenceSubmittedOn: '2026-06-29' }));
    expect(on29.code).toBe('DEADLINE_RULE');
    expect(on29.details).toMatchObject({ submittedOn: '2026-06-29', latest: '2026-06-27' });
    expect((await refusalOf(record({ ...base, evidenceSubmittedOn: '2026-06-28' }))).code).toBe('DEADLINE_RULE');
    const unsigned = await refusalOf(record({ ...base, evidenceSubmittedOn: '2026-06-20', signedByCadreInCharge: false }));
    expect(unsigned.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(unsigned.details)).toContain('signedByCadreInCharge');
    expect(await entries()).toBe(before);
    expect(await record({ ...base, evidenceSubmittedOn: '2026-06-27' })).toMatchObject({ evidenceStatus: 'on-time', points: -1, sectionId: 'mishu' });
  });

  it('SCENARIOS seed002 #9: a matter assigned on Friday and still open after Tuesday (2 working days) is one error, −2, with the leader\'s criticism', async () => {
    on('2026-06-27');
    // Friday 5 June 2026: due Tuesday 9 June (Monday 8 and Tuesday 9 are the two working days).
    const input = { code: 'leader-assigned-matter-late', on: '2026-06-10', personId: 'staff-x', evidenceSubmittedOn: '2026-06-10', signedByCadreInCharge: true, criticisedByLeader: true, leaderMatter: { assignedOn: '2026-06-05' } };
    const before = await entries();
    const uncriticised = await refusalOf(record({ ...input, criticisedByLeader: false }));
    expect(uncriticised.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(uncriticised.details)).toContain('criticisedByLeader');
    // On Tuesday itself it is not late yet; done on Tuesday it never was.
    const notYet = await refusalOf(record({ ...input, on: '2026-06-09', evidenceSubmittedOn: '2026-06-09' }));
    expect(notYet.code).toBe('BAD_USER_INPUT');
    expect(notYet.details).toMatchObject({ field: 'leaderMatter', dueOn: '2026-06-09' });
    expect((await refusalOf(record({ ...input, leaderMatter: { assignedOn: '2026-06-05', doneOn: '2026-06-09' } }))).code).toBe('BAD_USER_INPUT');
    expect((await refusalOf(record({ ...input, leaderMatter: undefined }))).code).toBe('BAD_USER_INPUT');
    expect(await entries()).toBe(before);
    expect(await record(input)).toMatchObject({ points: -2, criticisedByLeader: true, sectionId: 'zonghe' });
    expect(await record({ ...input, leaderMatter: { assignedOn: '2026-06-05', doneOn: '2026-06-10' } })).toMatchObject({ points: -2 });
  });

  it('refuses an unknown item, a second once-a-year item, a future day, evidence before the event, a wrong section and a clerk', async () => {
    on('2026-06-27');
    const ok = { evidenceSubmittedOn: '2026-06-20', signedByCadreInCharge: true };
    const before = await entries();
    expect((await refusalOf(record({ code: 'sleeping-in', on: '2026-06-01', sectionId: 'yanjiu', ...ok }))).code).toBe('BAD_USER_INPUT');
    expect((await refusalOf(record({ code: 'phone-off', on: '2026-06-28', sectionId: 'yanjiu', ...ok }))).code).toBe('BAD_USER_INPUT');
    expect((await refusalOf(record({ code: 'phone-off', on: '2026-06-21', sectionId: 'yanjiu', ...ok }))).code).toBe('BAD_USER_INPUT');
    expect((await refusalOf(record({ code: 'phone-off', on: '2026-06-01', personId: 'staff-x', sectionId: 'yanjiu', ...ok }))).code).toBe('BAD_USER_INPUT');
    expect((await refusalOf(record({ code: 'phone-off', on: '2026-06-01', personId: 'nobody', ...ok }))).code).toBe('BAD_USER_INPUT');
    expect((await refusalOf(record({ code: 'annual-research-not-done', count: 2, on: '2026-06-01', sectionId: 'yanjiu', ...ok }))).code).toBe('BAD_USER_INPUT');
    expect((await refusalOf(record({ code: 'phone-off', on: '2026-06-01', sectionId: 'yanjiu', ...ok }, clerk))).code).toBe('FORBIDDEN');
    expect((await refusalOf(record({ code: 'phone-off', on: '2026-06-01', sectionId: 'yanjiu', ...ok }, liaison))).code).toBe('FORBIDDEN');
    expect(await entries()).toBe(before);

    await record({ code: 'annual-research-not-done', on: '2026-06-01', sectionId: 'yanjiu', ...ok });
    const twice = await refusalOf(record({ code: 'annual-research-not-done', on: '2026-06-15', sectionId: 'yanjiu', ...ok }, director));
    expect(twice.code).toBe('BAD_USER_INPUT');
    expect(await entries()).toBe(before + 1);
  });

  it('a transferred person\'s entries go to the section of the day (L45)', async () => {
    on('2026-09-20');
    await rpc.request(supervision.recordPosting, { personId: 'staff-y', sectionId: 'xingzheng', from: '2026-01-01' }, { actor: supervisor });
    const moved = await rpc.request(supervision.recordPosting, { personId: 'staff-y', sectionId: 'xinxi', from: '2026-07-01' }, { actor: director });
    expect(moved.postings).toEqual([
      { sectionId: 'xingzheng', from: '2026-01-01', to: '2026-06-30' },
      { sectionId: 'xinxi', from: '2026-07-01', to: null },
    ]);
    expect((await refusalOf(rpc.request(supervision.recordPosting, { personId: 'staff-y', sectionId: 'mishu', from: '2026-06-01' }, { actor: supervisor }))).code).toBe('CONFLICT');
    const q3 = await record({ code: 'missed-collective-activity', on: '2026-08-03', personId: 'staff-y', evidenceSubmittedOn: '2026-09-01', signedByCadreInCharge: true });
    expect(q3).toMatchObject({ sectionId: 'xinxi', quarter: 3 });
    const q2 = await refusalOf(record({ code: 'missed-collective-activity', on: '2026-06-03', personId: 'staff-y', evidenceSubmittedOn: '2026-09-01', signedByCadreInCharge: true }));
    expect(q2.code).toBe('DEADLINE_RULE');
  });

  it('SCENARIOS seed002 #11: the year-end ranking commends the top 3 and excludes the heads of the bottom 2, with tied sections included', async () => {
    on('2026-12-20');
    const ev = { evidenceSubmittedOn: '2026-12-20', signedByCadreInCharge: true };
    // With the sections of the tests above (zonghe 94, mishu 99, yanjiu 95, xingzheng 100, xinxi 99).
    for (const [sectionId, code, count] of [
      ['s-a', 'provincial-commendation', 1],
      ['s-b', 'municipal-commendation', 1],
      ['s-c', 'district-activity-commendation', 1],
      ['s-d', 'phone-off', 1],
      ['s-e', 'absent-full-day', 3],
      ['s-f', 'absent-full-day', 3],
    ] as const) {
      await record({ code, count, on: '2026-12-01', sectionId, ...ev });
    }
    const ranking = await rpc.request(supervision.yearEndRanking, { year: 2026 }, { actor: director });
    const by = new Map(ranking.sections.map((s) => [s.sectionId, s]));
    expect(by.get('s-a')).toMatchObject({ score: 105, rank: 1, commended: true, headExcludedFromAwards: false });
    expect(by.get('s-b')).toMatchObject({ score: 103, rank: 2, commended: true });
    expect(by.get('s-c')).toMatchObject({ score: 102, rank: 3, commended: true });
    // s-e and s-f tie at 91, the two lowest: both heads excluded.
    expect(by.get('s-e')).toMatchObject({ score: 91, commended: false, headExcludedFromAwards: true });
    expect(by.get('s-f')).toMatchObject({ score: 91, rank: by.get('s-e')!.rank, headExcludedFromAwards: true });
    expect(ranking.sections.filter((s) => s.commended).map((s) => s.sectionId)).toEqual(['s-a', 's-b', 's-c']);
    expect(ranking.sections.filter((s) => s.headExcludedFromAwards).map((s) => s.sectionId).sort()).toEqual(['s-e', 's-f']);
    expect(ranking.advancedIndividuals).toEqual({ min: 5, max: 8 });
    // Scores are in order; sections with postings and no entries keep the base.
    const scores = ranking.sections.map((s) => s.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect((await refusalOf(rpc.request(supervision.yearEndRanking, { year: 2026 }, { actor: clerk }))).code).toBe('FORBIDDEN');
  });
});

/** Supervision items as the item workflow leaves them, written straight into its tables (raw SQL, like the reads). */
async function seedItem(item: { unit: string; due: string; reports?: { at: string; outcome: 'returned' | 'accepted' }[]; state?: string }) {
  const db = service.runtime.db;
  const id = randomUUID();
  const seq = Math.floor(Math.random() * 1e9);
  await db.$executeRawUnsafe(
    `INSERT INTO supervision_item (id, register_number, register_year, register_seq, title, content, source_kind, source, origin_key,
       deadline_table, item_class, state, opened_at, opened_by_id, opened_by_name, assigned_on, due_on)
     VALUES ($1::uuid, $2, 2026, $3, '测试事项', '测试内容', 'manual', '{}'::jsonb, $4, 'office', 'routine', $5, '2026-03-01T02:00:00Z', 'x', 'x', '2026-03-01', $6)`,
    id, `测〔2026〕${seq}号`, seq, `manual:${id}`, item.state ?? 'in-progress', item.due,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO supervision_item_assignee (item_id, unit, role, responsible_person) VALUES ($1::uuid, $2, 'lead', '张三')`, id, item.unit,
  );
  const hasReports = (await db.$queryRawUnsafe<{ ok: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'supervision_report') ok`,
  ))[0]!.ok;
  for (const r of item.reports ?? []) {
    await db.$executeRawUnsafe(
      `INSERT INTO supervision_item_history (item_id, at, actor_id, actor_name, action, from_state, to_state)
       VALUES ($1::uuid, $2::timestamptz, 'x', 'x', 'submit-report', 'in-progress', 'report-submitted'),
              ($1::uuid, $2::timestamptz + interval '1 hour', 'x', 'x', $3, 'report-submitted', $4)`,
      id, r.at, r.outcome === 'accepted' ? 'accept-report' : 'return-report', r.outcome === 'accepted' ? 'verified' : 'in-progress',
    );
    if (hasReports) {
      await db.$executeRawUnsafe(
        `INSERT INTO supervision_report (id, item_id, round, submitted_at, submitted_by_id, submitted_by_name, from_unit, form,
           signed_by_unit_head, sealed, summary, outcome)
         VALUES ($1::uuid, $2::uuid, 1, $3::timestamptz, 'x', 'x', $4, 'formal-document', true, true, '报告', $5)`,
        randomUUID(), id, r.at, item.unit, r.outcome,
      );
    }
  }
  return id;
}

describe("units' scores on supervision items (issue 5 §6)", () => {
  it('on time 0, late −2, each report sent back −1, open 0, only items falling due in the year; a liaison reads its own unit', async () => {
    await seedItem({ unit: 'QZJJ', due: '2026-05-10', state: 'verified', reports: [{ at: '2026-05-08T02:00:00Z', outcome: 'accepted' }] });
    await seedItem({
      unit: 'QZJJ',
      due: '2026-05-10',
      state: 'verified',
      reports: [{ at: '2026-05-09T02:00:00Z', outcome: 'returned' }, { at: '2026-05-12T02:00:00Z', outcome: 'accepted' }],
    });
    await seedItem({ unit: 'QFGW', due: '2026-06-20' });
    await seedItem({ unit: 'QFGW', due: '2026-07-20' });
    await seedItem({ unit: 'QFGW', due: '2025-12-01' });

    const scores = await rpc.request(supervision.unitScores, { year: 2026, asOf: '2026-06-30' }, { actor: director });
    expect(scores).toMatchObject({ year: 2026, asOf: '2026-06-30', base: 100 });
    expect(scores.units).toEqual([
      { unit: 'QFGW', score: 98, items: 2, onTime: 0, late: 1, open: 1, sentBack: 0 },
      { unit: 'QZJJ', score: 97, items: 2, onTime: 1, late: 1, open: 0, sentBack: 1 },
    ]);
    // The due date itself is on time: on 20 June the QFGW item is still open.
    const onDue = await rpc.request(supervision.unitScores, { year: 2026, asOf: '2026-06-20' }, { actor: supervisor });
    expect(onDue.units.find((u) => u.unit === 'QFGW')).toMatchObject({ score: 100, late: 0, open: 2 });

    const own = await rpc.request(supervision.unitScores, { year: 2026, asOf: '2026-06-30' }, { actor: liaison });
    expect(own.units.map((u) => u.unit)).toEqual(['QZJJ']);
    expect((await refusalOf(rpc.request(supervision.unitScores, { year: 2026, unit: 'QFGW' }, { actor: liaison }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(rpc.request(supervision.unitScores, { year: 2026 }, { actor: clerk }))).code).toBe('FORBIDDEN');
  });
});
