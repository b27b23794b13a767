import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Role } from '@gov/auth';
import { documents } from '@gov/contracts';
import type { RpcClient } from '@gov/messaging';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentCaller, type Caller } from '../graphql/context.js';
import { withoutNulls } from '../graphql/scalars.js';
import { RPC } from '../tokens.js';
import {
  RegisterSealApproverInput,
  RegisterSealInput,
  RequestSealUseInput,
  SealApproverType,
  SealRegister,
  SealRequestType,
  SealType,
} from './seals.types.js';

const REQUESTERS: Role[] = [
  'clerk', 'section-chief', 'deputy-director', 'director', 'confidential-clerk', 'supervisor', 'legal-officer',
  'petition-officer', 'secrecy-officer', 'archivist', 'foreign-affairs-officer', 'unit-liaison',
];
const READERS: Role[] = ['clerk', 'section-chief', 'deputy-director', 'director', 'auditor', 'secrecy-officer', 'admin'];

/** Seals (印章). Roles per row of SEAL_REQUEST_TRANSITIONS; the keeper is the person the seal record names. */
@Resolver(() => SealRequestType)
export class SealsResolver {
  constructor(@Inject(RPC) private readonly rpc: RpcClient) {}

  @Mutation(() => SealType, { description: 'Record a seal and its keepers.' })
  @Roles('director', 'admin')
  registerSeal(@Args('input') input: RegisterSealInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.registerSeal, { ...input } as never, caller);
  }

  @Mutation(() => SealApproverType, { description: 'Record a leader’s posts and areas in charge for seal approval.' })
  @Roles('director', 'admin')
  registerSealApprover(@Args('input') input: RegisterSealApproverInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.registerSealApprover, withoutNulls({ ...input }) as never, caller);
  }

  @Mutation(() => SealRequestType, { description: '用印申请: seal, purpose and impressions.' })
  @Roles(...REQUESTERS)
  requestSealUse(@Args('input') input: RequestSealUseInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.requestSealUse, withoutNulls({ ...input }) as never, caller);
  }

  @Mutation(() => SealRequestType, { description: 'A leader’s written approval.' })
  @Roles('district-leader', 'director', 'deputy-director')
  approveSealUse(@Args('id', { type: () => ID }) id: string, @Args('approvalText') approvalText: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.approveSealUse, { id, approvalText }, caller);
  }

  @Mutation(() => SealRequestType, { description: 'The keeper’s check: stamped (and registered), refused with reasons, or queried.' })
  @Roles('clerk', 'section-chief')
  reviewSealUse(
    @Args('id', { type: () => ID }) id: string,
    @CurrentCaller() caller: Caller,
    @Args('doubtful', { nullable: true }) doubtful?: boolean,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
  ) {
    return this.rpc.request(documents.reviewSealUse, withoutNulls({ id, doubtful, note }) as never, caller);
  }

  @Mutation(() => SealRequestType, { description: 'An office leader confirms a queried request.' })
  @Roles('director', 'deputy-director')
  confirmSealUse(@Args('id', { type: () => ID }) id: string, @Args('note') note: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.confirmSealUse, { id, note }, caller);
  }

  @Query(() => SealRequestType, { description: 'A seal-use request with its history and the keeper’s reasons.' })
  @Roles(...REQUESTERS, 'district-leader', 'auditor', 'admin')
  sealRequest(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.getSealRequest, { id }, caller);
  }

  @Query(() => SealRegister, { description: '印章使用登记簿 for a period (YYYY-MM-DD, inclusive), optionally one seal.' })
  @Roles(...READERS)
  sealRegister(
    @Args('from') from: string,
    @Args('to') to: string,
    @CurrentCaller() caller: Caller,
    @Args('seal', { type: () => String, nullable: true }) seal?: string | null,
  ) {
    return this.rpc.request(documents.sealRegister, withoutNulls({ from, to, seal }) as never, caller);
  }
}
