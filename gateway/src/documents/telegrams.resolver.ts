import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { documents } from '@gov/contracts';
import type { RpcClient } from '@gov/messaging';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentCaller, type Caller } from '../graphql/context.js';
import { withoutNulls } from '../graphql/scalars.js';
import { RPC } from '../tokens.js';
import { DraftTelegramInput, OutgoingTelegramType, RecordTelegramPhoneApprovalInput, TelegramsOwingSignature } from './telegrams.types.js';

/** Outgoing telegrams (发电). Roles per row of OUTGOING_TELEGRAM_TRANSITIONS. */
@Resolver(() => OutgoingTelegramType)
export class TelegramsResolver {
  constructor(@Inject(RPC) private readonly rpc: RpcClient) {}

  @Mutation(() => OutgoingTelegramType, { description: '发电拟稿.' })
  @Roles('clerk', 'confidential-clerk', 'section-chief', 'deputy-director', 'director', 'unit-liaison')
  draftTelegram(@Args('input') input: DraftTelegramInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.draftTelegram, withoutNulls({ ...input }) as never, caller);
  }

  @Mutation(() => OutgoingTelegramType, { description: '签发 by the issuing unit’s leader, or the later signature (补签) after a phone approval.' })
  @Roles('district-leader', 'director', 'deputy-director')
  signTelegram(@Args('id', { type: () => ID }) id: string, @Args('unit') unit: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.signTelegram, { id, unit }, caller);
  }

  @Mutation(() => OutgoingTelegramType, { description: '电话请示同意, recorded by the confidential clerk.' })
  @Roles('confidential-clerk')
  recordTelegramPhoneApproval(@Args('input') input: RecordTelegramPhoneApprovalInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.recordTelegramPhoneApproval, { ...input }, caller);
  }

  @Mutation(() => OutgoingTelegramType, { description: '受理、登记、编号: refused without the leaders’ signatures.' })
  @Roles('confidential-clerk')
  acceptTelegram(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.acceptTelegram, { id }, caller);
  }

  @Query(() => OutgoingTelegramType, { description: 'An outgoing telegram; NOT_FOUND outside clearance or need-to-know; classified reads audited.' })
  @Roles('confidential-clerk', 'secrecy-officer', 'director', 'deputy-director', 'district-leader', 'section-chief', 'clerk', 'unit-liaison', 'auditor')
  telegram(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.getTelegram, { id }, caller);
  }

  @Query(() => TelegramsOwingSignature, { description: 'Accepted telegrams owing a later signature (补签), overdue flagged.' })
  @Roles('confidential-clerk', 'secrecy-officer', 'director', 'deputy-director')
  telegramsOwingSignature(@CurrentCaller() caller: Caller, @Args('overdueOnly', { nullable: true }) overdueOnly?: boolean) {
    return this.rpc.request(documents.telegramsOwingSignature, withoutNulls({ overdueOnly }) as never, caller);
  }
}
