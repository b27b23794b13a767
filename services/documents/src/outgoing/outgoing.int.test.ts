import { randomUUID } from 'node:crypto';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Actor } from '@gov/auth';
import type { z } from 'zod';
import { documents, legalReview, type CommandContract, type SubjectSpace } from '@gov/contracts';
import { RpcClient } from '@gov/messaging';
import { listNumbers } from '@gov/persistence';
import { toIsoDate } from '@gov/calendar';
import {
  cleanupSpace,
  connectTestNats,
  eventually,
  publishTestEvent,
  readEventStream,
  refusalOf,
  republishTestEvent,
  startTestService,
  testActor,
  uniqueSpace,
  type TestService,
} from '@gov/testing';
import { documentsService } from '../service.js';

/**
 * 发文 over NATS against a real database (issue 3 §3, §7, §8): every step of 拟稿 → … → 归档 with its rule, the
 * refusals with their codes (and nothing written), the legal-review exchange over JetStream, the events, and
 * 50 parallel 文号 allocations.
 */

const NOW = new Date('2026-11-20T02:00:00Z'); // 10:00 Beijing
let t = NOW.getTime();
const clock = { now: () => new Date(t) };
const HOUR = 3600_000;

const uid = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const clerk = testActor('clerk', { clearance: 'confidential', id: uid(1) });
const liaison = testActor('unit-liaison', { id: uid(2), unit: 'QSFJ' });
const chief = testActor('section-chief', { clearance: 'confidential', id: uid(3) });
const deputy = testActor('deputy-director', { clearance: 'confidential', id: uid(4) });
const director = testActor('director', { clearance: 'top-secret', id: uid(5), name: '李主任' });
const secretary = testActor('district-leader', { clearance: 'top-secret', id: uid(6), rank: 1, name: '王书记' });
const districtHead = testActor('district-leader', { clearance: 'top-secret', id: uid(7), rank: 2, name: '赵区长' });
const viceHeadEdu = testActor('district-leader', { clearance: 'top-secret', id: uid(8), rank: 6, name: '钱副区长' });
const viceHeadBuild = testActor('district-leader', { clearance: 'top-secret', id: uid(9), rank: 5, name: '孙副区长' });
const govOfficeDirector = testActor('director', { clearance: 'top-secret', id: uid(10), name: '周主任' });
const confidentialClerk = testActor('confidential-clerk', { clearance: 'top-secret', id: uid(11) });
const secrecyOfficer = testActor('secrecy-officer', { clearance: 'top-secret', id: uid(12) });
const archivist = testActor('archivist', { clearance: 'confidential', id: uid(13) });
const admin = testActor('admin', { id: uid(14) });
const outsider = testActor('clerk', { clearance: 'none', id: uid(15) });

let space: SubjectSpace;
let service: TestService;
let nc: NatsConnection;
let rpc: RpcClient;

/** A request as the given actor; inputs are loose so that tests can send what a client might. */
const req = <I extends z.ZodType, O extends z.ZodType>(contract: CommandContract<I, O>, input: unknown, actor: Actor): Promise<z.infer<O>> =>
  rpc.request(contract, input as never, { actor });

async function counts() {
  const db = service.runtime.db;
  const q = async (sql: string) => Number(((await db.$queryRawUnsafe(sql)) as { n: bigint }[])[0]!.n);
  return {
    docs: await q('SELECT count(*) n FROM outgoing_document'),
    history: await q('SELECT count(*) n FROM outgoing_document_history'),
    signOffs: await q('SELECT count(*) n FROM outgoing_sign_off'),
    outbox: await q('SELECT count(*) n FROM outbox'),
    numbers: await q('SELECT count(*) n FROM issued_number'),
    audit: await q('SELECT count(*) n FROM audit_log'),
  };
}

/** A refusal leaves nothing behind: same row counts before and after. */
async function refusedWithoutTrace(request: () => Promise<unknown>) {
  const before = await counts();
  const error = await refusalOf(request());
  expect(await counts()).toEqual(before);
  return error;
}

const today = '2026-11-20';
const opinion = (text: string, who: Actor, date = today) => ({ opinion: text, signedName: who.name, signedAt: date });

interface Handling {
  docType?: string;
  issuingName?: string;
  normative?: boolean;
  topics?: string[];
  portfolios?: string[];
  major?: boolean;
  generalDistribution?: boolean;
  toCityGovernment?: boolean;
  liaisonSecretaryId?: string;
  jointReview?: Record<string, unknown>;
}

async function submit(title = '关于做好2026年冬季安全生产工作的通知', classification: string = 'none', by: Actor = liaison) {
  return req(documents.submitOutgoingDraft, { title, draftingUnit: '区应急管理局', classification, ...(classification !== 'none' ? { needToKnow: ['QWBGS'] } : {}) }, by);
}

async function toProposed(h: Handling = {}, title?: string, classification = 'none', by: Actor = liaison) {
  const d = await submit(title, classification, by);
  await req(documents.registerOutgoing, { id: d.id }, clerk);
  return req(documents.proposeOutgoingHandling, { id: d.id, docType: '通知', issuingName: 'party-office', generalDistribution: true, ...h }, clerk);
}

async function toSigning(h: Handling = {}, title?: string, classification = 'none', by?: Actor) {
  const d = await toProposed(h, title, classification, by);
  await req(documents.submitOutgoingForCheck, { id: d.id }, clerk);
  await req(documents.checkOutgoing, { id: d.id, content: true, format: true, wording: true }, chief);
  return req(documents.reviewOutgoingAsDeputy, { id: d.id, decision: 'submit-for-signature', opinion: '同意' }, deputy);
}

async function toRechecked(h: Handling = {}, title?: string, classification = 'none', by?: Actor) {
  const d = await toSigning(h, title, classification, by);
  await req(documents.signOutgoing, { id: d.id, ...opinion('同意印发', director) }, director);
  await req(documents.closeOutgoingSigning, { id: d.id }, clerk);
  return req(documents.recheckOutgoing, { id: d.id }, chief);
}

async function toPrinted(h: Handling = {}, title?: string, classification = 'none', by?: Actor) {
  const d = await toRechecked(h, title, classification, by);
  await req(documents.numberOutgoing, { id: d.id }, clerk);
  await req(documents.proofreadOutgoing, { id: d.id, text: '已校核。此稿付印存档。', proofreaderName: clerk.name }, clerk);
  return req(documents.printOutgoing, { id: d.id, copies: 3, siteMeetsSecrecyRules: true }, clerk);
}

let sealsRecorded = false;
/**
 * A stamped seal-use request through the seals workflow (request → leader's approval → keeper's review), and the
 * id of the 印章使用登记簿 entry it left: what the 用印 step of 发文 references (DO1).
 */
async function sealRegisterEntry(seal: string, purpose: string, documentTitle: string): Promise<string> {
  if (!sealsRecorded) {
    for (const kind of ['party-committee', 'government', 'party-office', 'government-office']) {
      await req(documents.registerSeal, { kind, name: kind, keeperIds: [clerk.id] }, director);
    }
    await req(documents.registerSealApprover, { userId: director.id, name: director.name, posts: ['party-office-director'] }, director);
    await req(documents.registerSealApprover, { userId: govOfficeDirector.id, name: govOfficeDirector.name, posts: ['government-office-director'] }, director);
    await req(documents.registerSealApprover, { userId: secretary.id, name: secretary.name, posts: ['party-secretary'] }, director);
    await req(documents.registerSealApprover, { userId: districtHead.id, name: districtHead.name, posts: ['district-head'] }, director);
    sealsRecorded = true;
  }
  const approver = { 'party-committee': secretary, government: districtHead, 'government-office': govOfficeDirector }[seal] ?? director;
  const request = await req(documents.requestSealUse, { seal, purpose, purposeText: '印发文件', documentTitle, impressions: 3 }, clerk);
  await req(documents.approveSealUse, { id: request.id, approvalText: '同意用印。' }, approver);
  const stamped = await req(documents.reviewSealUse, { id: request.id }, clerk);
  expect(stamped.state).toBe('stamped');
  const [entry] = await service.runtime.db.$queryRawUnsafe<{ id: string }[]>('SELECT id::text FROM seal_register_entry WHERE request_id = $1::uuid', request.id);
  return entry!.id;
}

async function publishConclusion(subjectId: string, requestId: string, outcome: 'passed' | 'passed-with-changes' | 'failed', summary: string) {
  const reviewId = randomUUID();
  return publishTestEvent(nc, space, legalReview.reviewConcluded, {
    reviewId,
    requestId,
    subject: { section: 'documents', kind: 'outgoing', id: subjectId },
    outcome,
    opinionNumber: `法审〔2026〕${Math.floor(Math.random() * 900) + 1}号`,
    summary,
    concludedAt: new Date(t).toISOString(),
    concludedBy: uid(20),
  });
}

async function events(type: string) {
  await service.runtime.relay.drain();
  return (await readEventStream(nc, space)).filter((e) => e.envelope.type === type).map((e) => e.envelope);
}

beforeAll(async () => {
  space = uniqueSpace();
  service = await startTestService(documentsService, { space, clock });
  nc = await connectTestNats();
  rpc = new RpcClient(nc, space);
  const directory: [Actor, string[], string[]][] = [
    [director, ['party-office-director'], []],
    [secretary, ['party-secretary'], []],
    [districtHead, ['district-head'], []],
    [viceHeadEdu, ['deputy-district-head'], ['教育']],
    [viceHeadBuild, ['deputy-district-head'], ['住建']],
    [govOfficeDirector, ['government-office-director'], []],
  ];
  for (const [a, posts, portfolios] of directory) {
    await req(documents.setSignatory, { userId: a.id, name: a.name, posts, portfolios, rank: a.rank }, admin);
  }
});

afterAll(async () => {
  await nc?.close();
  await service?.stop();
  await cleanupSpace(space);
});

describe('发文 from 拟稿 to 归档, over NATS against a real database', () => {
  it('runs every step, records each hand-over with who holds it, numbers it 区委办发〔2026〕N号 and emits the events', async () => {
    const d = await submit('关于做好2026年春节期间值班工作的通知');
    expect(d).toMatchObject({ status: 'submitted', holder: { id: liaison.id }, registerNumber: null });
    const registered = await req(documents.registerOutgoing, { id: d.id }, clerk);
    expect(registered.registerNumber).toMatch(/^发文登记〔2026〕\d+号$/);
    const proposed = await req(
      documents.proposeOutgoingHandling,
      { id: d.id, docType: '通知', issuingName: 'party-office', generalDistribution: true },
      clerk,
    );
    expect(proposed).toMatchObject({ status: 'proposed', legalReview: { required: false, status: 'not-required' }, jointReview: { required: false } });
    await req(documents.submitOutgoingForCheck, { id: d.id }, clerk);
    await req(documents.checkOutgoing, { id: d.id, content: true, format: true, wording: true }, chief);
    const toSign = await req(documents.reviewOutgoingAsDeputy, { id: d.id, decision: 'submit-for-signature', opinion: '同意' }, deputy);
    expect(toSign.history.at(-1)!.reason).toBe('拟同意');
    expect(toSign.signingPlan).toEqual([{ id: 'issue', labelZh: '区委办主任签发', satisfied: false }]);
    const signed = await req(documents.signOutgoing, { id: d.id, ...opinion('同意印发', director) }, director);
    expect(signed.signingPlan[0]!.satisfied).toBe(true);
    expect(signed.signOffs[0]).toMatchObject({ signerId: director.id, decision: 'agree', signedAt: today, posts: ['party-office-director'] });
    await req(documents.closeOutgoingSigning, { id: d.id }, clerk);
    const rechecked = await req(documents.recheckOutgoing, { id: d.id }, chief);
    expect(rechecked.status).toBe('rechecked');
    const numbered = await req(documents.numberOutgoing, { id: d.id }, clerk);
    expect(numbered.documentNumber).toMatch(/^区委办发〔2026〕[1-9]\d*号$/);
    const proofed = await req(documents.proofreadOutgoing, { id: d.id, text: '已校核。此稿付印存档。', proofreaderName: clerk.name }, clerk);
    expect(proofed.proofMark).toMatchObject({ text: '已校核。此稿付印存档。', proofreaderName: clerk.name });
    const printed = await req(documents.printOutgoing, { id: d.id, copies: 3 }, clerk);
    expect(printed.copyNumbers).toEqual(['000001', '000002', '000003']);
    expect(printed.distributionDueAt).toBe(new Date(NOW.getTime() + 24 * HOUR).toISOString());
    const sealed = await req(documents.sealOutgoing, { id: d.id }, clerk);
    expect(sealed.seal).toMatchObject({ mode: 'printed-on', seals: ['party-office'] });
    const issued = await req(documents.distributeOutgoing, { id: d.id, channel: 'exchange-station', recipients: ['区发改委', '区住建局'] }, clerk);
    expect(issued.distribution).toMatchObject({ channel: 'exchange-station', status: 'on-time' });
    const archived = await req(documents.archiveOutgoing, { id: d.id }, archivist);
    expect(archived).toMatchObject({ status: 'archived', holder: { id: archivist.id } });

    const full = await req(documents.getOutgoing, { id: d.id }, director);
    expect(full.history.map((h) => h.action)).toEqual([
      'submit-draft', 'register', 'propose-handling', 'submit-for-check', 'pass-check', 'submit-for-signature', 'sign',
      'close-signing', 'recheck-pass', 'assign-number', 'proofread', 'print', 'apply-seal', 'distribute', 'archive',
    ]);
    expect(full.history.map((h) => h.actorId)).toEqual([
      liaison.id, clerk.id, clerk.id, clerk.id, chief.id, deputy.id, director.id, clerk.id, chief.id, clerk.id, clerk.id, clerk.id, clerk.id, clerk.id, archivist.id,
    ]);
    expect(full.nextActions).toEqual([]);

    const types = (await events('gov.documents.outgoing.registered')).concat(await events('gov.documents.outgoing.numbered'));
    expect(types.find((e) => e.subject === d.id && e.type.endsWith('registered'))!.data).toMatchObject({ title: '关于做好2026年春节期间值班工作的通知' });
    expect((await events('gov.documents.outgoing.signed-off')).find((e) => e.subject === d.id)!.data).toMatchObject({ signerIds: [director.id] });
    expect((await events('gov.documents.outgoing.numbered')).find((e) => e.subject === d.id)!.data).toMatchObject({
      documentNumber: numbered.documentNumber,
      prefix: '区委办发',
      year: 2026,
      issuingName: 'party-office',
    });
    expect((await events('gov.documents.outgoing.issued')).find((e) => e.subject === d.id)!.data).toMatchObject({ onTime: true, channel: 'exchange-station' });
    expect((await events('gov.documents.outgoing.archived')).find((e) => e.subject === d.id)!.data).toMatchObject({ originalHeldBy: 'party-office' });
    // every step tells inboxes who holds the draft and who acts next (no title)
    const handOvers = (await events('gov.documents.outgoing.handed-over')).filter((e) => e.subject === d.id);
    expect(handOvers.map((e) => (e.data as { action: string }).action)).toEqual(full.history.map((h) => h.action));
    expect(handOvers[4]!.data).toEqual({
      documentId: d.id,
      action: 'pass-check',
      fromState: 'chief-check',
      toState: 'deputy-review',
      holder: { id: chief.id, name: chief.name },
      nextRoles: ['deputy-director'],
      classification: 'none',
      at: NOW.toISOString(),
      by: chief.id,
    });
    expect(await service.runtime.backlog()).toBe(0);
  });

  it('refuses each step to the wrong role (FORBIDDEN) and in the wrong state (CONFLICT), writing nothing', async () => {
    const d = await submit();
    expect((await refusedWithoutTrace(() => req(documents.registerOutgoing, { id: d.id }, liaison))).code).toBe('FORBIDDEN');
    expect((await refusedWithoutTrace(() => req(documents.numberOutgoing, { id: d.id }, clerk))).code).toBe('CONFLICT');
    expect((await refusedWithoutTrace(() => req(documents.archiveOutgoing, { id: d.id }, archivist))).code).toBe('CONFLICT');
    const unknown = await refusalOf(req(documents.getOutgoing, { id: randomUUID() }, clerk));
    expect(unknown.code).toBe('NOT_FOUND');
  });
});

describe('初核: return on typed grounds, approved by the deputy director (seed 000 L188–200)', () => {
  it('needs at least one of the ten grounds and ⑩ with a text; chief endorses, deputy approves, the drafter gets it back', async () => {
    const d = await submit('关于请求区政府解决办公用房的请示');
    expect((await refusedWithoutTrace(() => req(documents.proposeOutgoingReturn, { id: d.id, grounds: [{ ground: 'other' }] }, clerk))).code).toBe('BAD_USER_INPUT');
    expect((await refusedWithoutTrace(() => req(documents.proposeOutgoingReturn, { id: d.id, grounds: [{ ground: 'made-up' }] }, clerk))).code).toBe('BAD_USER_INPUT');
    await req(documents.proposeOutgoingReturn, { id: d.id, grounds: [{ ground: 'within-own-authority' }, { ground: 'not-coordinated' }] }, clerk);
    expect((await refusedWithoutTrace(() => req(documents.approveOutgoingReturn, { id: d.id }, deputy))).code).toBe('CONFLICT');
    await req(documents.endorseOutgoingReturn, { id: d.id }, chief);
    expect((await refusedWithoutTrace(() => req(documents.approveOutgoingReturn, { id: d.id }, chief))).code).toBe('FORBIDDEN');
    const returned = await req(documents.approveOutgoingReturn, { id: d.id }, deputy);
    expect(returned).toMatchObject({ status: 'returned', holder: { id: liaison.id }, registerNumber: null });
    const event = (await events('gov.documents.outgoing.returned')).find((e) => e.subject === d.id)!;
    expect(event.data).toMatchObject({ grounds: ['within-own-authority', 'not-coordinated'], approvedBy: deputy.id, draftingUnit: '区应急管理局' });
  });

  it('a refused return goes back to 初核 and can then be registered', async () => {
    const d = await submit();
    await req(documents.proposeOutgoingReturn, { id: d.id, grounds: [{ ground: 'incomplete' }] }, clerk);
    const back = await req(documents.rejectOutgoingReturn, { id: d.id, reason: '附件已补齐' }, chief);
    expect(back.status).toBe('submitted');
    expect((await req(documents.registerOutgoing, { id: d.id }, clerk)).status).toBe('registered');
  });
});

describe('拟办: 文种, 会稿 and 法制审核', () => {
  it('SCENARIOS seed002 #29: 简报 is not one of the 15 document types (BAD_USER_INPUT)', async () => {
    const d = await submit();
    await req(documents.registerOutgoing, { id: d.id }, clerk);
    const e = await refusedWithoutTrace(() => req(documents.proposeOutgoingHandling, { id: d.id, docType: '其他', issuingName: 'party-office' }, clerk));
    expect(e.code).toBe('BAD_USER_INPUT');
    const e2 = await refusedWithoutTrace(() => req(documents.proposeOutgoingHandling, { id: d.id, docType: '简报', issuingName: 'party-office' }, clerk));
    expect(e2.code).toBe('BAD_USER_INPUT');
  });

  it('a government document names its portfolio so the leader in charge can sign (BAD_USER_INPUT at 拟办)', async () => {
    const d = await submit();
    await req(documents.registerOutgoing, { id: d.id }, clerk);
    const e = await refusedWithoutTrace(() => req(documents.proposeOutgoingHandling, { id: d.id, docType: '通知', issuingName: 'government' }, clerk));
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(e.details)).toContain('portfolios');
  });

  it('SCENARIOS seed002 #13: a normative draft cannot go to 核稿 without a passing legal opinion; a failed one blocks it; a pass lets it go on', async () => {
    const d = await toProposed({ normative: true, docType: '通知', issuingName: 'government-office', portfolios: ['住建'] }, '关于印发《区级行政规范性文件管理办法》的通知');
    expect(d.legalReview).toEqual({ required: true, reasons: ['normative'], status: 'pending' });
    const blocked = await refusedWithoutTrace(() => req(documents.submitOutgoingForCheck, { id: d.id }, clerk));
    expect(blocked.code).toBe('CONFLICT');
    expect(blocked.details).toMatchObject({ legalReview: 'missing' });

    expect((await refusedWithoutTrace(() => req(documents.requestOutgoingLegalReview, { id: d.id }, clerk))).code).toBe('FORBIDDEN');
    const asked = await req(documents.requestOutgoingLegalReview, { id: d.id }, deputy);
    expect(asked.legalReview.status).toBe('requested');
    const request = (await events('gov.documents.outgoing.legal-review-requested')).find((e) => (e.data as { subject: { id: string } }).subject.id === d.id)!;
    const requestData = request.data as { requestId: string; grounds: string[]; title: string | null };
    expect(requestData).toMatchObject({ grounds: ['normative-document'], title: '关于印发《区级行政规范性文件管理办法》的通知' });

    // a conclusion for another request (stale) or another section changes nothing
    await publishConclusion(d.id, randomUUID(), 'passed', '与本稿无关');
    // failed: back to 拟办, blocked
    await publishConclusion(d.id, requestData.requestId, 'failed', '第五条设定行政处罚,超越权限');
    const failed = await eventually(async () => {
      const v = await req(documents.getOutgoing, { id: d.id }, clerk);
      return v.status === 'proposed' ? v : undefined;
    });
    expect(failed.legalReview.status).toBe('failed');
    expect(failed.opinions).toHaveLength(1);
    expect(failed.opinions[0]).toMatchObject({ kind: 'legal', outcome: 'fail', opinion: '第五条设定行政处罚,超越权限' });
    expect(failed.history.at(-1)).toMatchObject({ action: 'record-legal-opinion', fromState: 'legal-review', toState: 'proposed' });
    const stillBlocked = await refusedWithoutTrace(() => req(documents.submitOutgoingForCheck, { id: d.id }, clerk));
    expect(stillBlocked.details).toMatchObject({ legalReview: 'failed' });

    // revised and sent again: passed
    const again = await req(documents.requestOutgoingLegalReview, { id: d.id }, deputy);
    const second = (await events('gov.documents.outgoing.legal-review-requested'))
      .map((e) => e.data as { requestId: string; subject: { id: string } })
      .filter((x) => x.subject.id === d.id && x.requestId !== requestData.requestId)[0]!;
    expect(again.status).toBe('legal-review');
    const pass = await publishConclusion(d.id, second.requestId, 'passed-with-changes', '修改后符合法律法规规定');
    // a redelivery of the same conclusion is ignored
    await republishTestEvent(nc, space, pass, randomUUID());
    await eventually(async () => ((await req(documents.getOutgoing, { id: d.id }, clerk)).legalReview.status === 'passed' ? true : undefined));
    const checked = await req(documents.submitOutgoingForCheck, { id: d.id }, clerk);
    expect(checked.status).toBe('chief-check');
    expect(checked.opinions.filter((o) => o.kind === 'legal')).toHaveLength(2);
  });

  it.each([
    ['licensing', ['licensing']],
    ['penalty', ['penalty']],
    ['fee', ['fees']],
    ['compulsory-measure', ['compulsory-measure']],
  ])('seed 004 L44: a draft on %s needs legal review (grounds %j)', async (topic, grounds) => {
    const d = await toProposed({ topics: [topic] });
    expect(d.legalReview.required).toBe(true);
    expect((await refusalOf(req(documents.submitOutgoingForCheck, { id: d.id }, clerk))).code).toBe('CONFLICT');
    await req(documents.requestOutgoingLegalReview, { id: d.id }, deputy);
    const event = (await events('gov.documents.outgoing.legal-review-requested')).find((e) => (e.data as { subject: { id: string } }).subject.id === d.id)!;
    expect((event.data as { grounds: string[] }).grounds).toEqual(grounds);
  });

  it('SCENARIOS seed002 #13: an appointment draft is not routed to legal review', async () => {
    const d = await toProposed({ docType: '通知', issuingName: 'party-office' }, '关于张三同志任职的通知');
    expect(d.legalReview.required).toBe(false);
    expect((await req(documents.submitOutgoingForCheck, { id: d.id }, clerk)).status).toBe('chief-check');
  });

  it('会稿 (seed 000 L208; seed 002 L381): every unit answers agree/disagree with name and full date; a disagreement needs a ruling', async () => {
    const d = await toProposed({ jointReview: { policyOrNormative: true, competentDepartments: 2, units: ['区发改委', '区财政局'] } });
    expect(d.jointReview).toEqual({ required: true, units: ['区发改委', '区财政局'] });
    expect((await refusedWithoutTrace(() => req(documents.submitOutgoingForCheck, { id: d.id }, clerk))).code).toBe('CONFLICT');
    await req(documents.requestOutgoingJointReview, { id: d.id }, clerk);
    const bad = await refusedWithoutTrace(() =>
      req(documents.recordOutgoingJointOpinion, { id: d.id, unit: '区发改委', opinion: '已核', signedName: '刘', signedAt: today }, clerk),
    );
    expect(bad.code).toBe('BAD_USER_INPUT');
    const noYear = await refusedWithoutTrace(() =>
      req(documents.recordOutgoingJointOpinion, { id: d.id, unit: '区发改委', opinion: '同意', signedName: '刘', signedAt: '11月20日' }, clerk),
    );
    expect(noYear.code).toBe('BAD_USER_INPUT');
    expect((await refusedWithoutTrace(() => req(documents.recordOutgoingJointOpinion, { id: d.id, unit: '区教育局', opinion: '同意', signedName: '刘', signedAt: today }, clerk))).code).toBe('BAD_USER_INPUT');
    await req(documents.recordOutgoingJointOpinion, { id: d.id, unit: '区发改委', opinion: '同意', signedName: '刘明', signedAt: '2026年11月20日' }, liaison);
    const missing = await refusedWithoutTrace(() => req(documents.closeOutgoingJointReview, { id: d.id }, clerk));
    expect(missing.details).toMatchObject({ missing: ['区财政局'] });
    await req(documents.recordOutgoingJointOpinion, { id: d.id, unit: '区财政局', opinion: '不同意,资金来源未落实', signedName: '陈红', signedAt: today }, clerk);
    const disagree = await refusedWithoutTrace(() => req(documents.closeOutgoingJointReview, { id: d.id }, clerk));
    expect(disagree.details).toMatchObject({ disagreeing: ['区财政局'] });
    const closed = await req(documents.closeOutgoingJointReview, { id: d.id, ruling: { by: '王书记', text: '资金由区财政统筹' } }, clerk);
    expect(closed.status).toBe('proposed');
    expect((await req(documents.submitOutgoingForCheck, { id: d.id }, clerk)).status).toBe('chief-check');
  });
});

describe('核稿 and the deputy director', () => {
  it('a failed content, format or wording check returns the draft to its drafter; the deputy director may not write a bare "已核"', async () => {
    const d = await toProposed();
    await req(documents.submitOutgoingForCheck, { id: d.id }, clerk);
    const back = await req(documents.checkOutgoing, { id: d.id, content: true, format: false, wording: true, remarks: '文种使用不当' }, chief);
    expect(back).toMatchObject({ status: 'revising', holder: { id: liaison.id } });
    await req(documents.resubmitOutgoing, { id: d.id, changes: '改为通知' }, clerk);
    await req(documents.checkOutgoing, { id: d.id, content: true, format: true, wording: true }, chief);
    // SCENARIOS seed002 #14
    const bare = await refusedWithoutTrace(() => req(documents.reviewOutgoingAsDeputy, { id: d.id, decision: 'submit-for-signature', opinion: '已核' }, deputy));
    expect(bare.code).toBe('BAD_USER_INPUT');
    const ok = await req(documents.reviewOutgoingAsDeputy, { id: d.id, decision: 'submit-for-signature', opinion: '同意,请王书记签发' }, deputy);
    expect(ok.history.at(-1)!.reason).toBe('拟同意,请王书记签发');
  });
});

describe('签发: signer rules (seed 004 L48; seed 003 L13@c10032–10221; seed 002 L379–381; 条例 art. 22)', () => {
  it('SCENARIOS seed002 #14: "已核", a bare name or a date without the year is refused; only leaders in the plan may sign', async () => {
    const d = await toSigning();
    for (const bad of [opinion('已核', director), opinion('李主任', director), { ...opinion('同意', director), signedAt: '11月20日' }]) {
      expect((await refusedWithoutTrace(() => req(documents.signOutgoing, { id: d.id, ...bad }, director))).code).toBe('BAD_USER_INPUT');
    }
    expect((await refusedWithoutTrace(() => req(documents.signOutgoing, { id: d.id, ...opinion('同意', secretary) }, secretary))).code).toBe('FORBIDDEN');
    expect((await refusedWithoutTrace(() => req(documents.signOutgoing, { id: d.id, ...opinion('同意', clerk) }, clerk))).code).toBe('FORBIDDEN');
  });

  it('a 区委 document: 区委办主任审签 first, then 区委书记签发; the secretary signing first is 越级 (CONFLICT)', async () => {
    const d = await toSigning({ issuingName: 'party-committee' });
    expect(d.signingPlan.map((s) => s.labelZh)).toEqual(['区委办主任审签', '区委书记签发']);
    const skip = await refusedWithoutTrace(() => req(documents.signOutgoing, { id: d.id, ...opinion('同意', secretary) }, secretary));
    expect(skip.code).toBe('CONFLICT');
    expect(JSON.stringify(skip.details)).toContain('skip-level');
    await req(documents.signOutgoing, { id: d.id, ...opinion('拟同意', director) }, director);
    const done = await req(documents.signOutgoing, { id: d.id, ...opinion('同意', secretary) }, secretary);
    expect(done.signingPlan.every((s) => s.satisfied)).toBe(true);
  });

  it('SCENARIOS seed000-a #11: several portfolios are countersigned in ascending rank; 倒签 is refused (SCENARIOS seed002 #16)', async () => {
    const d = await toSigning({ issuingName: 'government', portfolios: ['教育', '住建'] });
    expect(d.signingPlan.map((s) => s.id)).toEqual(['in-charge:教育', 'in-charge:住建']);
    // the more senior vice head (rank 5) may not sign before the junior one (rank 6)
    const order = await refusedWithoutTrace(() => req(documents.signOutgoing, { id: d.id, ...opinion('同意', viceHeadBuild) }, viceHeadBuild));
    expect(order.code).toBe('CONFLICT');
    expect(order.details).toMatchObject({ problem: { code: 'out-of-rank-order' }, waitFor: ['in-charge:教育'] });
    await req(documents.signOutgoing, { id: d.id, ...opinion('同意', viceHeadEdu, '2026-11-20') }, viceHeadEdu);
    const backdated = await refusedWithoutTrace(() => req(documents.signOutgoing, { id: d.id, ...opinion('同意', viceHeadBuild, '2026-11-19') }, viceHeadBuild));
    expect(JSON.stringify(backdated.details)).toContain('backdated');
    await req(documents.signOutgoing, { id: d.id, ...opinion('同意', viceHeadBuild, '2026-11-20') }, viceHeadBuild);
    await req(documents.closeOutgoingSigning, { id: d.id }, clerk);
    expect((await req(documents.recheckOutgoing, { id: d.id }, chief)).status).toBe('rechecked');
  });

  it('major content needs the principal leader: 政府办主任审签 → leader in charge → 区长签发', async () => {
    const d = await toSigning({ issuingName: 'government', portfolios: ['教育'], major: true });
    expect(d.signingPlan.map((s) => s.labelZh)).toEqual(['政府办主任审签', '分管教育的区领导审签', '区长签发']);
  });

  it('SCENARIOS seed002 #16: a proxy signature needs the recorded consent', async () => {
    const d = await toSigning();
    const noConsent = await refusedWithoutTrace(() =>
      req(documents.signOutgoing, { id: d.id, ...opinion('同意', govOfficeDirector), proxy: { kind: 'authorised', onBehalfOf: director.id, consentRef: ' ' } }, govOfficeDirector),
    );
    expect(noConsent.code).toBe('BAD_USER_INPUT');
    const ok = await req(
      documents.signOutgoing,
      { id: d.id, ...opinion('同意', govOfficeDirector), proxy: { kind: 'authorised', onBehalfOf: director.id, consentRef: '电话请示李主任同意,2026-11-20 09:40' } },
      govOfficeDirector,
    );
    expect(ok.signingPlan[0]!.satisfied).toBe(true);
  });

  it('a disagreement sends the draft back for revision and the next round starts afresh', async () => {
    const d = await toSigning();
    const declined = await req(documents.signOutgoing, { id: d.id, ...opinion('不同意,请重新核实数据', director) }, director);
    expect(declined).toMatchObject({ status: 'revising', holder: { id: liaison.id } });
    await req(documents.resubmitOutgoing, { id: d.id, changes: '数据已核实' }, clerk);
    await req(documents.checkOutgoing, { id: d.id, content: true, format: true, wording: true }, chief);
    const again = await req(documents.reviewOutgoingAsDeputy, { id: d.id, decision: 'submit-for-signature', opinion: '同意' }, deputy);
    expect(again.signingPlan[0]!.satisfied).toBe(false);
  });
});

describe('复核 and 编号', () => {
  it('SCENARIOS seed000-a #12: a missing signature (漏签) fails 复核, blocks numbering and tells the office leader in charge', async () => {
    const d = await toSigning({ issuingName: 'party-committee' });
    await req(documents.signOutgoing, { id: d.id, ...opinion('拟同意', director) }, director);
    await req(documents.closeOutgoingSigning, { id: d.id }, clerk);
    const failed = await req(documents.recheckOutgoing, { id: d.id }, chief);
    expect(failed.status).toBe('signing');
    expect(failed.history.at(-1)).toMatchObject({ action: 'recheck-fail', reason: 'missing' });
    const blocked = await refusedWithoutTrace(() => req(documents.numberOutgoing, { id: d.id }, clerk));
    expect(blocked.code).toBe('CONFLICT');
    const event = (await events('gov.documents.outgoing.recheck-failed')).find((e) => e.subject === d.id)!;
    expect(event.data).toMatchObject({ problems: ['missing'], missingSteps: ['issue'], checkedBy: chief.id });
    await req(documents.signOutgoing, { id: d.id, ...opinion('同意', secretary) }, secretary);
    await req(documents.closeOutgoingSigning, { id: d.id }, clerk);
    expect((await req(documents.recheckOutgoing, { id: d.id }, chief)).status).toBe('rechecked');
    expect((await req(documents.numberOutgoing, { id: d.id }, clerk)).documentNumber).toMatch(/^区委发〔2026〕\d+号$/);
  });

  it('SCENARIOS seed003 #10: a substantive change after signing goes back to the original signer, who alone re-signs; the 文号 is kept', async () => {
    const d = await toSigning({ issuingName: 'party-committee' });
    await req(documents.signOutgoing, { id: d.id, ...opinion('拟同意', director) }, director);
    await req(documents.signOutgoing, { id: d.id, ...opinion('同意', secretary) }, secretary);
    await req(documents.closeOutgoingSigning, { id: d.id }, clerk);
    await req(documents.recheckOutgoing, { id: d.id }, chief);
    const numbered = await req(documents.numberOutgoing, { id: d.id }, clerk);
    const editorial = await req(documents.changeOutgoingAfterSigning, { id: d.id, kind: 'editorial', description: '改正标点' }, chief);
    expect(editorial.status).toBe('numbered');
    const changed = await req(documents.changeOutgoingAfterSigning, { id: d.id, kind: 'substantive', description: '增加第三条资金保障' }, chief);
    expect(changed).toMatchObject({ status: 'awaiting-resign', holder: { id: secretary.id, name: secretary.name } });
    expect((await refusedWithoutTrace(() => req(documents.reSignOutgoing, { id: d.id, ...opinion('同意', director) }, director))).code).toBe('FORBIDDEN');
    expect((await refusedWithoutTrace(() => req(documents.numberOutgoing, { id: d.id }, clerk))).code).toBe('CONFLICT');
    await req(documents.reSignOutgoing, { id: d.id, ...opinion('同意修改', secretary) }, secretary);
    await req(documents.recheckOutgoing, { id: d.id }, chief);
    const before = await counts();
    const renumbered = await req(documents.numberOutgoing, { id: d.id }, clerk);
    expect(renumbered.documentNumber).toBe(numbered.documentNumber);
    expect((await counts()).numbers).toBe(before.numbers);
  });

  it('50 parallel 文号 allocations give 50 distinct, gap-free numbers <代字>〔YYYY〕N号 with no padding', async () => {
    // 区委办+政府办 联合: 政府办主任会签 → 区委办主任签发 (seed 003 L13@c10186); the 函 sequence of the lead organ
    const template = await toSigning({ issuingName: 'offices-joint', docType: '函' }, '关于联合开展节前安全检查的函');
    await req(documents.signOutgoing, { id: template.id, ...opinion('同意', govOfficeDirector) }, govOfficeDirector);
    await req(documents.signOutgoing, { id: template.id, ...opinion('同意', director) }, director);
    await req(documents.closeOutgoingSigning, { id: template.id }, clerk);
    expect((await req(documents.recheckOutgoing, { id: template.id }, chief)).status).toBe('rechecked');
    const db = service.runtime.db;
    const ids: string[] = [template.id];
    for (let i = 1; i < 50; i++) {
      const id = randomUUID();
      await db.$executeRawUnsafe(
        `INSERT INTO outgoing_document SELECT (jsonb_populate_record(NULL::outgoing_document,
           to_jsonb(d) || jsonb_build_object('id', $2::text, 'register_number', NULL))).* FROM outgoing_document d WHERE id = $1::uuid`,
        template.id,
        id,
      );
      ids.push(id);
    }
    const results = await Promise.all(ids.map((id) => req(documents.numberOutgoing, { id }, clerk)));
    const numbers = results.map((r) => r.documentNumber!);
    expect(new Set(numbers).size).toBe(50);
    const expected = Array.from({ length: 50 }, (_, i) => `区委办函〔2026〕${i + 1}号`);
    const seq = (n: string) => Number(/〕(\d+)号$/.exec(n)![1]);
    expect([...numbers].sort((a, b) => seq(a) - seq(b))).toEqual(expected);
    const register = await listNumbers(db, '区委办函', 2026);
    expect(register.map((n) => n.value)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(numbers.every((n) => /^区委办函〔2026〕[1-9]\d*号$/.test(n))).toBe(true);
  });

  it('withdrawing a numbered document voids its 文号 with the reason; the number stays on record and is not reused', async () => {
    // 区政府办公室: the leader in charge of 教育 signs (seed 004 L48)
    const d = await toSigning({ issuingName: 'government-office', docType: '通报', portfolios: ['教育'] }, '关于2026年度教育工作考核情况的通报');
    await req(documents.signOutgoing, { id: d.id, ...opinion('同意', viceHeadEdu) }, viceHeadEdu);
    await req(documents.closeOutgoingSigning, { id: d.id }, clerk);
    await req(documents.recheckOutgoing, { id: d.id }, chief);
    const numbered = await req(documents.numberOutgoing, { id: d.id }, clerk);
    expect(numbered.documentNumber).toBe('区府办发〔2026〕1号');
    expect((await refusedWithoutTrace(() => req(documents.withdrawOutgoing, { id: d.id, reason: '情况变化' }, clerk))).code).toBe('FORBIDDEN');
    const withdrawn = await req(documents.withdrawOutgoing, { id: d.id, reason: '情况变化,停止发文' }, deputy);
    expect(withdrawn.status).toBe('withdrawn');
    const [record] = await listNumbers(service.runtime.db, '区府办发', 2026);
    expect(record).toMatchObject({ formatted: '区府办发〔2026〕1号', voidReason: '情况变化,停止发文', voidedBy: deputy.id });
    const event = (await events('gov.documents.outgoing.number-voided')).find((e) => e.subject === d.id)!;
    expect(event.data).toMatchObject({ documentNumber: '区府办发〔2026〕1号', reason: '情况变化,停止发文' });

    const next = await toSigning({ issuingName: 'government-office', docType: '通报', portfolios: ['教育'] }, '关于2026年度教育工作考核情况的通报(重发)');
    await req(documents.signOutgoing, { id: next.id, ...opinion('同意', viceHeadEdu) }, viceHeadEdu);
    await req(documents.closeOutgoingSigning, { id: next.id }, clerk);
    await req(documents.recheckOutgoing, { id: next.id }, chief);
    expect((await req(documents.numberOutgoing, { id: next.id }, clerk)).documentNumber).toBe('区府办发〔2026〕2号');
  });
});

describe('校对, 印制, 用印', () => {
  it('SCENARIOS seed002 #15: the proof mark must read exactly "已校核。此稿付印存档。"; a document to the city government needs the second proofreading', async () => {
    const d = await toRechecked({ toCityGovernment: true, liaisonSecretaryId: clerk.id }, '关于2026年全区安全生产工作情况的报告');
    await req(documents.numberOutgoing, { id: d.id }, clerk);
    for (const text of ['已校核', '已校核.此稿付印存档.', '']) {
      expect((await refusedWithoutTrace(() => req(documents.proofreadOutgoing, { id: d.id, text, proofreaderName: clerk.name }, clerk))).code).toBe('BAD_USER_INPUT');
    }
    const proofed = await req(documents.proofreadOutgoing, { id: d.id, text: ' 已校核。此稿付印存档。 ', proofreaderName: clerk.name }, clerk);
    // the line's liaison secretary proofread it: a warning (seed 002 L369 原则上), not a refusal
    expect(proofed.proofMark).toMatchObject({ text: '已校核。此稿付印存档。', warnings: ['proofreader-is-liaison-secretary'] });
    const blocked = await refusedWithoutTrace(() => req(documents.printOutgoing, { id: d.id, copies: 5 }, clerk));
    expect(blocked.code).toBe('CONFLICT');
    expect((await refusedWithoutTrace(() => req(documents.secondProofreadOutgoing, { id: d.id, byName: '研究室主任' }, clerk))).code).toBe('FORBIDDEN');
    await req(documents.secondProofreadOutgoing, { id: d.id, byName: '研究室吴主任' }, chief);
    const printed = await req(documents.printOutgoing, { id: d.id, copies: 5 }, clerk);
    expect(printed.copyNumbers).toEqual(['000001', '000002', '000003', '000004', '000005']);
  });

  it('a document not for general distribution is stamped, recorded with its seal-register entry; 纪要 carry no seal', async () => {
    // 区委+区政府 联合: 区委办主任审签 → 区政府领导会签 → 区委书记签发 (seed 003 L13@c10173)
    const d = await toSigning({ generalDistribution: false, issuingName: 'party-government-joint', docType: '意见' });
    await req(documents.signOutgoing, { id: d.id, ...opinion('拟同意', director) }, director);
    await req(documents.signOutgoing, { id: d.id, ...opinion('同意', districtHead) }, districtHead);
    await req(documents.signOutgoing, { id: d.id, ...opinion('同意', secretary) }, secretary);
    await req(documents.closeOutgoingSigning, { id: d.id }, clerk);
    await req(documents.recheckOutgoing, { id: d.id }, chief);
    await req(documents.numberOutgoing, { id: d.id }, clerk);
    await req(documents.proofreadOutgoing, { id: d.id, text: '已校核。此稿付印存档。', proofreaderName: clerk.name }, clerk);
    await req(documents.printOutgoing, { id: d.id, copies: 2 }, clerk);
    expect((await refusedWithoutTrace(() => req(documents.sealOutgoing, { id: d.id }, clerk))).code).toBe('BAD_USER_INPUT');
    // the register names the document by its 文号 here (DO2)
    const numbered = (await req(documents.getOutgoing, { id: d.id }, clerk)).documentNumber!;
    const entry = await sealRegisterEntry('party-committee', 'outgoing-document', `《关于做好2026年冬季安全生产工作的意见》(${numbered})`);
    const sealed = await req(documents.sealOutgoing, { id: d.id, sealRegisterRef: entry }, clerk);
    expect(sealed.seal).toMatchObject({ mode: 'stamped', seals: ['party-committee', 'government'], sealRegisterRef: entry });

    const minutes = await toPrinted({ docType: '纪要' }, '区委办公室主任办公会议纪要');
    expect((await req(documents.sealOutgoing, { id: minutes.id }, clerk)).seal).toMatchObject({ mode: 'none', seals: [] });
  });
});

describe('用印 against the seal register (DO1–DO3)', () => {
  it('a stamped seal names a register entry for an outgoing document of this seal and document, used once; anything else is refused and nothing is written', async () => {
    const title = '关于调整区级议事协调机构的通知';
    const d = await toPrinted({ generalDistribution: false }, title);
    const valid = await sealRegisterEntry('party-office', 'outgoing-document', ` 《${title}》 `);
    const contract = await sealRegisterEntry('party-office', 'contract', title);
    const otherDocument = await sealRegisterEntry('party-office', 'outgoing-document', '关于调整区级议事协调机构的批复');
    const otherSeal = await sealRegisterEntry('government-office', 'outgoing-document', title);

    const refusals: [string, string, string][] = [
      [randomUUID(), 'BAD_USER_INPUT', 'unknown-entry'],
      ['用印〔2026〕88号', 'BAD_USER_INPUT', 'unknown-entry'],
      [contract, 'BAD_USER_INPUT', 'wrong-purpose'],
      [otherDocument, 'BAD_USER_INPUT', 'other-document'],
      [otherSeal, 'BAD_USER_INPUT', 'wrong-seal'],
    ];
    for (const [ref, code, reason] of refusals) {
      const error = await refusedWithoutTrace(() => req(documents.sealOutgoing, { id: d.id, sealRegisterRef: ref }, clerk));
      expect({ ref, code: error.code, details: error.details }).toEqual({ ref, code, details: { field: 'sealRegisterRef', reason } });
    }
    expect((await req(documents.getOutgoing, { id: d.id }, clerk)).status).toBe('printed');

    const sealed = await req(documents.sealOutgoing, { id: d.id, sealRegisterRef: valid }, clerk);
    expect(sealed.seal).toMatchObject({ mode: 'stamped', seals: ['party-office'], sealRegisterRef: valid });
    const [{ request_id: requestId }] = await service.runtime.db.$queryRawUnsafe<{ request_id: string }[]>(
      'SELECT request_id::text FROM seal_register_entry WHERE id = $1::uuid',
      valid,
    );
    const [step] = await service.runtime.db.$queryRawUnsafe<{ details: unknown }[]>(
      `SELECT details FROM outgoing_document_history WHERE document_id = $1::uuid AND action = 'apply-seal'`,
      d.id,
    );
    expect(step!.details).toMatchObject({ mode: 'stamped', sealRegisterRef: valid, sealRequestId: requestId });

    // the same entry cannot stamp a second draft, even one with the same title
    const again = await toPrinted({ generalDistribution: false }, title);
    const reused = await refusedWithoutTrace(() => req(documents.sealOutgoing, { id: again.id, sealRegisterRef: valid }, clerk));
    expect({ code: reused.code, details: reused.details }).toEqual({ code: 'CONFLICT', details: { field: 'sealRegisterRef', reason: 'entry-already-used' } });
    // its own entry does
    const own = await sealRegisterEntry('party-office', 'outgoing-document', title);
    expect((await req(documents.sealOutgoing, { id: again.id, sealRegisterRef: own }, clerk)).seal).toMatchObject({ sealRegisterRef: own });
  });

  it('two drafts racing for one entry: exactly one gets it', async () => {
    const title = '关于开展2026年度机关作风建设评议的通知';
    const [a, b] = await Promise.all([toPrinted({ generalDistribution: false }, title), toPrinted({ generalDistribution: false }, title)]);
    const entry = await sealRegisterEntry('party-office', 'outgoing-document', title);
    const results = await Promise.allSettled([a, b].map((d) => req(documents.sealOutgoing, { id: d!.id, sealRegisterRef: entry }, clerk)));
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('分发 and 归档', () => {
  it('SCENARIOS seed000-a #13: distribution is due 24 hours after printing; later it is flagged late, not refused', async () => {
    const d = await toPrinted({}, '关于开展2026年度消防安全检查的通知');
    await req(documents.sealOutgoing, { id: d.id }, clerk);
    const overdueBefore = await req(documents.listOutgoing, { distributionOverdue: true }, director);
    expect(overdueBefore.items.map((i) => i.id)).not.toContain(d.id);
    t += 24 * HOUR + 60_000;
    try {
      const overdue = await req(documents.listOutgoing, { distributionOverdue: true }, director);
      expect(overdue.items.map((i) => i.id)).toContain(d.id);
      expect(overdue.items.every((i) => i.distribution === null)).toBe(true);
      const late = await req(documents.distributeOutgoing, { id: d.id, channel: 'exchange-station', recipients: ['各街道办事处'] }, clerk);
      expect(late.distribution).toMatchObject({ status: 'late' });
      const event = (await events('gov.documents.outgoing.issued')).find((e) => e.subject === d.id)!;
      expect(event.data).toMatchObject({ onTime: false });
    } finally {
      t = NOW.getTime();
    }
  });

  it('SCENARIOS seed000-a #13, seed003 #11: a 机密 document goes only through the secrecy section and its channels; events carry no title', async () => {
    const title = '关于某重点工程安保部署的通知';
    const d = await toRechecked({ generalDistribution: false }, title, 'confidential', confidentialClerk);
    await req(documents.numberOutgoing, { id: d.id }, clerk);
    await req(documents.proofreadOutgoing, { id: d.id, text: '已校核。此稿付印存档。', proofreaderName: clerk.name }, clerk);
    // seed 003 L13@c9038: classified documents are printed only at premises that meet the secrecy rules
    expect((await refusedWithoutTrace(() => req(documents.printOutgoing, { id: d.id, copies: 3 }, clerk))).code).toBe('FORBIDDEN');
    expect((await req(documents.printOutgoing, { id: d.id, copies: 3, siteMeetsSecrecyRules: true }, confidentialClerk)).status).toBe('printed');
    const sealed = await req(documents.sealOutgoing, { id: d.id, sealRegisterRef: await sealRegisterEntry('party-office', 'outgoing-document', title) }, clerk);
    expect(sealed.status).toBe('sealed');
    const handed = (await events('gov.documents.outgoing.secrecy-distribution-requested')).find((e) => e.subject === d.id)!;
    expect(handed.data).toMatchObject({ classification: 'confidential', copies: 3, copyNumbers: ['000001', '000002', '000003'] });

    // ordinary distribution refused: the clerk is not the secrecy section
    expect((await refusedWithoutTrace(() => req(documents.distributeOutgoing, { id: d.id, channel: 'exchange-station', recipients: ['区公安分局'] }, clerk))).code).toBe('FORBIDDEN');
    // the secrecy section, but not on the mobile office platform
    const platform = await refusedWithoutTrace(() =>
      req(documents.distributeOutgoing, { id: d.id, channel: 'mobile-office-platform', recipients: ['区公安分局'] }, secrecyOfficer),
    );
    expect(platform.code).toBe('CONFLICT');
    const issued = await req(documents.distributeOutgoing, { id: d.id, channel: 'confidential-courier', recipients: ['区公安分局'] }, secrecyOfficer);
    expect(issued.status).toBe('distributed');
    const archived = await req(documents.archiveOutgoing, { id: d.id }, archivist);
    // the e-document name carries the 标题: on the view (read-checked), withheld from the history and audit details
    expect(archived.eDocumentName).toBe(`${issued.documentNumber}-${issued.docType}-${title}(${toIsoDate(new Date(issued.distribution!.at)).replaceAll('-', '.')})`);
    const [row] = await service.runtime.db.$queryRawUnsafe<{ details: Record<string, unknown> }[]>(
      `SELECT details FROM outgoing_document_history WHERE document_id = $1::uuid AND action = 'archive'`,
      d.id,
    );
    expect(row!.details).toMatchObject({ eDocumentName: null });

    await service.runtime.relay.drain();
    const mine = (await readEventStream(nc, space)).filter((e) => e.envelope.subject === d.id);
    expect(mine.map((e) => e.envelope.type)).toEqual(
      expect.arrayContaining(['gov.documents.outgoing.registered', 'gov.documents.outgoing.numbered', 'gov.documents.outgoing.issued']),
    );
    for (const e of mine) expect(JSON.stringify(e.envelope)).not.toContain('安保部署');
  });

  it('SCENARIOS seed002 #29: 归档 names the e-document 文号-文种-标题(yyyy.mm.dd) and refuses a file named otherwise, writing nothing (seed 002 L399–401)', async () => {
    const title = '关于做好2026年度调研工作的通知';
    const d = await toPrinted({}, title);
    await req(documents.sealOutgoing, { id: d.id }, clerk);
    const issued = await req(documents.distributeOutgoing, { id: d.id, channel: 'exchange-station', recipients: ['各街道办事处'] }, clerk);
    expect(issued.eDocumentName).toBeNull();
    const day = toIsoDate(new Date(issued.distribution!.at)).replaceAll('-', '.');
    const name = `${issued.documentNumber}-通知-${title}(${day})`;
    expect(name).toMatch(/^区委办发〔2026〕[1-9]\d*号-通知-关于做好2026年度调研工作的通知\(\d{4}\.\d{2}\.\d{2}\)$/);

    const dashed = await refusedWithoutTrace(() => req(documents.archiveOutgoing, { id: d.id, eDocumentName: `${issued.documentNumber}-通知-${title}(${day.replaceAll('.', '-')})` }, archivist));
    expect(dashed).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'eDocumentName', reason: 'date' } });
    const briefing = await refusedWithoutTrace(() => req(documents.archiveOutgoing, { id: d.id, eDocumentName: `${issued.documentNumber}-简报-${title}(${day})` }, archivist));
    expect(briefing).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'doc-type' } });
    const other = await refusedWithoutTrace(() => req(documents.archiveOutgoing, { id: d.id, eDocumentName: `区委办发〔2026〕999号-通知-${title}(${day})` }, archivist));
    expect(other).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'mismatch', expected: name } });

    const archived = await req(documents.archiveOutgoing, { id: d.id, eDocumentName: name }, archivist);
    expect(archived).toMatchObject({ status: 'archived', eDocumentName: name });
    const [row] = await service.runtime.db.$queryRawUnsafe<{ details: Record<string, unknown> }[]>(
      `SELECT details FROM outgoing_document_history WHERE document_id = $1::uuid AND action = 'archive'`,
      d.id,
    );
    expect(row!.details).toEqual({ originalHeldBy: 'party-office', eDocumentName: name });
    const [audit] = await service.runtime.db.$queryRawUnsafe<{ details: Record<string, unknown> }[]>(
      `SELECT details FROM audit_log WHERE entity_id = $1 AND action = 'outgoing.archive'`,
      d.id,
    );
    expect(audit!.details).toMatchObject({ eDocumentName: name });
    const listed = await req(documents.listOutgoing, { titleContains: '2026年度调研工作' }, director);
    expect(listed.items.find((i) => i.id === d.id)!.eDocumentName).toBe(name);
  });

  it('a classified draft outside the caller’s clearance or 知悉范围 answers as an unknown id, and the refusal is audited', async () => {
    const d = await submit('关于某涉密项目的请示', 'secret', confidentialClerk);
    const unknown = await refusalOf(req(documents.getOutgoing, { id: randomUUID() }, outsider));
    const hidden = await refusalOf(req(documents.getOutgoing, { id: d.id }, outsider));
    expect({ code: hidden.code, message: hidden.message, details: hidden.details }).toEqual({ code: unknown.code, message: unknown.message, details: unknown.details });
    const step = await refusalOf(req(documents.registerOutgoing, { id: d.id }, outsider));
    expect(step.code).toBe('NOT_FOUND');
    const list = await req(documents.listOutgoing, { titleContains: '涉密项目' }, outsider);
    expect(list).toEqual({ items: [], total: 0 });
    const seen = await req(documents.listOutgoing, { titleContains: '涉密项目' }, clerk);
    expect(seen.total).toBe(1);
    const audit = await service.runtime.db.$queryRawUnsafe<{ action: string }[]>(
      `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY seq`,
      d.id,
    );
    expect(audit.map((a) => a.action)).toEqual(['outgoing.submit-draft', 'outgoing.read-refused', 'outgoing.read-refused', 'outgoing.list-classified']);
  });
});

describe('the outgoing register', () => {
  it('lists by period with filters and finds Chinese titles by a fragment', async () => {
    const all = await req(documents.listOutgoing, { from: '2026-11-20T00:00:00+08:00', to: '2026-11-21T00:00:00+08:00', limit: 200 }, director);
    expect(all.total).toBeGreaterThan(10);
    const byTitle = await req(documents.listOutgoing, { titleContains: '春节期间值班' }, director);
    expect(byTitle.items.map((i) => i.title)).toEqual(['关于做好2026年春节期间值班工作的通知']);
    const archived = await req(documents.listOutgoing, { status: 'archived', issuingName: 'party-office' }, director);
    expect(archived.items.every((i) => i.status === 'archived' && i.issuingName === 'party-office')).toBe(true);
    expect(archived.total).toBeGreaterThanOrEqual(1);
    const nextYear = await req(documents.listOutgoing, { from: '2027-01-01T00:00:00+08:00' }, director);
    expect(nextYear.total).toBe(0);
    const letters = await req(documents.listOutgoing, { docType: '函', limit: 200 }, director);
    expect(letters.total).toBe(50);
  });
});

describe('what waits for me (documents.outgoing.inbox)', () => {
  /** Every page of an actor's inbox. */
  async function inboxOf(actor: Actor) {
    const items: z.infer<typeof documents.outgoingInbox.output>['items'] = [];
    for (let offset = 0; ; offset += 200) {
      const page = await req(documents.outgoingInbox, { limit: 200, offset }, actor);
      items.push(...page.items);
      if (items.length >= page.total || page.items.length === 0) {
        expect(items.length).toBe(page.total);
        return items;
      }
    }
  }
  const entryOf = async (actor: Actor, id: string) => (await inboxOf(actor)).find((i) => i.document.id === id);

  it('drafts I hold, and drafts in a state where a role of mine acts next by the table; never a finished one', async () => {
    const d = await submit('关于规范区级机关公务接待工作的通知');
    // the drafting liaison holds it; the clerk acts next (初核: register or propose a return)
    expect(await entryOf(liaison, d.id)).toMatchObject({ reasons: ['in-hand'], myActions: [] });
    expect(await entryOf(clerk, d.id)).toMatchObject({ reasons: ['my-role-acts-next'], myActions: ['propose-return', 'register'] });
    expect(await entryOf(deputy, d.id)).toBeUndefined();

    await req(documents.registerOutgoing, { id: d.id }, clerk);
    expect(await entryOf(clerk, d.id)).toMatchObject({ reasons: ['in-hand', 'my-role-acts-next'], myActions: ['propose-handling'], document: { status: 'registered', holder: { id: clerk.id } } });
    expect(await entryOf(liaison, d.id)).toBeUndefined();

    await req(documents.proposeOutgoingHandling, { id: d.id, docType: '通知', issuingName: 'party-office', generalDistribution: true }, clerk);
    await req(documents.submitOutgoingForCheck, { id: d.id }, clerk);
    expect(await entryOf(chief, d.id)).toMatchObject({ reasons: ['my-role-acts-next'], myActions: ['return-for-revision', 'pass-check'], document: { status: 'chief-check' } });
    // the clerk still holds it (D47: the one who last acted), though no step of the clerk's is open
    expect(await entryOf(clerk, d.id)).toMatchObject({ reasons: ['in-hand'], myActions: [] });

    // archived, withdrawn and returned drafts wait for no one, even their holder
    for (const who of [clerk, archivist, director]) {
      const items = await inboxOf(who);
      expect(items.filter((i) => ['archived', 'withdrawn', 'returned'].includes(i.document.status))).toEqual([]);
    }
    // oldest first
    const clerkItems = await inboxOf(clerk);
    const times = clerkItems.map((i) => i.document.submittedAt);
    expect([...times].sort()).toEqual(times);
  });

  it('classified drafts outside my clearance or 知悉范围 are left out; each one shown is audited; roles outside the register are refused', async () => {
    const d = await submit('关于某涉密工程验收的请示', 'secret', confidentialClerk);
    expect(await entryOf(outsider, d.id)).toBeUndefined();
    expect(await entryOf(clerk, d.id)).toMatchObject({ reasons: ['my-role-acts-next'], document: { classification: 'secret' } });
    const audit = await service.runtime.db.$queryRawUnsafe<{ action: string; actor_id: string }[]>(
      `SELECT action, actor_id FROM audit_log WHERE entity_id = $1 AND action LIKE 'outgoing.inbox%' ORDER BY seq`,
      d.id,
    );
    expect(audit).toEqual([{ action: 'outgoing.inbox-classified', actor_id: clerk.id }]);
    const refused = await refusalOf(req(documents.outgoingInbox, {}, testActor('petition-officer', { id: uid(16) })));
    expect(refused.code).toBe('FORBIDDEN');
  });
});
