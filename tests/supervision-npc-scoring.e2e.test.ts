import { addCalendarDays, toIsoDate } from '@gov/calendar';
import { errorCode, graphql, login, startTestPlatform, type TestPlatform } from './support/platform.js';

/**
 * Issue 5 §5–§7 end to end through the gateway: an NPC suggestion received, assigned, replied, reopened by an
 * "unsatisfied" response and closed (SCENARIOS seed000-a #18); a send-back; the due checks; a score recorded with
 * its evidence and late evidence refused (seed002 #8, #10); the ranking, units' scores and the statistics, each
 * role-checked. The platform runs on the real clock, so dates are computed from today (Beijing).
 */
const ITEM_FIELDS = `id kind externalNumber state round assignBy assignedOn midpointCheckOn sendBackBy replyBy replyLatestBy replyDueOn
  grade repliedLate response closedAt units { unit role } history { action fromState toState actorName }`;
const RECEIVE = `mutation R($input: ReceiveNpcCppccItemInput!) { receiveNpcCppccItem(input: $input) { ${ITEM_FIELDS} } }`;
const ASSIGN = `mutation A($input: AssignNpcCppccItemInput!) { assignNpcCppccItem(input: $input) { ${ITEM_FIELDS} } }`;
const REPLY = `mutation P($id: ID!, $grade: String!, $ref: String!) { replyNpcCppccItem(id: $id, grade: $grade, replyReference: $ref) { ${ITEM_FIELDS} } }`;
const RESPOND = `mutation S($id: ID!, $response: String!) { recordNpcCppccResponse(id: $id, response: $response) { ${ITEM_FIELDS} } }`;
const SEND_BACK = `mutation B($id: ID!, $opinion: String!, $sealed: Boolean!) { sendBackNpcCppccItem(id: $id, opinion: $opinion, sealed: $sealed) { id state assignBy } }`;
const ITEM = `query I($id: ID!) { npcCppccItem(id: $id) { id state units { unit } } }`;
const DUE = `query D($on: String!) { npcCppccDueChecks(on: $on) { on checks { itemId check dueOn overdue } } }`;
const POST = `mutation Po($personId: String!, $sectionId: String!, $from: String!) {
  recordScorePosting(personId: $personId, sectionId: $sectionId, from: $from) { personId postings { sectionId from to } }
}`;
const SCORE = `mutation Sc($input: RecordScoreInput!) { recordScore(input: $input) { id code points sectionId personId quarter evidenceStatus seed } }`;
const SECTION = `query Se($sectionId: String!, $year: Int!) { sectionScore(sectionId: $sectionId, year: $year) { base score entries { code points } postings { personId } } }`;
const RANKING = `query Ra($year: Int!) { yearEndRanking(year: $year) { year sections { sectionId score rank commended headExcludedFromAwards } advancedIndividuals { min max } } }`;
const UNITS = `query U($year: Int!, $unit: String) { unitScores(year: $year, unit: $unit) { year base units { unit score } } }`;
const REPORT = `query Rep($period: SupervisionStatisticsPeriodInput!) {
  supervisionReport(period: $period) {
    from to countedTo total { items overdue } bySourceKind { key items } byState { key items }
    npcCppcc { total { items received closed replyOverdue } byKind { key items } byGrade { key items } }
  }
}`;

let platform: TestPlatform;
let supervisor: string;
let director: string;
let auditor: string;
let clerk: string;
let liaison: string;
const today = toIsoDate(new Date());
const year = Number(today.slice(0, 4));
const month = Number(today.slice(5, 7));

beforeAll(async () => {
  platform = await startTestPlatform();
  [supervisor, director, auditor, clerk, liaison] = await Promise.all(
    ['supervisor', 'director', 'auditor', 'clerk', 'unit-liaison'].map((u) => login(platform.issuer, u)),
  );
});

afterAll(async () => {
  await platform?.stop();
});

const suggestion = (n: string) => ({
  kind: 'npc-suggestion',
  externalNumber: `E2E-${n}-${Date.now()}`,
  title: '关于优化公交线路的建议',
  content: '建议增设通往产业园区的公交线路。',
  proposers: [{ name: '周代表', leads: true }, { name: '吴代表' }],
});

describe('NPC suggestions, scoring and statistics end to end through the gateway', () => {
  it('SCENARIOS seed000-a #18: receive, assign with its clocks, reply graded, "不满意" reopens, reply again, close', async () => {
    expect(errorCode(await graphql(platform.gateway, RECEIVE, { input: suggestion('a') }, clerk))).toBe('FORBIDDEN');
    const received = await graphql(platform.gateway, RECEIVE, { input: suggestion('a') }, supervisor);
    expect(received.errors).toBeUndefined();
    const item = received.data!.receiveNpcCppccItem;
    expect(item).toMatchObject({ state: 'received', round: 0, units: [] });
    expect(item.assignBy > today).toBe(true);

    // The due checks on the assignment day list it.
    const due = await graphql(platform.gateway, DUE, { on: item.assignBy }, director);
    expect(due.errors).toBeUndefined();
    expect(due.data!.npcCppccDueChecks.checks).toContainEqual({ itemId: item.id, check: 'assign-responsibility', dueOn: item.assignBy, overdue: false });
    expect(errorCode(await graphql(platform.gateway, DUE, { on: today }, liaison))).toBe('FORBIDDEN');

    const assigned = await graphql(
      platform.gateway,
      ASSIGN,
      { input: { id: item.id, mode: 'lead-and-co', leadUnit: 'QFGW', coUnits: ['QZJJ'], responsiblePerson: '张明' } },
      supervisor,
    );
    expect(assigned.errors).toBeUndefined();
    expect(assigned.data!.assignNpcCppccItem).toMatchObject({
      state: 'assigned',
      round: 1,
      assignedOn: today,
      midpointCheckOn: addCalendarDays(today, 45),
      sendBackBy: addCalendarDays(today, 10),
      units: [{ unit: 'QFGW', role: 'lead' }, { unit: 'QZJJ', role: 'co' }],
    });
    const clocks = assigned.data!.assignNpcCppccItem;
    expect(clocks.replyDueOn).toBe(clocks.replyBy);
    expect(clocks.replyLatestBy > clocks.replyBy).toBe(true);

    // Only the lead unit's liaison replies; the supervisor may not.
    expect(errorCode(await graphql(platform.gateway, REPLY, { id: item.id, grade: 'A', ref: '区发改函〔2026〕1号' }, supervisor))).toBe('FORBIDDEN');
    expect(errorCode(await graphql(platform.gateway, REPLY, { id: item.id, grade: 'F', ref: '区发改函〔2026〕1号' }, liaison))).toBe('BAD_USER_INPUT');
    const replied = await graphql(platform.gateway, REPLY, { id: item.id, grade: 'B', ref: '区发改函〔2026〕1号' }, liaison);
    expect(replied.errors).toBeUndefined();
    expect(replied.data!.replyNpcCppccItem).toMatchObject({ state: 'replied', grade: 'B', repliedLate: false });

    expect(errorCode(await graphql(platform.gateway, RESPOND, { id: item.id, response: 'unsatisfied' }, liaison))).toBe('FORBIDDEN');
    const reopened = await graphql(platform.gateway, RESPOND, { id: item.id, response: 'unsatisfied' }, supervisor);
    expect(reopened.errors).toBeUndefined();
    expect(reopened.data!.recordNpcCppccResponse).toMatchObject({ state: 'reopened', response: 'unsatisfied', replyDueOn: addCalendarDays(today, 15) });

    await graphql(platform.gateway, REPLY, { id: item.id, grade: 'A', ref: '区发改函〔2026〕2号' }, liaison);
    const closed = await graphql(platform.gateway, RESPOND, { id: item.id, response: 'satisfied' }, supervisor);
    expect(closed.errors).toBeUndefined();
    expect(closed.data!.recordNpcCppccResponse.state).toBe('closed');
    expect(closed.data!.recordNpcCppccResponse.closedAt).toBeTruthy();
    expect(closed.data!.recordNpcCppccResponse.history.map((h: { action: string }) => h.action)).toEqual([
      'receive', 'assign', 'reply', 'record-unsatisfied', 'reply', 'close',
    ]);
  });

  it('a send-back needs the sealed opinion; afterwards the item waits for a new assignment', async () => {
    const { data } = await graphql(platform.gateway, RECEIVE, { input: suggestion('b') }, supervisor);
    const id = data!.receiveNpcCppccItem.id;
    await graphql(platform.gateway, ASSIGN, { input: { id, mode: 'sole', leadUnit: 'QFGW', responsiblePerson: '张明' } }, supervisor);
    expect(errorCode(await graphql(platform.gateway, SEND_BACK, { id, opinion: '不属我单位职责', sealed: false }, liaison))).toBe('BAD_USER_INPUT');
    const back = await graphql(platform.gateway, SEND_BACK, { id, opinion: '不属我单位职责，建议交区交通局办理', sealed: true }, liaison);
    expect(back.errors).toBeUndefined();
    expect(back.data!.sendBackNpcCppccItem.state).toBe('sent-back');
    expect((await graphql(platform.gateway, ITEM, { id }, liaison)).data!.npcCppccItem.state).toBe('sent-back');
    expect(errorCode(await graphql(platform.gateway, ITEM, { id }, clerk))).toBe('FORBIDDEN');
  });

  it('SCENARIOS seed002 #8, #10: a score with evidence in time counts for the person\'s section; late evidence is DEADLINE_RULE', async () => {
    const person = `e2e-${Date.now()}`;
    const posted = await graphql(platform.gateway, POST, { personId: person, sectionId: 'e2e-zonghe', from: `${year}-01-01` }, supervisor);
    expect(posted.errors).toBeUndefined();
    expect(errorCode(await graphql(platform.gateway, POST, { personId: person, sectionId: 'x', from: `${year}-01-01` }, clerk))).toBe('FORBIDDEN');

    // Evidence of last year's first quarter, submitted today: long past its deadline.
    const late = await graphql(
      platform.gateway,
      SCORE,
      { input: { code: 'late-or-early-leave', on: `${year - 1}-01-05`, sectionId: 'e2e-zonghe', evidenceSubmittedOn: today, signedByCadreInCharge: true } },
      supervisor,
    );
    expect(errorCode(late)).toBe('DEADLINE_RULE');

    // Evidence for today's event, today: in time unless today is the 28th or later of a quarter's last month.
    const cutOff = month % 3 === 0 && Number(today.slice(8, 10)) >= 28;
    const entry = await graphql(
      platform.gateway,
      SCORE,
      { input: { code: 'municipal-commendation', on: today, personId: person, evidenceSubmittedOn: today, signedByCadreInCharge: true } },
      director,
    );
    if (cutOff) {
      expect(errorCode(entry)).toBe('DEADLINE_RULE');
      return;
    }
    expect(entry.errors).toBeUndefined();
    expect(entry.data!.recordScore).toMatchObject({ points: 3, sectionId: 'e2e-zonghe', personId: person, evidenceStatus: 'on-time', seed: 'seed 002 L43' });

    const section = await graphql(platform.gateway, SECTION, { sectionId: 'e2e-zonghe', year }, auditor);
    expect(section.errors).toBeUndefined();
    expect(section.data!.sectionScore).toMatchObject({ base: 100, score: 103, entries: [{ code: 'municipal-commendation', points: 3 }], postings: [{ personId: person }] });

    const ranking = await graphql(platform.gateway, RANKING, { year }, director);
    expect(ranking.errors).toBeUndefined();
    expect(ranking.data!.yearEndRanking.sections).toContainEqual(expect.objectContaining({ sectionId: 'e2e-zonghe', score: 103 }));
    expect(ranking.data!.yearEndRanking.advancedIndividuals).toEqual({ min: 5, max: 8 });
    expect(errorCode(await graphql(platform.gateway, RANKING, { year }, liaison))).toBe('FORBIDDEN');
  });

  it("units' scores for the liaison's own unit only, and the statistics for the office", async () => {
    const own = await graphql(platform.gateway, UNITS, { year }, liaison);
    expect(own.errors).toBeUndefined();
    expect(own.data!.unitScores).toMatchObject({ year, base: 100 });
    expect(own.data!.unitScores.units.every((u: { unit: string }) => u.unit === 'QFGW')).toBe(true);
    expect(errorCode(await graphql(platform.gateway, UNITS, { year, unit: 'QZJJ' }, liaison))).toBe('FORBIDDEN');
    expect(errorCode(await graphql(platform.gateway, UNITS, { year }, clerk))).toBe('FORBIDDEN');

    const report = await graphql(platform.gateway, REPORT, { period: { kind: 'month', year, month } }, auditor);
    expect(report.errors).toBeUndefined();
    expect(report.data!.supervisionReport).toMatchObject({ from: `${today.slice(0, 7)}-01`, countedTo: today });
    // The suggestions received above this month: the closed one, the sent-back one.
    expect(report.data!.supervisionReport.npcCppcc.total).toMatchObject({ items: 2, received: 2, closed: 1, replyOverdue: 0 });
    expect(report.data!.supervisionReport.npcCppcc.byGrade).toContainEqual({ key: 'A', items: 1 });
    const annual = await graphql(platform.gateway, REPORT, { period: { kind: 'year', year } }, director);
    expect(annual.data!.supervisionReport.to).toBe(`${year}-12-31`);
    expect(errorCode(await graphql(platform.gateway, REPORT, { period: { kind: 'month', year, month } }, liaison))).toBe('FORBIDDEN');
    expect(errorCode(await graphql(platform.gateway, REPORT, { period: { kind: 'quarter', year } }, supervisor))).toBe('BAD_USER_INPUT');
  });
});
