import { randomUUID } from 'node:crypto';
import type { NatsConnection } from '@nats-io/transport-node';
import { legalReview } from '@gov/contracts';
import { connectTestNats, eventually, publishTestEvent, readEventStream } from '@gov/testing';
import { errorCode, graphql, login, startTestPlatform, type TestPlatform } from './support/platform.js';

/**
 * Issue 3 §3 end to end through the gateway with real tokens: a department drafts a normative notice (拟稿), the
 * clerk registers it and proposes handling, legal review is required: the draft is blocked until legal review
 * passes (a failed opinion blocks it, a passing one releases it; the conclusions are published on JetStream as
 * the legal-review service would), then 核稿 → deputy director → 签发 by the office director → 复核 → 编号 → 校对 →
 * 印制 → 用印 → 分发 → 归档, and the queries show the history, the current holder and the register.
 */

const DRAFT = `fragment D on OutgoingDocument {
  id status registerNumber documentNumber title holder { id name } legalReview { required reasons status }
  nextActions { action roles } copyNumbers seal { mode seals } distribution { channel status }
}`;
const id = (op: string, extra = '', args = '') => `mutation ($id: ID!${args}) { ${op}(id: $id${extra}) { ...D } } ${DRAFT}`;
const SUBMIT = `mutation ($input: SubmitOutgoingDraftInput!) { submitOutgoingDraft(input: $input) { ...D } } ${DRAFT}`;
const HANDLING = `mutation ($input: ProposeOutgoingHandlingInput!) { proposeOutgoingHandling(input: $input) { ...D } } ${DRAFT}`;
const CHECK = `mutation ($input: CheckOutgoingInput!) { checkOutgoing(input: $input) { ...D } } ${DRAFT}`;
const SIGN = `mutation ($input: SignOutgoingInput!) { signOutgoing(input: $input) { ...D signOffs { signerName decision signedAt } } } ${DRAFT}`;
const SIGNATORY = `mutation ($input: SetOutgoingSignatoryInput!) { setOutgoingSignatory(input: $input) { userId posts } }`;
const GET = `query ($id: ID!) { outgoingDocument(id: $id) { ...D opinions { kind outcome opinion } history { action fromState toState actorName reason } } } ${DRAFT}`;
const LIST = `query ($from: String, $to: String, $q: String, $status: String) {
  outgoingDocuments(from: $from, to: $to, titleContains: $q, status: $status) { total items { id title documentNumber status } }
}`;

const INBOX = `query { outgoingInbox(limit: 200) { total items { reasons myActions document { id status holder { id } } } } }`;
/** The entry for one draft in the caller's outgoing inbox (what waits for me), or undefined. */
async function inboxEntry(who: string, draftId: string) {
  const page = await ok(INBOX, {}, who);
  return (page.items as { reasons: string[]; myActions: string[]; document: { id: string } }[]).find((i) => i.document.id === draftId);
}

const TITLE = '关于印发《区级行政规范性文件管理办法》的通知';

let platform: TestPlatform;
let nc: NatsConnection;
const tokens: Record<string, string> = {};
const sub = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sub as string;

async function run(query: string, variables: Record<string, unknown>, who: string) {
  const result = await graphql(platform.gateway, query, variables, tokens[who]);
  return result;
}
async function ok(query: string, variables: Record<string, unknown>, who: string) {
  const result = await run(query, variables, who);
  expect(result.errors).toBeUndefined();
  return Object.values(result.data!)[0] as Record<string, any>;
}

async function legalRequests(draftId: string) {
  return (await readEventStream(nc, platform.space))
    .filter((e) => e.envelope.type === 'gov.documents.outgoing.legal-review-requested')
    .map((e) => e.envelope.data as { requestId: string; subject: { id: string }; title: string | null; grounds: string[] })
    .filter((d) => d.subject.id === draftId);
}

async function conclude(draftId: string, requestId: string, outcome: 'passed' | 'failed', summary: string) {
  const reviewId = randomUUID();
  await publishTestEvent(nc, platform.space, legalReview.reviewConcluded, {
    reviewId,
    requestId,
    subject: { section: 'documents', kind: 'outgoing', id: draftId },
    outcome,
    opinionNumber: `法审〔2026〕${outcome === 'failed' ? 7 : 8}号`,
    summary,
    concludedAt: new Date().toISOString(),
    concludedBy: randomUUID(),
  });
}

async function legalStatus(draftId: string, expected: string) {
  return eventually(async () => {
    const r = await run(GET, { id: draftId }, 'clerk');
    return r.data?.outgoingDocument?.legalReview.status === expected ? r.data.outgoingDocument : undefined;
  }, 15_000);
}

beforeAll(async () => {
  platform = await startTestPlatform();
  nc = await connectTestNats();
  const users = ['unit-liaison', 'clerk', 'section-chief', 'deputy-director', 'director', 'archivist', 'admin', 'petition-officer'];
  const got = await Promise.all(users.map((u) => login(platform.issuer, u)));
  users.forEach((u, i) => (tokens[u] = got[i]!));
});

afterAll(async () => {
  await nc?.close();
  await platform?.stop();
});

describe('发文 end to end through the gateway', () => {
  it('拟稿 → … → 归档 with a legal review that first blocks, then passes; history, holder and register', async () => {
    // the office director is the 区委办主任 in the leader directory
    const director = sub(tokens.director!);
    expect(errorCode(await run(SIGNATORY, { input: { userId: director, name: '办公室主任', posts: ['party-office-director'] } }, 'clerk'))).toBe('FORBIDDEN');
    await ok(SIGNATORY, { input: { userId: director, name: '办公室主任', posts: ['party-office-director'] } }, 'admin');

    const draft = await ok(SUBMIT, { input: { title: TITLE, draftingUnit: '区司法局' } }, 'unit-liaison');
    expect(draft).toMatchObject({ status: 'submitted', registerNumber: null, holder: { id: sub(tokens['unit-liaison']!) } });
    expect(errorCode(await run(id('registerOutgoing'), { id: draft.id }, 'unit-liaison'))).toBe('FORBIDDEN');
    // what waits for whom: the liaison holds it, the clerk's role acts next (初核), the deputy has nothing to do
    expect(await inboxEntry('unit-liaison', draft.id)).toMatchObject({ reasons: ['in-hand'], myActions: [] });
    expect(await inboxEntry('clerk', draft.id)).toMatchObject({ reasons: ['my-role-acts-next'], myActions: ['propose-return', 'register'] });
    expect(await inboxEntry('deputy-director', draft.id)).toBeUndefined();
    const registered = await ok(id('registerOutgoing'), { id: draft.id }, 'clerk');
    expect(registered.registerNumber).toMatch(/^发文登记〔20\d\d〕1号$/);

    const proposed = await ok(
      HANDLING,
      { input: { id: draft.id, docType: '通知', issuingName: 'party-office', generalDistribution: true, normative: true, topics: ['fee'] } },
      'clerk',
    );
    expect(proposed.legalReview).toEqual({ required: true, reasons: ['normative', 'fee'], status: 'pending' });

    // blocked until legal review passes
    const blocked = await run(id('submitOutgoingForCheck'), { id: draft.id }, 'clerk');
    expect(errorCode(blocked)).toBe('CONFLICT');
    expect(errorCode(await run(id('requestOutgoingLegalReview'), { id: draft.id }, 'clerk'))).toBe('FORBIDDEN');
    const asked = await ok(id('requestOutgoingLegalReview'), { id: draft.id }, 'deputy-director');
    expect(asked.legalReview.status).toBe('requested');
    const [first] = await eventually(async () => {
      const r = await legalRequests(draft.id);
      return r.length === 1 ? r : undefined;
    });
    expect(first).toMatchObject({ title: TITLE, grounds: ['normative-document', 'fees'] });

    await conclude(draft.id, first!.requestId, 'failed', '第四条增设收费项目,无法律依据');
    const failed = await legalStatus(draft.id, 'failed');
    expect(failed.status).toBe('proposed');
    expect(failed.opinions).toEqual([{ kind: 'legal', outcome: 'fail', opinion: '第四条增设收费项目,无法律依据' }]);
    expect(errorCode(await run(id('submitOutgoingForCheck'), { id: draft.id }, 'clerk'))).toBe('CONFLICT');

    await ok(id('requestOutgoingLegalReview'), { id: draft.id }, 'deputy-director');
    const second = await eventually(async () => {
      const r = await legalRequests(draft.id);
      return r.length === 2 ? r[1] : undefined;
    });
    await conclude(draft.id, second!.requestId, 'passed', '删除第四条后符合法律法规规定');
    await legalStatus(draft.id, 'passed');

    await ok(id('submitOutgoingForCheck'), { id: draft.id }, 'clerk');
    expect(await inboxEntry('section-chief', draft.id)).toMatchObject({ reasons: ['my-role-acts-next'], myActions: ['return-for-revision', 'pass-check'] });
    expect(errorCode(await run(CHECK, { input: { id: draft.id, content: true, format: true, wording: true } }, 'clerk'))).toBe('FORBIDDEN');
    await ok(CHECK, { input: { id: draft.id, content: true, format: true, wording: true } }, 'section-chief');
    const bare = await run(
      `mutation ($id: ID!) { reviewOutgoingAsDeputy(id: $id, decision: "submit-for-signature", opinion: "已核") { id } }`,
      { id: draft.id },
      'deputy-director',
    );
    expect(errorCode(bare)).toBe('BAD_USER_INPUT');
    await ok(`mutation ($id: ID!) { reviewOutgoingAsDeputy(id: $id, decision: "submit-for-signature", opinion: "同意") { ...D } } ${DRAFT}`, { id: draft.id }, 'deputy-director');

    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(errorCode(await run(SIGN, { input: { id: draft.id, opinion: '已核', signedName: '办公室主任', signedAt: today } }, 'director'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await run(SIGN, { input: { id: draft.id, opinion: '同意', signedName: '文书', signedAt: today } }, 'clerk'))).toBe('FORBIDDEN');
    const signed = await ok(SIGN, { input: { id: draft.id, opinion: '同意印发', signedName: '办公室主任', signedAt: today } }, 'director');
    expect(signed.signOffs).toEqual([{ signerName: '办公室主任', decision: 'agree', signedAt: today }]);

    await ok(id('closeOutgoingSigning'), { id: draft.id }, 'clerk');
    expect((await ok(id('recheckOutgoing'), { id: draft.id }, 'section-chief')).status).toBe('rechecked');
    const numbered = await ok(id('numberOutgoing'), { id: draft.id }, 'clerk');
    expect(numbered.documentNumber).toMatch(/^区委办发〔20\d\d〕1号$/);
    await ok(
      `mutation ($id: ID!) { proofreadOutgoing(id: $id, text: "已校核。此稿付印存档。", proofreaderName: "王文清") { ...D } } ${DRAFT}`,
      { id: draft.id },
      'clerk',
    );
    const printed = await ok(`mutation ($id: ID!) { printOutgoing(id: $id, copies: 2) { ...D } } ${DRAFT}`, { id: draft.id }, 'clerk');
    expect(printed.copyNumbers).toEqual(['000001', '000002']);
    const sealed = await ok(id('sealOutgoing'), { id: draft.id }, 'clerk');
    expect(sealed.seal).toEqual({ mode: 'printed-on', seals: ['party-office'] });
    const issued = await ok(
      `mutation ($id: ID!) { distributeOutgoing(id: $id, channel: "exchange-station", recipients: ["区发改委", "区住建局"]) { ...D } } ${DRAFT}`,
      { id: draft.id },
      'clerk',
    );
    expect(issued.distribution).toEqual({ channel: 'exchange-station', status: 'on-time' });
    // SCENARIOS seed002 #29: the e-document is named 文号-文种-标题(yyyy.mm.dd) (seed 002 L399–401)
    const ARCHIVE = `mutation ($id: ID!, $name: String) { archiveOutgoing(id: $id, eDocumentName: $name) { ...D eDocumentName } } ${DRAFT}`;
    const eName = `${numbered.documentNumber}-通知-${TITLE}(${today.replaceAll('-', '.')})`;
    expect(errorCode(await run(ARCHIVE, { id: draft.id, name: eName.replace(/\((\d{4})\.(\d{2})\.(\d{2})\)$/, '($1-$2-$3)') }, 'archivist'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await run(ARCHIVE, { id: draft.id, name: eName.replace('-通知-', '-简报-') }, 'archivist'))).toBe('BAD_USER_INPUT');
    const archived = await ok(ARCHIVE, { id: draft.id, name: eName }, 'archivist');
    expect(archived).toMatchObject({ status: 'archived', nextActions: [], eDocumentName: eName });
    expect(archived.holder.id).toBe(sub(tokens.archivist!));
    // an archived draft waits for no one, not even its holder
    expect(await inboxEntry('archivist', draft.id)).toBeUndefined();
    expect(await inboxEntry('clerk', draft.id)).toBeUndefined();

    const shown = (await run(GET, { id: draft.id }, 'director')).data!.outgoingDocument;
    expect(shown.history.map((h: { action: string }) => h.action)).toEqual([
      'submit-draft', 'register', 'propose-handling', 'request-legal-review', 'record-legal-opinion', 'request-legal-review',
      'record-legal-opinion', 'submit-for-check', 'pass-check', 'submit-for-signature', 'sign', 'close-signing', 'recheck-pass',
      'assign-number', 'proofread', 'print', 'apply-seal', 'distribute', 'archive',
    ]);
    expect(shown.history[9]).toMatchObject({ action: 'submit-for-signature', reason: '拟同意' });

    const register = (await run(LIST, { q: '规范性文件管理', status: 'archived' }, 'director')).data!.outgoingDocuments;
    expect(register).toEqual({ total: 1, items: [{ id: draft.id, title: TITLE, documentNumber: numbered.documentNumber, status: 'archived' }] });
    const past = (await run(LIST, { to: '2020-01-01T00:00:00+08:00' }, 'director')).data!.outgoingDocuments;
    expect(past.total).toBe(0);

    const events = (await readEventStream(nc, platform.space)).filter((e) => e.envelope.subject === draft.id).map((e) => e.envelope.type);
    expect(events).toEqual(
      expect.arrayContaining([
        'gov.documents.outgoing.registered',
        'gov.documents.outgoing.signed-off',
        'gov.documents.outgoing.numbered',
        'gov.documents.outgoing.issued',
        'gov.documents.outgoing.archived',
      ]),
    );
  });

  it('refuses an anonymous caller, and the outgoing inbox to a role outside the register', async () => {
    const anonymous = await graphql(platform.gateway, LIST, {});
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
    expect(errorCode(await graphql(platform.gateway, INBOX, {}))).toBe('UNAUTHENTICATED');
    // role-checked like the register: a petition officer has no outgoing inbox
    expect(errorCode(await run(INBOX, {}, 'petition-officer'))).toBe('FORBIDDEN');
  });
});
