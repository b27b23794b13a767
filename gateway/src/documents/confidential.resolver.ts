import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Role } from '@gov/auth';
import { documents } from '@gov/contracts';
import type { RpcClient } from '@gov/messaging';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentCaller, type Caller } from '../graphql/context.js';
import { withoutNulls } from '../graphql/scalars.js';
import { RPC } from '../tokens.js';
import {
  ConfidentialDocumentPage,
  ConfidentialDocumentType,
  OverdueConfidentialReturns,
  RegisterConfidentialDocumentInput,
  TopSecretCheckAlerts,
} from './confidential.types.js';

/** The coarse gate; the service decides record-level access (clearance, need-to-know) and answers NOT_FOUND. */
const READERS: Role[] = ['confidential-clerk', 'secrecy-officer', 'director', 'deputy-director', 'district-leader', 'section-chief', 'unit-liaison', 'archivist', 'auditor'];

/** 机要文件 and received telegrams on the GraphQL surface. Roles per row of CONFIDENTIAL_TRANSITIONS. */
@Resolver(() => ConfidentialDocumentType)
export class ConfidentialDocumentsResolver {
  constructor(@Inject(RPC) private readonly rpc: RpcClient) {}

  @Mutation(() => ConfidentialDocumentType, { description: '机要文件/来电 签收登记 (confidential clerk).' })
  @Roles('confidential-clerk')
  registerConfidentialDocument(@Args('input') input: RegisterConfidentialDocumentInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.registerConfidential, withoutNulls({ ...input }) as never, caller);
  }

  @Mutation(() => ConfidentialDocumentType, { description: '拟办: the office director writes the proposed handling and names who receives it.' })
  @Roles('director', 'deputy-director')
  writeConfidentialProposal(
    @Args('id', { type: () => ID }) id: string,
    @Args('text') text: string,
    @CurrentCaller() caller: Caller,
    @Args('readers', { type: () => [String], nullable: true }) readers?: string[] | null,
  ) {
    return this.rpc.request(documents.writeConfidentialProposal, withoutNulls({ id, text, readers }) as never, caller);
  }

  @Mutation(() => ConfidentialDocumentType, { description: 'The confidential clerk carries it to a leader or the handling unit (to: leader | unit).' })
  @Roles('confidential-clerk')
  carryConfidentialDocument(
    @Args('id', { type: () => ID }) id: string,
    @Args('to') to: string,
    @Args('recipientId') recipientId: string,
    @Args('recipientName') recipientName: string,
    @CurrentCaller() caller: Caller,
  ) {
    return this.rpc.request(documents.carryConfidential, { id, to, recipientId, recipientName } as never, caller);
  }

  @Mutation(() => ConfidentialDocumentType, { description: '批示 by the district leader holding it, verbatim.' })
  @Roles('district-leader')
  instructConfidentialDocument(@Args('id', { type: () => ID }) id: string, @Args('text') text: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.instructConfidential, { id, text }, caller);
  }

  @Mutation(() => ConfidentialDocumentType, { description: 'Progress from the unit holding it.' })
  @Roles('unit-liaison', 'confidential-clerk')
  reportConfidentialProgress(@Args('id', { type: () => ID }) id: string, @Args('note') note: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.reportConfidentialProgress, { id, note }, caller);
  }

  @Mutation(() => ConfidentialDocumentType, { description: '回收, every item and page counted.' })
  @Roles('confidential-clerk')
  recoverConfidentialDocument(
    @Args('id', { type: () => ID }) id: string,
    @Args('items', { type: () => Int }) items: number,
    @Args('pages', { type: () => Int }) pages: number,
    @CurrentCaller() caller: Caller,
  ) {
    return this.rpc.request(documents.recoverConfidential, { id, items, pages }, caller);
  }

  @Mutation(() => ConfidentialDocumentType, { description: '清退: back to the sender complete.' })
  @Roles('confidential-clerk')
  returnConfidentialDocument(
    @Args('id', { type: () => ID }) id: string,
    @Args('items', { type: () => Int }) items: number,
    @Args('pages', { type: () => Int }) pages: number,
    @CurrentCaller() caller: Caller,
  ) {
    return this.rpc.request(documents.returnConfidential, { id, items, pages }, caller);
  }

  @Mutation(() => ConfidentialDocumentType, { description: '归档 (only what need not go back).' })
  @Roles('confidential-clerk', 'archivist')
  archiveConfidentialDocument(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.archiveConfidential, { id }, caller);
  }

  @Mutation(() => ConfidentialDocumentType, { description: '复印 with the approver’s order: never 绝密 or cipher telegrams.' })
  @Roles('director', 'secrecy-officer')
  copyConfidentialDocument(
    @Args('id', { type: () => ID }) id: string,
    @Args('copies', { type: () => Int }) copies: number,
    @Args('reason') reason: string,
    @CurrentCaller() caller: Caller,
  ) {
    return this.rpc.request(documents.copyConfidential, { id, copies, reason }, caller);
  }

  @Mutation(() => ConfidentialDocumentType, { description: '核准销毁 of a cipher telegram not to be archived, by the leader in charge.' })
  @Roles('director', 'deputy-director', 'district-leader')
  approveCipherDestruction(@Args('id', { type: () => ID }) id: string, @Args('text') text: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.approveCipherDestruction, { id, text }, caller);
  }

  @Mutation(() => ConfidentialDocumentType, { description: '监销: a secrecy-bureau witness signs.' })
  @Roles('secrecy-officer', 'confidential-clerk')
  witnessCipherDestruction(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.witnessCipherDestruction, { id }, caller);
  }

  @Mutation(() => ConfidentialDocumentType, { description: '销毁: with the approval and two distinct bureau witnesses.' })
  @Roles('confidential-clerk', 'secrecy-officer')
  destroyConfidentialDocument(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.destroyConfidential, { id }, caller);
  }

  @Mutation(() => ConfidentialDocumentType, { description: 'The bureau head logs a progress check of a 绝密 document.' })
  @Roles('secrecy-officer', 'director')
  checkTopSecretDocument(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller, @Args('note', { type: () => String, nullable: true }) note?: string | null) {
    return this.rpc.request(documents.checkTopSecret, withoutNulls({ id, note }) as never, caller);
  }

  @Query(() => TopSecretCheckAlerts, { description: '绝密 documents with fewer than the required checks on a day (default today).' })
  @Roles('secrecy-officer', 'director', 'confidential-clerk', 'deputy-director')
  topSecretCheckAlerts(@CurrentCaller() caller: Caller, @Args('day', { type: () => String, nullable: true }) day?: string | null) {
    return this.rpc.request(documents.topSecretCheckAlerts, withoutNulls({ day }) as never, caller);
  }

  @Query(() => ConfidentialDocumentType, { description: 'A confidential document with its history and holder; NOT_FOUND outside clearance or need-to-know; every read audited.' })
  @Roles(...READERS)
  confidentialDocument(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.getConfidential, { id }, caller);
  }

  @Query(() => ConfidentialDocumentPage, { description: 'The confidential register (only what the caller may read).' })
  @Roles(...READERS)
  confidentialDocuments(
    @CurrentCaller() caller: Caller,
    @Args('year', { type: () => Int, nullable: true }) year?: number | null,
    @Args('kind', { type: () => String, nullable: true }) kind?: string | null,
    @Args('state', { type: () => String, nullable: true }) state?: string | null,
    @Args('titleContains', { type: () => String, nullable: true }) titleContains?: string | null,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number | null,
    @Args('offset', { type: () => Int, nullable: true }) offset?: number | null,
  ) {
    return this.rpc.request(documents.listConfidential, withoutNulls({ year, kind, state, titleContains, limit, offset }) as never, caller);
  }

  @Query(() => ConfidentialDocumentPage, { description: '待办: the confidential documents waiting for me (to propose, carry, instruct, handle, return or file).' })
  @Roles(...READERS)
  confidentialInbox(
    @CurrentCaller() caller: Caller,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number | null,
    @Args('offset', { type: () => Int, nullable: true }) offset?: number | null,
  ) {
    return this.rpc.request(documents.listConfidential, withoutNulls({ waitingForMe: true, limit, offset }) as never, caller);
  }

  @Query(() => OverdueConfidentialReturns, { description: 'Documents to be returned that are overdue (no titles).' })
  @Roles('confidential-clerk', 'secrecy-officer', 'director', 'deputy-director')
  overdueConfidentialReturns(@CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.overdueConfidentialReturns, {}, caller);
  }
}
