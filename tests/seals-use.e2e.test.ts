import type { EventEnvelope } from '@gov/contracts';
import { errorCode, graphql, login, startTestPlatform, type TestPlatform } from './support/platform.js';

/**
 * Issue 3 item 5 through the gateway: a seal-use request names the seal, purpose and impressions; who may approve
 * depends on the seal and purpose (seed 001 L223–227, seed 000 L790; D22: the government seal needs 区长 or 副区长;
 * the office seal for outgoing documents, contracts, approvals, personnel and finance needs the director, other
 * uses the director or the deputy in charge of the area); the seal's keeper refuses a non-compliant request with
 * every reason (seed 001 L229), queries an office leader when in doubt (L233, D23), and every use is in the seal
 * register (L235; seed 002 L142), read by period and seal.
 */
const RVIEW = `id seal purpose state impressions approval { approverName approvalText } doubtful confirmation { byName }
  refusals { code messageZh source } history { action fromState toState actorName }`;
const SEAL = `mutation S($input: RegisterSealInput!) { registerSeal(input: $input) { kind name keeperIds } }`;
const APPROVER = `mutation A($input: RegisterSealApproverInput!) { registerSealApprover(input: $input) { userId posts portfolios } }`;
const REQUEST = `mutation R($input: RequestSealUseInput!) { requestSealUse(input: $input) { ${RVIEW} } }`;
const APPROVE = `mutation P($id: ID!, $text: String!) { approveSealUse(id: $id, approvalText: $text) { ${RVIEW} } }`;
const REVIEW = `mutation V($id: ID!, $doubtful: Boolean, $note: String) { reviewSealUse(id: $id, doubtful: $doubtful, note: $note) { ${RVIEW} } }`;
const CONFIRM = `mutation C($id: ID!, $note: String!) { confirmSealUse(id: $id, note: $note) { ${RVIEW} } }`;
const REGISTER = `query G($from: String!, $to: String!, $seal: String) { sealRegister(from: $from, to: $to, seal: $seal) {
  totalImpressions items { seal purpose purposeCategory documentTitle approverName approvalText impressions handlerName date } } }`;

let platform: TestPlatform;
const token: Record<string, string> = {};
const ids: Record<string, string> = {};
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const sql = <T = Record<string, unknown>>(q: string, ...p: unknown[]) => platform.documents.runtime.db.$queryRawUnsafe<T[]>(q, ...p);

const contract = (over: Record<string, unknown> = {}) => ({
  seal: 'government-office',
  purpose: 'contract',
  purposeText: '与区数据局签订政务云服务合同',
  documentTitle: '政务云服务合同',
  impressions: 3,
  ...over,
});

async function request(over: Record<string, unknown> = {}, who = 'clerk'): Promise<string> {
  const res = await graphql(platform.gateway, REQUEST, { input: contract(over) }, token[who]);
  expect(res.errors).toBeUndefined();
  return res.data!.requestSealUse.id;
}
async function approve(id: string, who: string, text = '同意用印。'): Promise<void> {
  const res = await graphql(platform.gateway, APPROVE, { id, text }, token[who]);
  expect(res.errors).toBeUndefined();
}
async function registerCount(): Promise<number> {
  const [n] = await sql<{ n: bigint }>('SELECT count(*) n FROM seal_register_entry');
  return Number(n!.n);
}

beforeAll(async () => {
  platform = await startTestPlatform();
  for (const u of ['clerk', 'section-chief', 'director', 'deputy-director', 'district-leader', 'unit-liaison', 'auditor']) token[u] = await login(platform.issuer, u);
  const user = (name: string) => platform.issuer.demoUsers.find((u) => u.username === name)!.id;
  ids.clerk = user('clerk');
  ids.director = user('director');
  ids.deputy = user('deputy-director');
  ids.leader = user('district-leader');
});

afterAll(async () => {
  await platform?.stop();
});

describe('用印 end to end through the gateway', () => {
  it('the director records the seals with their keeper (the clerk of 秘书科) and the approvers’ posts and areas', async () => {
    for (const [kind, name] of [['government-office', '区政府办公室印章'], ['government', '区政府印章'], ['party-committee', '区委印章']]) {
      const res = await graphql(platform.gateway, SEAL, { input: { kind, name, keeperIds: [ids.clerk] } }, token.director);
      expect(res.data!.registerSeal).toEqual({ kind, name, keeperIds: [ids.clerk] });
    }
    const approvers = [
      { userId: ids.director, name: '刘志刚', posts: ['government-office-director'] },
      { userId: ids.deputy, name: '张明远', posts: ['office-deputy-director'], portfolios: ['综合'] },
      { userId: ids.leader, name: '陈光华', posts: ['district-head'] },
    ];
    for (const a of approvers) expect((await graphql(platform.gateway, APPROVER, { input: a }, token.director)).errors).toBeUndefined();
    expect(errorCode(await graphql(platform.gateway, SEAL, { input: { kind: 'party-office', name: 'x', keeperIds: [ids.clerk] } }, token.clerk))).toBe('FORBIDDEN');
  });

  it('a request names the seal, purpose and impressions: zero impressions or an unknown seal is BAD_USER_INPUT, nothing stored', async () => {
    expect(errorCode(await graphql(platform.gateway, REQUEST, { input: contract({ impressions: 0 }) }, token.clerk))).toBe('BAD_USER_INPUT');
    expect(errorCode(await graphql(platform.gateway, REQUEST, { input: contract({ seal: '私章' }) }, token.clerk))).toBe('BAD_USER_INPUT');
    const [n] = await sql<{ n: bigint }>('SELECT count(*) n FROM seal_request');
    expect(Number(n!.n)).toBe(0);
  });

  it('the office seal on a contract approved by the deputy director is refused by the keeper, with its reason and seed line', async () => {
    const id = await request();
    await approve(id, 'deputy-director');
    const res = await graphql(platform.gateway, REVIEW, { id }, token.clerk);
    expect(res.errors).toBeUndefined();
    expect(res.data!.reviewSealUse).toMatchObject({
      state: 'refused',
      refusals: [{ code: 'approver-not-authorised', messageZh: '区政府办公室印章用于合同文书须经规定的领导批准', source: 'seed 001 L223–227' }],
    });
    expect(await registerCount()).toBe(0);
    const [row] = await sql<{ envelope: EventEnvelope }>(`SELECT envelope FROM outbox WHERE envelope->>'type' = 'gov.documents.seal.refused'`);
    expect(row!.envelope.data).toMatchObject({ requestId: id, seal: 'government-office', purpose: 'contract', reasons: ['approver-not-authorised'] });
  });

  it('the same request approved by the office director is stamped and entered in the register', async () => {
    const id = await request();
    await approve(id, 'director', '同意。刘志刚');
    const res = await graphql(platform.gateway, REVIEW, { id }, token.clerk);
    expect(res.data!.reviewSealUse).toMatchObject({ state: 'stamped', refusals: [], approval: { approverName: '刘志刚', approvalText: '同意。刘志刚' } });
    expect(res.data!.reviewSealUse.history.map((h: { action: string }) => h.action)).toEqual(['request', 'approve', 'stamp']);
    expect(await registerCount()).toBe(1);
  });

  it('the government seal (D22) needs 区长 or 副区长: the office director’s approval is refused, the district head’s is stamped', async () => {
    const byDirector = await request({ seal: 'government', purpose: 'outgoing-document', purposeText: '印发区政府表彰决定', documentTitle: '区政府关于表彰的决定', impressions: 40 });
    await approve(byDirector, 'director');
    expect((await graphql(platform.gateway, REVIEW, { id: byDirector }, token.clerk)).data!.reviewSealUse).toMatchObject({
      state: 'refused',
      refusals: [{ code: 'approver-not-authorised' }],
    });
    const byHead = await request({ seal: 'government', purpose: 'outgoing-document', purposeText: '印发区政府表彰决定', documentTitle: '区政府关于表彰的决定', impressions: 40 });
    await approve(byHead, 'district-leader', '同意。陈光华');
    expect((await graphql(platform.gateway, REVIEW, { id: byHead }, token.clerk)).data!.reviewSealUse.state).toBe('stamped');
  });

  it('the Party-committee seal needs a standing-committee member or the secretary: the district head’s approval is refused', async () => {
    const id = await request({ seal: 'party-committee', purpose: 'other', documentTitle: '区委工作证明' });
    await approve(id, 'district-leader');
    expect((await graphql(platform.gateway, REVIEW, { id }, token.clerk)).data!.reviewSealUse.refusals).toEqual([
      expect.objectContaining({ code: 'approver-not-authorised', messageZh: '区委印章用于其他事项须经规定的领导批准' }),
    ]);
  });

  it('other uses of the office seal: the deputy in charge of the area may approve; outside their area it is refused', async () => {
    const inArea = await request({ purpose: 'other', documentTitle: '会议通知', area: '综合' });
    await approve(inArea, 'deputy-director');
    expect((await graphql(platform.gateway, REVIEW, { id: inArea }, token.clerk)).data!.reviewSealUse.state).toBe('stamped');
    const outside = await request({ purpose: 'other', documentTitle: '会议通知', area: '财务' });
    await approve(outside, 'deputy-director');
    expect((await graphql(platform.gateway, REVIEW, { id: outside }, token.clerk)).data!.reviewSealUse.refusals).toEqual([
      expect.objectContaining({ code: 'approver-not-in-charge-of-area', messageZh: '批准人不是该事项的分管领导' }),
    ]);
  });

  it('without a leader’s approval the keeper refuses (无领导批准字样)', async () => {
    const id = await request();
    const res = await graphql(platform.gateway, REVIEW, { id }, token.clerk);
    expect(res.data!.reviewSealUse).toMatchObject({ state: 'refused', refusals: [{ code: 'no-approval', messageZh: '无领导批准字样' }] });
  });

  it('only the seal’s keeper reviews: a section chief who is not its keeper gets FORBIDDEN, a unit liaison too; nothing changes', async () => {
    const id = await request();
    await approve(id, 'director');
    expect(errorCode(await graphql(platform.gateway, REVIEW, { id }, token['section-chief']))).toBe('FORBIDDEN');
    expect(errorCode(await graphql(platform.gateway, REVIEW, { id }, token['unit-liaison']))).toBe('FORBIDDEN');
    const [row] = await sql<{ state: string }>('SELECT state FROM seal_request WHERE id = $1::uuid', id);
    expect(row!.state).toBe('approved');
    ids.pending = id;
  });

  it('a doubtful request waits for an office leader (D23): queried, confirmed by the deputy director, then stamped', async () => {
    const before = await registerCount();
    const q = await graphql(platform.gateway, REVIEW, { id: ids.pending, doubtful: true, note: '合同金额与批件不一致,请核实' }, token.clerk);
    expect(q.data!.reviewSealUse).toMatchObject({ state: 'queried', doubtful: true, refusals: [{ code: 'doubtful-not-confirmed' }] });
    expect(errorCode(await graphql(platform.gateway, REVIEW, { id: ids.pending }, token.clerk))).toBe('CONFLICT');
    expect(errorCode(await graphql(platform.gateway, CONFIRM, { id: ids.pending, note: '已核实' }, token.clerk))).toBe('FORBIDDEN');
    const c = await graphql(platform.gateway, CONFIRM, { id: ids.pending, note: '已核实,金额以合同为准。' }, token['deputy-director']);
    expect(c.data!.confirmSealUse).toMatchObject({ state: 'confirmed', confirmation: { byName: '张明远' } });
    const s = await graphql(platform.gateway, REVIEW, { id: ids.pending }, token.clerk);
    expect(s.data!.reviewSealUse.state).toBe('stamped');
    expect(await registerCount()).toBe(before + 1);
  });

  it('a stamped request is not stamped twice (CONFLICT)', async () => {
    expect(errorCode(await graphql(platform.gateway, REVIEW, { id: ids.pending }, token.clerk))).toBe('CONFLICT');
  });

  it('the seal register shows every use in a period, by seal, with the approval kept; others may not read it', async () => {
    const all = await graphql(platform.gateway, REGISTER, { from: today(), to: today() }, token.auditor);
    expect(all.data!.sealRegister.items).toHaveLength(4);
    expect(all.data!.sealRegister.totalImpressions).toBe(3 + 40 + 3 + 3);
    const gov = await graphql(platform.gateway, REGISTER, { from: today(), to: today(), seal: 'government' }, token.director);
    expect(gov.data!.sealRegister).toEqual({
      totalImpressions: 40,
      items: [
        {
          seal: 'government',
          purpose: '印发区政府表彰决定',
          purposeCategory: 'outgoing-document',
          documentTitle: '区政府关于表彰的决定',
          approverName: '陈光华',
          approvalText: '同意。陈光华',
          impressions: 40,
          handlerName: '王文清',
          date: today(),
        },
      ],
    });
    const earlier = await graphql(platform.gateway, REGISTER, { from: '2020-01-01', to: '2020-12-31' }, token.director);
    expect(earlier.data!.sealRegister.items).toEqual([]);
    expect(errorCode(await graphql(platform.gateway, REGISTER, { from: today(), to: today() }, token['unit-liaison']))).toBe('FORBIDDEN');
    expect(errorCode(await graphql(platform.gateway, REGISTER, { from: today(), to: '2020-01-01' }, token.director))).toBe('BAD_USER_INPUT');
  });
});
