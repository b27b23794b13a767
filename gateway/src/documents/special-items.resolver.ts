import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { GovError, documents } from '@gov/contracts';
import type { RpcClient } from '@gov/messaging';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentCaller, type Caller } from '../graphql/context.js';
import { RPC } from '../tokens.js';
import {
  ReceiveSpecialItemInput,
  ReturnSpecialItemInput,
  SpecialItemInstructionCopy,
  SpecialItemStepInput,
  SpecialItemType,
  TransferSpecialItemInput,
} from './special-items.types.js';

const READERS = ['clerk', 'section-chief', 'deputy-director', 'director', 'district-leader', 'archivist', 'auditor', 'admin'] as const;

function clean<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clean) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, clean(v)])) as T;
  }
  return value;
}

function required(text: string | null | undefined, field: string): string {
  if (!text) throw GovError.badInput(`${field} is required for this step`, { field: 'text' });
  return text;
}

/** 特殊件 on the GraphQL surface (issue 3 §2): roles per the special-item table; the instruction text guarded by the service. */
@Resolver(() => SpecialItemType)
export class SpecialItemsResolver {
  constructor(@Inject(RPC) private readonly rpc: RpcClient) {}

  @Query(() => SpecialItemType, { description: 'A special item; the instruction text only for office leaders and the 交办人.' })
  @Roles(...READERS)
  specialItem(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.getSpecialItem, { id }, caller);
  }

  @Mutation(() => SpecialItemInstructionCopy, { description: '查询/复印 the instruction (office leaders and the 交办人 only; audited).' })
  @Roles(...READERS)
  copySpecialItemInstruction(@Args('id', { type: () => ID }) id: string, @Args('purpose') purpose: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.copySpecialItemInstruction, { id, purpose }, caller);
  }

  @Mutation(() => SpecialItemType, { description: '签收 a special item with its instruction(s).' })
  @Roles('clerk')
  receiveSpecialItem(@Args('input') input: ReceiveSpecialItemInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.receiveSpecialItem, clean({ ...input }) as never, caller);
  }

  @Mutation(() => SpecialItemType, { description: '退回交办人 with its grounds.' })
  @Roles('clerk')
  returnSpecialItem(@Args('input') input: ReturnSpecialItemInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.returnSpecialItem, clean({ ...input }) as never, caller);
  }

  @Mutation(() => SpecialItemType, { description: '登记 (refused while the record shows a return ground).' })
  @Roles('clerk')
  registerSpecialItem(@Args('input') input: SpecialItemStepInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.registerSpecialItem, { id: input.id }, caller);
  }

  @Mutation(() => SpecialItemType, { description: '拟办 (text = the opinion).' })
  @Roles('clerk')
  proposeSpecialItemHandling(@Args('input') input: SpecialItemStepInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.proposeSpecialItemHandling, { id: input.id, opinion: required(input.text, 'opinion') }, caller);
  }

  @Mutation(() => SpecialItemType, { description: '分管副主任核报.' })
  @Roles('deputy-director')
  approveSpecialItemProposal(@Args('input') input: SpecialItemStepInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.approveSpecialItemProposal, { id: input.id }, caller);
  }

  @Mutation(() => SpecialItemType, { description: 'Send the proposal back (text = the reason).' })
  @Roles('deputy-director')
  sendBackSpecialItem(@Args('input') input: SpecialItemStepInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.sendBackSpecialItem, { id: input.id, reason: required(input.text, 'reason') }, caller);
  }

  @Mutation(() => SpecialItemType, { description: '批示件复印留存 before transfer.' })
  @Roles('clerk')
  keepSpecialItemInstructionCopy(@Args('input') input: SpecialItemStepInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.keepSpecialItemInstructionCopy, { id: input.id }, caller);
  }

  @Mutation(() => SpecialItemType, { description: '转办 to the undertaking unit, with routes to other sections (e.g. 督查室 tracking).' })
  @Roles('clerk')
  transferSpecialItem(@Args('input') input: TransferSpecialItemInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.transferSpecialItem, clean({ ...input }) as never, caller);
  }

  @Mutation(() => SpecialItemType, { description: '办结.' })
  @Roles('clerk')
  completeSpecialItem(@Args('input') input: SpecialItemStepInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.completeSpecialItem, { id: input.id }, caller);
  }

  @Mutation(() => SpecialItemType, { description: '归档.' })
  @Roles('clerk', 'archivist')
  archiveSpecialItem(@Args('input') input: SpecialItemStepInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.archiveSpecialItem, { id: input.id }, caller);
  }
}
