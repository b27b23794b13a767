import type { NatsConnection } from '@nats-io/transport-node';
import { fixedClock } from '@gov/calendar';
import { documents, type SubjectSpace } from '@gov/contracts';
import { RpcClient } from '@gov/messaging';
import type { Actor } from '@gov/auth';
import { cleanupSpace, connectTestNats, readEventStream, refusalOf, startTestService, testActor, uniqueSpace, type TestService } from '@gov/testing';
import { documentsService } from '../service.js';

/** 特殊件 over NATS against a real database (issue 3 §2; seed 000 L246–256). */
const NOW = new Date('2026-11-20T02:00:00Z');
const clerk = testActor('clerk', { name: '王文清' });
const otherClerk = testActor('clerk', { id: '00000000-0000-4000-8000-0000000c1e2b', name: '刘文书' });
const deputy = testActor('deputy-director', { name: '赵副主任' });
const director = testActor('director', { name: '孙主任' });
const secretary = testActor('clerk', { id: '00000000-0000-4000-8000-000000005ec2', name: '区长秘书张明' });
const chief = testActor('section-chief', { name: '李科长' });

const instruction = (leaderId: string, leaderName: string, rank: number, text: string, stance: 'agree' | 'disagree' | 'other') => ({
  leaderId,
  leaderName,
  rank,
  text,
  stance,
  signedAt: '2026-11-19T08:00:00+08:00',
});
const base = {
  title: '关于请求协调解决企业用地问题的报告',
  senderUnit: '区工业园区管委会',
  receivedAt: '2026-11-20T09:00:00+08:00',
  handoverPerson: { id: secretary.id, name: secretary.name },
  contactPerson: '黄经理',
  contactPhone: '0755-12345678',
  instructions: [instruction('L-head', '陈区长', 1, '请区自然资源局研究办理。', 'agree')],
  instructedUnits: [{ name: '区自然资源局', districtLevel: true }],
};

let space: SubjectSpace;
let service: TestService;
let nc: NatsConnection;
let rpc: RpcClient;
const as = (actor: Actor) => ({ actor });

async function counts() {
  const db = service.runtime.db;
  const q = async (sql: string) => Number((await db.$queryRawUnsafe<{ n: bigint }[]>(sql))[0]!.n);
  return { history: await q('SELECT count(*) n FROM special_item_history'), outbox: await q('SELECT count(*) n FROM outbox'), numbers: await q('SELECT count(*) n FROM issued_number') };
}

beforeAll(async () => {
  space = uniqueSpace();
  service = await startTestService(documentsService, { space, clock: fixedClock(NOW) });
  nc = await connectTestNats();
  rpc = new RpcClient(nc, space);
});

afterAll(async () => {
  await nc?.close();
  await service?.stop();
  await cleanupSpace(space);
});

describe('特殊件', () => {
  it('SCENARIOS seed000-a #9: conflicting instructions from two leaders: not registered, returned to the 交办人 with ground ④', async () => {
    const item = await rpc.request(
      documents.receiveSpecialItem,
      {
        ...base,
        instructions: [instruction('L-vice', '林副区长', 3, '同意。', 'agree'), instruction('L-head', '陈区长', 1, '不同意。', 'disagree')],
      },
      as(clerk),
    );
    expect(item).toMatchObject({ status: 'received', detectedGrounds: ['conflicting-instructions'], registerNumber: null });
    const before = await counts();
    const refused = await refusalOf(rpc.request(documents.registerSpecialItem, { id: item.id }, as(clerk)));
    expect(refused).toMatchObject({ code: 'CONFLICT', details: { grounds: ['conflicting-instructions'] } });
    expect(await counts()).toEqual(before);
    const returned = await rpc.request(documents.returnSpecialItem, { id: item.id, grounds: [{ ground: 'conflicting-instructions' }] }, as(clerk));
    expect(returned).toMatchObject({ status: 'returned', returnNotice: ['④有多位领导批示,但领导批示意见不一致'] });
    await service.runtime.relay.drain();
    const event = (await readEventStream(nc, space)).find((e) => e.envelope.type === 'gov.documents.special-item.returned' && e.envelope.subject === item.id)!;
    expect(event.envelope.data).toMatchObject({ handoverPersonId: secretary.id, grounds: ['conflicting-instructions'] });
    expect(JSON.stringify(event.envelope)).not.toContain('不同意');
  });

  it('SCENARIOS seed000-a #9: no contact phone: ground ① shows and registration is refused; ③ for a non-district unit', async () => {
    const { contactPhone: _omit, ...noPhone } = base;
    const item = await rpc.request(documents.receiveSpecialItem, noPhone, as(clerk));
    expect(item.detectedGrounds).toEqual(['no-contact']);
    expect((await refusalOf(rpc.request(documents.registerSpecialItem, { id: item.id }, as(clerk)))).code).toBe('CONFLICT');
    const company = await rpc.request(documents.receiveSpecialItem, { ...base, instructedUnits: [{ name: '某某置业有限公司', districtLevel: false }] }, as(clerk));
    expect(company.detectedGrounds).toEqual(['sent-to-non-district-unit']);
  });

  it.each([
    ['no ground', []],
    ['an incoming ground that is not a special-item ground', [{ ground: 'unlawful' }]],
  ])('refuses a return with %s (BAD_USER_INPUT)', async (_l, grounds) => {
    const item = await rpc.request(documents.receiveSpecialItem, base, as(clerk));
    expect((await refusalOf(rpc.request(documents.returnSpecialItem, { id: item.id, grounds } as never, as(clerk)))).code).toBe('BAD_USER_INPUT');
  });

  it('registers a clean item (特办〔2026〕N号), reviews it, keeps the instruction copy before transfer, completes and files it', async () => {
    const item = await rpc.request(documents.receiveSpecialItem, base, as(clerk));
    let view = await rpc.request(documents.registerSpecialItem, { id: item.id }, as(clerk));
    expect(view.registerNumber).toMatch(/^特办〔2026〕\d+号$/);
    view = await rpc.request(documents.proposeSpecialItemHandling, { id: item.id, opinion: '拟转区自然资源局办理。' }, as(clerk));
    expect((await refusalOf(rpc.request(documents.approveSpecialItemProposal, { id: item.id }, as(chief)))).code).toBe('FORBIDDEN');
    view = await rpc.request(documents.approveSpecialItemProposal, { id: item.id }, as(deputy));
    expect(view.status).toBe('reviewed');
    const noCopy = await refusalOf(rpc.request(documents.transferSpecialItem, { id: item.id, to: '区自然资源局' }, as(clerk)));
    expect(noCopy.code).toBe('CONFLICT');
    expect(noCopy.message).toContain('复印留存');
    await rpc.request(documents.keepSpecialItemInstructionCopy, { id: item.id }, as(clerk));
    view = await rpc.request(
      documents.transferSpecialItem,
      { id: item.id, to: '区自然资源局', routes: [{ to: 'supervision', matter: '协调解决企业用地问题', leadUnit: 'QZRJ', dueOn: '2026-12-20' }] },
      as(clerk),
    );
    expect(view).toMatchObject({ status: 'transferred', transferredTo: '区自然资源局' });
    // tracking goes to 督查室 (seed 000 L280) without the instruction text
    await service.runtime.relay.drain();
    const routed = (await readEventStream(nc, space)).find((e) => e.envelope.type === 'gov.documents.incoming.routed' && (e.envelope.data as { documentId: string }).documentId === item.id)!;
    expect(routed.envelope.data).toMatchObject({ to: 'supervision', registerNumber: view.registerNumber, matter: '协调解决企业用地问题', leadUnit: 'QZRJ', instructedBy: { name: '陈区长' } });
    expect(JSON.stringify(routed.envelope)).not.toContain('研究办理');
    await rpc.request(documents.completeSpecialItem, { id: item.id }, as(clerk));
    view = await rpc.request(documents.archiveSpecialItem, { id: item.id }, as(clerk));
    expect(view.history.map((h) => h.action)).toEqual([
      'sign-for', 'register', 'propose-handling', 'approve-proposal', 'keep-instruction-copy', 'transfer', 'complete', 'archive',
    ]);
  });

  it('SCENARIOS seed000-a #10: only office leaders and the 交办人 may read or copy the instruction; copies are audited', async () => {
    const item = await rpc.request(documents.receiveSpecialItem, base, as(clerk));
    // a 办文科 clerk (even the one who signed for it) sees the item but not the instruction text
    for (const reader of [clerk, otherClerk, chief]) {
      const view = await rpc.request(documents.getSpecialItem, { id: item.id }, as(reader));
      expect(view.instructionVisible).toBe(false);
      expect(view.instructions.map((i) => i.text)).toEqual([null]);
      expect(JSON.stringify(view)).not.toContain('研究办理');
      const denied = await refusalOf(rpc.request(documents.copySpecialItemInstruction, { id: item.id, purpose: '查询' }, as(reader)));
      expect(denied.code).toBe('FORBIDDEN');
      expect(denied.message).toBe('you may not read or copy this instruction');
    }
    for (const reader of [deputy, director, secretary]) {
      const view = await rpc.request(documents.getSpecialItem, { id: item.id }, as(reader));
      expect(view.instructions.map((i) => i.text)).toEqual(['请区自然资源局研究办理。']);
      const copy = await rpc.request(documents.copySpecialItemInstruction, { id: item.id, purpose: '存档复印' }, as(reader));
      expect(copy.instructions).toEqual([{ leaderName: '陈区长', text: '请区自然资源局研究办理。', signedAt: '2026-11-19T00:00:00.000Z' }]);
    }
    const audits = await service.runtime.db.$queryRawUnsafe<{ action: string; actor_id: string }[]>(
      `SELECT action, actor_id FROM audit_log WHERE entity_id = $1 AND action = 'special-item.copy-instruction' ORDER BY seq`,
      item.id,
    );
    expect(audits.map((a) => a.actor_id)).toEqual([deputy.id, director.id, secretary.id]);
  });
});
