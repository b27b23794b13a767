import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@gov/contracts';
import { errorCode, graphql, login, startTestPlatform, type GraphqlResult, type TestPlatform } from './support/platform.js';

/**
 * Issue 3 item 4, telegrams (电报) through the gateway: a received telegram is checked against the sender's
 * sign-for list (seed 000 L1062); a telegram without its leaders' signatures is not accepted (seed 000 L1074,
 * SCENARIOS seed000-b #8); a 区政府 telegram approved by phone is accepted with the signature owed (补签), flagged
 * when overdue (confidential/README.md C1); a cipher telegram is answered only by cipher (seed 000 L1086(4), SCENARIOS seed000-b #11);
 * classified content goes by cipher only (D32); a telegram outside one's need-to-know answers like an unknown id.
 */
const TVIEW = `id number title channel state classification pendingLaterSignatures laterSignatureDue laterSignatureOverdue
  signatures { unit mode signerName laterSignedAt phoneApproval { approvedBy approvedByName recordedBy } } history { action toState actorName }`;
const REGISTER = `mutation R($input: RegisterConfidentialDocumentInput!) { registerConfidentialDocument(input: $input) { id registerNumber kind channel state } }`;
const DRAFT = `mutation D($input: DraftTelegramInput!) { draftTelegram(input: $input) { ${TVIEW} } }`;
const SIGN = `mutation S($id: ID!, $unit: String!) { signTelegram(id: $id, unit: $unit) { ${TVIEW} } }`;
const PHONE = `mutation P($input: RecordTelegramPhoneApprovalInput!) { recordTelegramPhoneApproval(input: $input) { ${TVIEW} } }`;
const ACCEPT = `mutation A($id: ID!) { acceptTelegram(id: $id) { ${TVIEW} } }`;
const GET = `query G($id: ID!) { telegram(id: $id) { ${TVIEW} } }`;
const OWING = `query O($overdueOnly: Boolean) { telegramsOwingSignature(overdueOnly: $overdueOnly) { today items { id number units due overdue } } }`;

let platform: TestPlatform;
const token: Record<string, string> = {};
const ids: Record<string, string> = {};
const beijingDate = (offsetDays = 0) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const sql = <T = Record<string, unknown>>(q: string, ...p: unknown[]) => platform.documents.runtime.db.$queryRawUnsafe<T[]>(q, ...p);
const refusalShape = (r: GraphqlResult) => ({ message: r.errors?.[0]?.message, extensions: r.errors?.[0]?.extensions, data: r.data ?? null });

const received = (over: Record<string, unknown> = {}) => ({
  kind: 'telegram',
  title: '关于报送防汛工作情况的密码电报',
  senderUnit: '市委机要局',
  classification: 'SECRET',
  items: 1,
  pages: 2,
  receivedAt: new Date(Date.now() - 300_000).toISOString(),
  needToKnow: [ids.director, ids.leader, ids.secrecy],
  telegram: { channel: 'cipher', number: '市密〔2026〕211号', priority: 'urgent', listed: { number: '市密〔2026〕211号', copies: 1, pages: 2, priority: 'urgent' } },
  ...over,
});
const draft = (over: Record<string, unknown> = {}) => ({
  title: '关于防汛工作情况的报告',
  channel: 'cipher',
  header: 'cipher',
  priority: 'urgent',
  classification: 'SECRET',
  sendingUnit: '区政府',
  issuers: [{ unit: '区政府', district: true }],
  destinations: ['市委机要局'],
  needToKnow: [ids.leader, ids.clerk],
  ...over,
});

beforeAll(async () => {
  platform = await startTestPlatform();
  for (const u of ['confidential-clerk', 'director', 'district-leader', 'secrecy-officer', 'clerk']) token[u] = await login(platform.issuer, u);
  const user = (name: string) => platform.issuer.demoUsers.find((u) => u.username === name)!.id;
  ids.clerk = user('confidential-clerk');
  ids.director = user('director');
  ids.leader = user('district-leader');
  ids.secrecy = user('secrecy-officer');
});

afterAll(async () => {
  await platform?.stop();
});

describe('电报 end to end through the gateway', () => {
  it('a received telegram that disagrees with the sign-for list is queried, not signed for (CONFLICT with what differs)', async () => {
    const bad = received({ telegram: { ...received().telegram, listed: { number: '市密〔2026〕211号', copies: 1, pages: 3, priority: 'urgent' } } });
    const res = await graphql(platform.gateway, REGISTER, { input: bad }, token['confidential-clerk']);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0]!.extensions!.details).toEqual({ discrepancies: ['pages'] });
    const [n] = await sql<{ n: bigint }>('SELECT count(*) n FROM confidential_document');
    expect(Number(n!.n)).toBe(0);
    const ok = await graphql(platform.gateway, REGISTER, { input: received() }, token['confidential-clerk']);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.registerConfidentialDocument).toMatchObject({ kind: 'telegram', channel: 'cipher', state: 'registered' });
    ids.cipherIn = ok.data!.registerConfidentialDocument.id;
  });

  it('SCENARIOS seed002 #5: a cipher telegram is never copied, even on the director’s order', async () => {
    const res = await graphql(
      platform.gateway,
      `mutation Y($id: ID!) { copyConfidentialDocument(id: $id, copies: 1, reason: "传阅") { copiesMade } }`,
      { id: ids.cipherIn },
      token.director,
    );
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(res.errors![0]!.message).toContain('密码电报严禁复印');
  });

  it('SCENARIOS seed000-b #11: a reply to a cipher telegram on the plain channel is refused (严禁密来明复); by cipher it is drafted', async () => {
    const plain = await graphql(platform.gateway, DRAFT, { input: draft({ channel: 'plain', header: 'plain', classification: 'NONE', replyToId: ids.cipherIn }) }, token['confidential-clerk']);
    expect(errorCode(plain)).toBe('CONFLICT');
    expect(plain.errors![0]!.message).toContain('严禁密来明复');
    const cipher = await graphql(platform.gateway, DRAFT, { input: draft({ replyToId: ids.cipherIn }) }, token['confidential-clerk']);
    expect(cipher.errors).toBeUndefined();
    expect(cipher.data!.draftTelegram).toMatchObject({ channel: 'cipher', state: 'drafted', number: null });
    ids.reply = cipher.data!.draftTelegram.id;
  });

  it('classified content is not sent on the plain channel (D32), and the header must match the channel', async () => {
    const res = await graphql(platform.gateway, DRAFT, { input: draft({ channel: 'plain', header: 'plain' }) }, token['confidential-clerk']);
    expect(errorCode(res)).toBe('CONFLICT');
    const header = await graphql(platform.gateway, DRAFT, { input: draft({ header: 'plain' }) }, token['confidential-clerk']);
    expect(errorCode(header)).toBe('BAD_USER_INPUT');
  });

  it('SCENARIOS seed000-b #8: a telegram with no leader signature is not accepted (不予受理), and nothing is numbered', async () => {
    const res = await graphql(platform.gateway, ACCEPT, { id: ids.reply }, token['confidential-clerk']);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0]!.message).toContain('不予受理');
    expect(res.errors![0]!.extensions!.details).toEqual({ problems: [{ code: 'no-signature', unit: '区政府' }] });
    const [n] = await sql<{ n: bigint }>(`SELECT count(*) n FROM issued_number WHERE prefix LIKE '%电'`);
    expect(Number(n!.n)).toBe(0);
  });

  it('a district telegram signed by the office director, not a district leader, is not accepted', async () => {
    const d = await graphql(platform.gateway, DRAFT, { input: draft({ needToKnow: [ids.clerk, ids.director] }) }, token['confidential-clerk']);
    const id = d.data!.draftTelegram.id;
    expect((await graphql(platform.gateway, SIGN, { id, unit: '区政府' }, token.director)).errors).toBeUndefined();
    const res = await graphql(platform.gateway, ACCEPT, { id }, token['confidential-clerk']);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0]!.extensions!.details).toEqual({ problems: [{ code: 'signer-not-unit-leader', unit: '区政府' }] });
  });

  it('SCENARIOS seed000-b #8: a joint telegram of 3 units signed by only 2 leaders is not accepted', async () => {
    const fgw = await platform.issuer.issueToken('deputy-director', { claims: { unit: 'QFGW' } });
    const d = await graphql(
      platform.gateway,
      DRAFT,
      { input: draft({ sendingUnit: '区委办公室', issuers: [{ unit: 'QWBGS' }, { unit: 'QFGW' }, { unit: 'QZJJ' }], needToKnow: [ids.clerk, ids.director, 'QFGW'] }) },
      token['confidential-clerk'],
    );
    const id = d.data!.draftTelegram.id;
    expect((await graphql(platform.gateway, SIGN, { id, unit: 'QWBGS' }, token.director)).errors).toBeUndefined();
    expect((await graphql(platform.gateway, SIGN, { id, unit: 'QFGW' }, fgw)).errors).toBeUndefined();
    const res = await graphql(platform.gateway, ACCEPT, { id }, token['confidential-clerk']);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0]!.extensions!.details).toEqual({ problems: [{ code: 'no-signature', unit: 'QZJJ' }] });
  });

  it('phone approval is for district telegrams only (D28): a unit’s phone approval is not accepted', async () => {
    const d = await graphql(platform.gateway, DRAFT, { input: draft({ sendingUnit: '区委办公室', issuers: [{ unit: 'QWBGS' }] }) }, token['confidential-clerk']);
    const id = d.data!.draftTelegram.id;
    await graphql(platform.gateway, PHONE, { input: { id, unit: 'QWBGS', approvedById: ids.director, approvedByName: '刘志刚', approvedAt: new Date().toISOString() } }, token['confidential-clerk']);
    const res = await graphql(platform.gateway, ACCEPT, { id }, token['confidential-clerk']);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0]!.extensions!.details).toEqual({ problems: [{ code: 'phone-approval-not-allowed', unit: 'QWBGS' }] });
  });

  it('SCENARIOS seed000-b #8: a 区政府 telegram approved by phone is accepted and numbered, with the signature owed (补签)', async () => {
    const phone = await graphql(
      platform.gateway,
      PHONE,
      { input: { id: ids.reply, unit: '区政府', approvedById: ids.leader, approvedByName: '陈光华', approvedAt: new Date(Date.now() - 60_000).toISOString() } },
      token['confidential-clerk'],
    );
    expect(phone.errors).toBeUndefined();
    const res = await graphql(platform.gateway, ACCEPT, { id: ids.reply }, token['confidential-clerk']);
    expect(res.errors).toBeUndefined();
    const t = res.data!.acceptTelegram;
    expect(t.number).toMatch(/^密电〔20\d\d〕1号$/);
    expect(t).toMatchObject({ state: 'accepted', pendingLaterSignatures: ['区政府'], laterSignatureOverdue: false });
    expect(t.laterSignatureDue > beijingDate(0)).toBe(true);
    expect(t.signatures).toEqual([
      { unit: '区政府', mode: 'phone-approved', signerName: '陈光华', laterSignedAt: null, phoneApproval: { approvedBy: ids.leader, approvedByName: '陈光华', recordedBy: ids.clerk } },
    ]);
    const [row] = await sql<{ envelope: EventEnvelope }>(`SELECT envelope FROM outbox WHERE envelope->>'type' = 'gov.documents.telegram.accepted' AND envelope->>'subject' = $1`, ids.reply);
    expect(row!.envelope.data).toMatchObject({ number: t.number, channel: 'cipher', replyToId: ids.cipherIn, pendingLaterSignatures: ['区政府'] });
    expect(JSON.stringify(row!.envelope)).not.toContain('防汛');
  });

  it('the owed signature is listed, and flagged once overdue', async () => {
    let res = await graphql(platform.gateway, OWING, {}, token['confidential-clerk']);
    expect(res.data!.telegramsOwingSignature.items).toEqual([expect.objectContaining({ id: ids.reply, units: ['区政府'], overdue: false })]);
    expect((await graphql(platform.gateway, OWING, { overdueOnly: true }, token['confidential-clerk'])).data!.telegramsOwingSignature.items).toEqual([]);
    await sql(`UPDATE outgoing_telegram SET later_signature_due = $2 WHERE id = $1::uuid`, ids.reply, beijingDate(-1));
    res = await graphql(platform.gateway, OWING, { overdueOnly: true }, token['confidential-clerk']);
    expect(res.data!.telegramsOwingSignature.items).toEqual([expect.objectContaining({ id: ids.reply, due: beijingDate(-1), overdue: true })]);
    expect(errorCode(await graphql(platform.gateway, OWING, {}, token.clerk))).toBe('FORBIDDEN');
  });

  it('only the leader who approved by phone gives the later signature; then nothing is owed and the event says so', async () => {
    const otherLeader = await platform.issuer.issueToken('district-leader', { claims: { sub: randomUUID() } });
    // not on the need-to-know list: answered like an unknown id
    expect(errorCode(await graphql(platform.gateway, SIGN, { id: ids.reply, unit: '区政府' }, otherLeader))).toBe('NOT_FOUND');
    const res = await graphql(platform.gateway, SIGN, { id: ids.reply, unit: '区政府' }, token['district-leader']);
    expect(res.errors).toBeUndefined();
    expect(res.data!.signTelegram).toMatchObject({ pendingLaterSignatures: [], laterSignatureDue: null, laterSignatureOverdue: false });
    expect(res.data!.signTelegram.signatures[0].laterSignedAt).not.toBeNull();
    const [row] = await sql<{ envelope: EventEnvelope }>(`SELECT envelope FROM outbox WHERE envelope->>'type' = 'gov.documents.telegram.later-signed'`);
    expect(row!.envelope.data).toMatchObject({ telegramId: ids.reply, unit: '区政府', signerId: ids.leader, stillPending: [] });
    expect((await graphql(platform.gateway, OWING, {}, token['confidential-clerk'])).data!.telegramsOwingSignature.items).toEqual([]);
  });

  it('a telegram outside one’s need-to-know answers like an unknown id, and the refusal and the allowed read are audited', async () => {
    const unknown = await graphql(platform.gateway, GET, { id: randomUUID() }, token['secrecy-officer']);
    const refused = await graphql(platform.gateway, GET, { id: ids.reply }, token['secrecy-officer']);
    expect(errorCode(unknown)).toBe('NOT_FOUND');
    expect(refusalShape(refused)).toEqual(refusalShape(unknown));
    const ok = await graphql(platform.gateway, GET, { id: ids.reply }, token['district-leader']);
    expect(ok.data!.telegram.history.map((h: { action: string }) => h.action)).toEqual(['draft', 'record-phone-approval', 'accept', 'sign-later']);
    const audit = await sql<{ action: string }>(`SELECT action FROM audit_log WHERE entity_id = $1 AND action LIKE 'telegram.read%' ORDER BY seq`, ids.reply);
    expect(audit.map((a) => a.action)).toEqual(['telegram.read-refused', 'telegram.read-refused', 'telegram.read-classified']);
  });

  it('SCENARIOS seed000-b #12: a cipher telegram not to be archived is destroyed only with the leader’s approval and two bureau witnesses', async () => {
    const step = (q: string, vars: Record<string, unknown>, who: string) => graphql(platform.gateway, q, vars, token[who]);
    const id = ids.cipherIn;
    await step(`mutation($id: ID!) { writeConfidentialProposal(id: $id, text: "请光华同志阅。") { state } }`, { id }, 'director');
    await step(`mutation($id: ID!, $r: String!) { carryConfidentialDocument(id: $id, to: "leader", recipientId: $r, recipientName: "陈光华") { state } }`, { id, r: ids.leader }, 'confidential-clerk');
    const rec = await step(`mutation($id: ID!) { recoverConfidentialDocument(id: $id, items: 1, pages: 2) { state } }`, { id }, 'confidential-clerk');
    expect(rec.data!.recoverConfidentialDocument.state).toBe('recovered');
    const DESTROY = `mutation($id: ID!) { destroyConfidentialDocument(id: $id) { state } }`;
    const WITNESS = `mutation($id: ID!) { witnessCipherDestruction(id: $id) { state } }`;

    const bare = await step(DESTROY, { id }, 'confidential-clerk');
    expect(errorCode(bare)).toBe('CONFLICT');
    expect(bare.errors![0]!.message).toContain('主管领导核准签字');
    expect((await step(`mutation($id: ID!) { approveCipherDestruction(id: $id, text: "同意销毁。刘志刚") { state } }`, { id }, 'director')).errors).toBeUndefined();
    expect((await step(WITNESS, { id }, 'confidential-clerk')).errors).toBeUndefined();
    expect(errorCode(await step(WITNESS, { id }, 'confidential-clerk'))).toBe('CONFLICT'); // the same witness twice
    const one = await step(DESTROY, { id }, 'confidential-clerk');
    expect(errorCode(one)).toBe('CONFLICT');
    expect(one.errors![0]!.extensions!.details).toEqual({ witnesses: 1 });
    expect((await step(WITNESS, { id }, 'secrecy-officer')).errors).toBeUndefined();
    const done = await step(DESTROY, { id }, 'secrecy-officer');
    expect(done.errors).toBeUndefined();
    expect(done.data!.destroyConfidentialDocument.state).toBe('destroyed');
    const [row] = await sql<{ envelope: EventEnvelope }>(`SELECT envelope FROM outbox WHERE envelope->>'type' = 'gov.documents.confidential.destroyed'`);
    expect(row!.envelope.data).toMatchObject({ documentId: id, fromState: 'recovered', toState: 'destroyed' });
  });
});
