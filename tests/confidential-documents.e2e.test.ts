import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@gov/contracts';
import { errorCode, graphql, login, startTestPlatform, type GraphqlResult, type TestPlatform } from './support/platform.js';

/**
 * Issue 3 item 4 through the gateway: 机要文件 on the confidential register. Only the confidential clerk carries
 * them (seed 004 L32), the office director writes the proposed handling before anything moves (seed 004 L30,
 * RULES.md D24), they are recovered and returned complete by their due date (seed 004 L38–40, D25), overdue ones
 * listed; classified content never reaches a user below its level or off its need-to-know list, who gets exactly
 * the answer of an unknown id (NOT_FOUND), and every read, allowed or refused, is audited.
 */
const VIEW = `id registerNumber kind title state classification holder { id name } proposal { text byName } instructions { text byName }
  mustReturn returnDue returnStatus items pages history { action fromState toState actorName reason }`;
const REGISTER = `mutation R($input: RegisterConfidentialDocumentInput!) { registerConfidentialDocument(input: $input) { ${VIEW} } }`;
const PROPOSE = `mutation P($id: ID!, $text: String!, $readers: [String!]) { writeConfidentialProposal(id: $id, text: $text, readers: $readers) { ${VIEW} } }`;
const CARRY = `mutation C($id: ID!, $to: String!, $rid: String!, $rname: String!) { carryConfidentialDocument(id: $id, to: $to, recipientId: $rid, recipientName: $rname) { ${VIEW} } }`;
const INSTRUCT = `mutation I($id: ID!, $text: String!) { instructConfidentialDocument(id: $id, text: $text) { ${VIEW} } }`;
const RECOVER = `mutation V($id: ID!, $items: Int!, $pages: Int!) { recoverConfidentialDocument(id: $id, items: $items, pages: $pages) { ${VIEW} } }`;
const RETURN = `mutation T($id: ID!, $items: Int!, $pages: Int!) { returnConfidentialDocument(id: $id, items: $items, pages: $pages) { ${VIEW} } }`;
const ARCHIVE = `mutation A($id: ID!) { archiveConfidentialDocument(id: $id) { ${VIEW} } }`;
const GET = `query G($id: ID!) { confidentialDocument(id: $id) { ${VIEW} } }`;
const LIST = `query L($t: String) { confidentialDocuments(titleContains: $t) { total items { id title } } }`;
const INBOX = `query { confidentialInbox { total items { id state } } }`;
const inboxIds = async (who: string) => ((await graphql(platform.gateway, INBOX, {}, token[who])).data!.confidentialInbox.items as { id: string }[]).map((i) => i.id);
const COPY = `mutation Y($id: ID!, $copies: Int!, $reason: String!) { copyConfidentialDocument(id: $id, copies: $copies, reason: $reason) { copiesMade state history { action reason } } }`;
const CHECK = `mutation K($id: ID!) { checkTopSecretDocument(id: $id) { state } }`;
const ALERTS = `query { topSecretCheckAlerts { day required items { id checks } } }`;
const OVERDUE = `query { overdueConfidentialReturns { today items { id registerNumber returnDue daysOverdue holder { name } } } }`;

const TITLE = '关于做好年底安全稳定工作的机密通知';
let platform: TestPlatform;
const token: Record<string, string> = {};
const ids: Record<string, string> = {};

const beijingDate = (offsetDays = 0) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function sql<T = Record<string, unknown>>(query: string, ...params: unknown[]): Promise<T[]> {
  return platform.documents.runtime.db.$queryRawUnsafe<T[]>(query, ...params);
}
async function stateOf(id: string): Promise<string> {
  const [row] = await sql<{ state: string }>('SELECT state FROM confidential_document WHERE id = $1::uuid', id);
  return row!.state;
}
async function historyCount(id: string): Promise<number> {
  const [row] = await sql<{ n: bigint }>('SELECT count(*) n FROM confidential_document_history WHERE document_id = $1::uuid', id);
  return Number(row!.n);
}
const refusalShape = (r: GraphqlResult) => ({ message: r.errors?.[0]?.message, extensions: r.errors?.[0]?.extensions, data: r.data ?? null });

const input = () => ({
  title: TITLE,
  senderUnit: '市委办公室',
  senderDocNumber: '市委办〔2026〕88号',
  classification: 'CONFIDENTIAL',
  urgency: 'urgent',
  deadline: beijingDate(3),
  items: 2,
  pages: 6,
  receivedAt: new Date(Date.now() - 600_000).toISOString(),
  mustReturn: true,
  returnDue: beijingDate(10),
  needToKnow: [ids.director!, ids.deputy!],
});

beforeAll(async () => {
  platform = await startTestPlatform();
  for (const u of ['confidential-clerk', 'director', 'deputy-director', 'district-leader', 'section-chief', 'secrecy-officer', 'clerk', 'unit-liaison']) {
    token[u] = await login(platform.issuer, u);
  }
  const user = (name: string) => platform.issuer.demoUsers.find((u) => u.username === name)!.id;
  ids.clerk = user('confidential-clerk');
  ids.director = user('director');
  ids.deputy = user('deputy-director');
  ids.leader = user('district-leader');
  ids.chief = user('section-chief');
  ids.secrecy = user('secrecy-officer');
});

afterAll(async () => {
  await platform?.stop();
});

describe('机要文件 end to end through the gateway', () => {
  it('the confidential clerk signs for and registers a 机密 document: number, return date, history; the event carries no title', async () => {
    const res = await graphql(platform.gateway, REGISTER, { input: input() }, token['confidential-clerk']);
    expect(res.errors).toBeUndefined();
    const doc = res.data!.registerConfidentialDocument;
    ids.doc = doc.id;
    expect(doc.registerNumber).toMatch(/^机要收文〔20\d\d〕1号$/);
    expect(doc).toMatchObject({ state: 'registered', classification: 'CONFIDENTIAL', mustReturn: true, returnDue: beijingDate(10), returnStatus: 'open', holder: { name: '赵静' } });
    expect(doc.history.map((h: { action: string }) => h.action)).toEqual(['receive', 'register']);
    const [row] = await sql<{ envelope: EventEnvelope }>(`SELECT envelope FROM outbox WHERE envelope->>'type' = 'gov.documents.confidential.registered' AND envelope->>'subject' = $1`, doc.id);
    expect(row!.envelope.data).toMatchObject({ registerNumber: doc.registerNumber, classification: 'confidential', mustReturn: true });
    expect(JSON.stringify(row!.envelope)).not.toContain('安全稳定');
  });

  it('only the confidential clerk registers (a clerk gets FORBIDDEN); a document to be returned needs its return date (D25)', async () => {
    expect(errorCode(await graphql(platform.gateway, REGISTER, { input: input() }, token.clerk))).toBe('FORBIDDEN');
    const noDate = { ...input(), returnDue: undefined };
    const res = await graphql(platform.gateway, REGISTER, { input: noDate }, token['confidential-clerk']);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toContain('清退时限');
    const [n] = await sql<{ n: bigint }>('SELECT count(*) n FROM confidential_document');
    expect(Number(n!.n)).toBe(1);
  });

  it('nothing moves before the director’s proposal: a carry is refused (CONFLICT) and changes nothing', async () => {
    const before = await historyCount(ids.doc!);
    const res = await graphql(platform.gateway, CARRY, { id: ids.doc, to: 'leader', rid: ids.director, rname: '刘志刚' }, token['confidential-clerk']);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0]!.message).toContain('送主任签署拟办意见');
    expect(await stateOf(ids.doc!)).toBe('registered');
    expect(await historyCount(ids.doc!)).toBe(before);
  });

  it('the proposal is written by the director, not the deputy (D24: FORBIDDEN)', async () => {
    const res = await graphql(platform.gateway, PROPOSE, { id: ids.doc, text: '请光华同志阅示。' }, token['deputy-director']);
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(await stateOf(ids.doc!)).toBe('registered');
  });

  it('the director writes the proposal and names the leader who receives it; the inboxes show who it waits for', async () => {
    expect(await inboxIds('director')).toEqual([ids.doc]);
    expect(await inboxIds('confidential-clerk')).toEqual([]);
    const res = await graphql(platform.gateway, PROPOSE, { id: ids.doc, text: '请光华同志阅示。', readers: [ids.leader] }, token.director);
    expect(res.errors).toBeUndefined();
    expect(res.data!.writeConfidentialProposal).toMatchObject({ state: 'proposal-written', proposal: { text: '请光华同志阅示。', byName: '刘志刚' } });
    expect(await inboxIds('director')).toEqual([]);
    expect(await inboxIds('confidential-clerk')).toEqual([ids.doc]);
  });

  it('only the confidential clerk carries it (the director gets FORBIDDEN), and only to someone the proposal names', async () => {
    expect(errorCode(await graphql(platform.gateway, CARRY, { id: ids.doc, to: 'leader', rid: ids.leader, rname: '陈光华' }, token.director))).toBe('FORBIDDEN');
    const off = await graphql(platform.gateway, CARRY, { id: ids.doc, to: 'leader', rid: ids.chief, rname: '李建国' }, token['confidential-clerk']);
    expect(errorCode(off)).toBe('CONFLICT');
    expect(off.errors![0]!.message).toContain('知悉范围');
    const ok = await graphql(platform.gateway, CARRY, { id: ids.doc, to: 'leader', rid: ids.leader, rname: '陈光华' }, token['confidential-clerk']);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.carryConfidentialDocument).toMatchObject({ state: 'with-leader', holder: { id: ids.leader, name: '陈光华' } });
    expect(await inboxIds('district-leader')).toEqual([ids.doc]);
    expect(await inboxIds('confidential-clerk')).toEqual([]);
  });

  it('the leader holding it writes the instruction, kept verbatim', async () => {
    const text = '  同意。请区发改委牵头,会同有关单位抓好落实。\n陈光华 11月20日 ';
    const res = await graphql(platform.gateway, INSTRUCT, { id: ids.doc, text }, token['district-leader']);
    expect(res.errors).toBeUndefined();
    expect(res.data!.instructConfidentialDocument.instructions).toEqual([{ text, byName: '陈光华' }]);
  });

  it('a reader below the level or off the need-to-know list gets exactly what an unknown id gets (NOT_FOUND), and every read is audited', async () => {
    const unknown = await graphql(platform.gateway, GET, { id: randomUUID() }, token['section-chief']);
    const belowLevel = await graphql(platform.gateway, GET, { id: ids.doc }, token['section-chief']); // 秘密 clearance < 机密
    const offList = await graphql(platform.gateway, GET, { id: ids.doc }, token['secrecy-officer']); // 绝密 clearance, not on the list
    expect(errorCode(unknown)).toBe('NOT_FOUND');
    expect(refusalShape(belowLevel)).toEqual(refusalShape(unknown));
    expect(refusalShape(offList)).toEqual(refusalShape(unknown));
    // acting on it answers the same: a director who is not on its list (another user id) writing a proposal
    const otherDirector = await platform.issuer.issueToken('director', { claims: { sub: randomUUID() } });
    const actOff = await graphql(platform.gateway, PROPOSE, { id: ids.doc, text: '拟请阅示。' }, otherDirector);
    const actUnknown = await graphql(platform.gateway, PROPOSE, { id: randomUUID(), text: '拟请阅示。' }, otherDirector);
    expect(errorCode(actOff)).toBe('NOT_FOUND');
    expect(refusalShape(actOff)).toEqual(refusalShape(actUnknown));

    const allowed = await graphql(platform.gateway, GET, { id: ids.doc }, token.director);
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data!.confidentialDocument).toMatchObject({ title: TITLE, state: 'with-leader', holder: { name: '陈光华' } });
    expect(allowed.data!.confidentialDocument.history.map((h: { action: string }) => h.action)).toEqual(['receive', 'register', 'write-proposal', 'carry-to-leader', 'instruct']);

    const audit = await sql<{ action: string; actor_id: string; details: Record<string, unknown> }>(
      `SELECT action, actor_id, details FROM audit_log WHERE entity_id = $1 AND action LIKE 'confidential.read%' ORDER BY seq`,
      ids.doc,
    );
    expect(audit.map((a) => [a.action, a.actor_id])).toEqual([
      ['confidential.read-refused', ids.chief],
      ['confidential.read-refused', platform.issuer.demoUsers.find((u) => u.username === 'secrecy-officer')!.id],
      ['confidential.read-refused', expect.any(String)],
      ['confidential.read-classified', ids.director],
    ]);
    expect(audit[0]!.details).toEqual({ reason: 'clearance-too-low' });
    expect(audit[1]!.details).toEqual({ reason: 'not-on-need-to-know' });
  });

  it('the register hides it from those who may not read it (total does not count it) and audits each classified entry shown', async () => {
    const chief = await graphql(platform.gateway, LIST, { t: '安全稳定' }, token['section-chief']);
    expect(chief.data!.confidentialDocuments).toEqual({ total: 0, items: [] });
    const listed = async () => {
      const [n] = await sql<{ n: bigint }>(`SELECT count(*) n FROM audit_log WHERE entity_id = $1 AND action = 'confidential.list-classified'`, ids.doc);
      return Number(n!.n);
    };
    const before = await listed(); // the inbox reads above were audited too
    expect(before).toBe(3);
    const director = await graphql(platform.gateway, LIST, { t: '安全稳定' }, token.director);
    expect(director.data!.confidentialDocuments).toEqual({ total: 1, items: [{ id: ids.doc, title: TITLE }] });
    expect(await listed()).toBe(before + 1);
  });

  it('SCENARIOS seed002 #5: a 机密 document is copied on the director’s order, the copy controlled like an original', async () => {
    const res = await graphql(platform.gateway, COPY, { id: ids.doc, copies: 1, reason: '供区发改委承办使用' }, token.director);
    expect(res.errors).toBeUndefined();
    expect(res.data!.copyConfidentialDocument).toMatchObject({ copiesMade: 1, state: 'with-leader' });
    expect(res.data!.copyConfidentialDocument.history.at(-1)).toEqual({ action: 'copy', reason: '供区发改委承办使用' });
  });

  it('recovery is complete, copies included, or refused with what is short (CONFLICT), then the clerk holds it again', async () => {
    const short = await graphql(platform.gateway, RECOVER, { id: ids.doc, items: 2, pages: 5 }, token['confidential-clerk']);
    expect(errorCode(short)).toBe('CONFLICT');
    expect(short.errors![0]!.extensions!.details).toEqual({ missingItems: 1, missingPages: 1 });
    expect(await stateOf(ids.doc!)).toBe('with-leader');
    const ok = await graphql(platform.gateway, RECOVER, { id: ids.doc, items: 3, pages: 6 }, token['confidential-clerk']);
    expect(ok.data!.recoverConfidentialDocument).toMatchObject({ state: 'recovered', holder: { name: '赵静' } });
  });

  it('a document to be returned is not filed (D26: CONFLICT)', async () => {
    const res = await graphql(platform.gateway, ARCHIVE, { id: ids.doc }, token['confidential-clerk']);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(await stateOf(ids.doc!)).toBe('recovered');
  });

  it('overdue recoveries are listed (no titles); one past its due date is flagged with its days overdue', async () => {
    const second = await graphql(platform.gateway, REGISTER, { input: { ...input(), title: '关于某专项督查情况的通报', returnDue: beijingDate(1) } }, token['confidential-clerk']);
    ids.second = second.data!.registerConfidentialDocument.id;
    let res = await graphql(platform.gateway, OVERDUE, {}, token['confidential-clerk']);
    expect(res.data!.overdueConfidentialReturns.items).toEqual([]);
    // three days pass: the due date now lies two days back
    await sql(`UPDATE confidential_document SET return_due = $2 WHERE id = $1::uuid`, ids.second, beijingDate(-2));
    res = await graphql(platform.gateway, OVERDUE, {}, token['confidential-clerk']);
    expect(res.data!.overdueConfidentialReturns).toEqual({
      today: beijingDate(0),
      items: [{ id: ids.second, registerNumber: second.data!.registerConfidentialDocument.registerNumber, returnDue: beijingDate(-2), daysOverdue: 2, holder: { name: '赵静' } }],
    });
    expect(JSON.stringify(res.data)).not.toContain('督查');
    expect(errorCode(await graphql(platform.gateway, OVERDUE, {}, token.clerk))).toBe('FORBIDDEN');
    const doc = await graphql(platform.gateway, GET, { id: ids.second }, token.director);
    expect(doc.data!.confidentialDocument.returnStatus).toBe('overdue');
  });

  it('the return goes back complete (short: CONFLICT), recorded on time, with its event', async () => {
    const short = await graphql(platform.gateway, RETURN, { id: ids.doc, items: 1, pages: 6 }, token['confidential-clerk']);
    expect(errorCode(short)).toBe('CONFLICT');
    expect(short.errors![0]!.extensions!.details).toEqual({ missingItems: 1, missingPages: 0 });
    const ok = await graphql(platform.gateway, RETURN, { id: ids.doc, items: 2, pages: 6 }, token['confidential-clerk']);
    expect(ok.data!.returnConfidentialDocument).toMatchObject({ state: 'returned', returnStatus: 'returned', holder: { name: '市委办公室' } });
    const events = await sql<{ type: string; envelope: EventEnvelope }>(
      `SELECT envelope->>'type' AS type, envelope FROM outbox WHERE envelope->>'subject' = $1 ORDER BY seq`,
      ids.doc,
    );
    expect(events.map((e) => e.type)).toEqual([
      'gov.documents.confidential.registered',
      'gov.documents.confidential.proposal-written',
      'gov.documents.confidential.carried',
      'gov.documents.confidential.instructed',
      'gov.documents.confidential.recovered',
      'gov.documents.confidential.returned',
    ]);
    for (const e of events) {
      expect(JSON.stringify(e.envelope)).not.toContain('安全稳定');
      expect(JSON.stringify(e.envelope)).not.toContain('同意。请区发改委');
    }
  });

  it('a 绝密 document is carried only by its designated handler (another confidential clerk: FORBIDDEN), never copied, and checked twice a day (SCENARIOS seed002 #5, seed000-b #10)', async () => {
    const other = await platform.issuer.issueToken('confidential-clerk', { claims: { sub: randomUUID() } });
    const otherId = JSON.parse(Buffer.from(other.split('.')[1]!, 'base64url').toString()).sub as string;
    const reg = await graphql(
      platform.gateway,
      REGISTER,
      { input: { ...input(), title: '绝密件', classification: 'TOP_SECRET', mustReturn: false, returnDue: undefined, needToKnow: [ids.director, otherId, ids.leader, ids.secrecy] } },
      token['confidential-clerk'],
    );
    expect(reg.errors).toBeUndefined();
    const id = reg.data!.registerConfidentialDocument.id;
    await graphql(platform.gateway, PROPOSE, { id, text: '请光华同志阅。' }, token.director);
    const res = await graphql(platform.gateway, CARRY, { id, to: 'leader', rid: ids.leader, rname: '陈光华' }, other);
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(res.errors![0]!.message).toContain('designated handler');
    const ok = await graphql(platform.gateway, CARRY, { id, to: 'leader', rid: ids.leader, rname: '陈光华' }, token['confidential-clerk']);
    expect(ok.data!.carryConfidentialDocument.state).toBe('with-leader');

    const copy = await graphql(platform.gateway, COPY, { id, copies: 1, reason: '领导要求' }, token.director);
    expect(errorCode(copy)).toBe('FORBIDDEN');
    expect(copy.errors![0]!.message).toContain('绝密级文件资料严禁复印');

    const alerts = async () => (await graphql(platform.gateway, ALERTS, {}, token['secrecy-officer'])).data!.topSecretCheckAlerts;
    expect(await alerts()).toMatchObject({ required: 2, items: [{ id, checks: 0 }] });
    expect((await graphql(platform.gateway, CHECK, { id }, token['secrecy-officer'])).errors).toBeUndefined();
    expect((await alerts()).items).toEqual([{ id, checks: 1 }]);
    expect((await graphql(platform.gateway, CHECK, { id }, token['secrecy-officer'])).errors).toBeUndefined();
    expect((await alerts()).items).toEqual([]);
    // checks are kept for 绝密 documents only
    expect(errorCode(await graphql(platform.gateway, CHECK, { id: ids.second }, token.director))).toBe('CONFLICT');
  });
});
