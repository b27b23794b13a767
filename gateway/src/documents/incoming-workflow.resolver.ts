import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { documents } from '@gov/contracts';
import type { RpcClient } from '@gov/messaging';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentCaller, type Caller } from '../graphql/context.js';
import { RPC } from '../tokens.js';
import { IncomingDocumentType } from './incoming.types.js';
import {
  AssignIncomingInput,
  CirculateIncomingInput,
  HandOverIncomingInput,
  IncomingCommentStepInput,
  IncomingReasonStepInput,
  IncomingStepInput,
  IncomingTextStepInput,
  ProposeIncomingHandlingInput,
  ProposeIncomingReturnInput,
  RecordIncomingSectionOpinionInput,
  SignIncomingInstructionInput,
  SubmitIncomingToLeadersInput,
  IncomingInbox,
  ResolveIncomingInstructionsInput,
} from './incoming-workflow.types.js';

/** Roles that can hold the paper of an incoming item and so sign for or hand it on. */
const HOLDERS = [
  'clerk', 'confidential-clerk', 'section-chief', 'deputy-director', 'director', 'district-leader', 'legal-officer',
  'foreign-affairs-officer', 'supervisor', 'archivist',
] as const;
const CLERKS = ['clerk', 'confidential-clerk'] as const;

/** GraphQL sends null for omitted optional fields, nested too; the wire contracts want them absent. */
function clean<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clean) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, clean(v)])) as T;
  }
  return value;
}

/**
 * 收文办理 on the GraphQL surface (issue 3 §1, §6): one mutation per step, each gated by the roles of its rows
 * in the state table (services/documents/src/incoming/incoming.rules.ts); the service checks state, holder
 * and record-level access again. The inbox answers "what waits for me".
 */
@Resolver(() => IncomingDocumentType)
export class IncomingWorkflowResolver {
  constructor(@Inject(RPC) private readonly rpc: RpcClient) {}

  @Query(() => IncomingInbox, { description: 'What waits for me: items to sign for, in hand, or to chase.' })
  @Roles(...HOLDERS)
  incomingInbox(@CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.incomingInbox, {}, caller);
  }

  @Mutation(() => IncomingDocumentType, { description: '签收: sign for an item handed to me; I become its holder.' })
  @Roles(...HOLDERS)
  receiveIncomingDocument(@Args('input') input: IncomingStepInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.receiveIncoming, clean(({ id: input.id })) as never, caller);
  }

  @Mutation(() => IncomingDocumentType, { description: 'Hand the paper to someone without a change of state.' })
  @Roles(...HOLDERS)
  handOverIncomingDocument(@Args('input') input: HandOverIncomingInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.handOverIncoming, clean({ ...input }) as never, caller);
  }

  @Mutation(() => IncomingDocumentType, { description: '初审: propose returning the item with typed grounds.' })
  @Roles(...CLERKS)
  proposeIncomingReturn(@Args('input') input: ProposeIncomingReturnInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.proposeIncomingReturn, clean({ ...input }) as never, caller);
  }

  @Mutation(() => IncomingDocumentType, { description: '科室负责人 endorses the return.' })
  @Roles('section-chief')
  endorseIncomingReturn(@Args('input') input: IncomingCommentStepInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.endorseIncomingReturn, clean({ ...input }) as never, caller);
  }

  @Mutation(() => IncomingDocumentType, { description: '办公室分管主任 approves the return to the sender.' })
  @Roles('deputy-director')
  approveIncomingReturn(@Args('input') input: IncomingCommentStepInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.approveIncomingReturn, clean({ ...input }) as never, caller);
  }

  @Mutation(() => IncomingDocumentType, { description: 'Reject a proposed return.' })
  @Roles('section-chief', 'deputy-director')
  rejectIncomingReturn(@Args('input') input: IncomingReasonStepInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.rejectIncomingReturn, clean({ ...input }) as never, caller);
  }

  @Mutation(() => IncomingDocumentType, { description: '初审合格, 受理.' })
  @Roles(...CLERKS)
  acceptIncomingDocument(@Args('input') input: IncomingStepInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.acceptIncoming, clean({ ...input }) as never, caller);
  }

  @Mutation(() => IncomingDocumentType, { description: '拟办: the proposed handling.' })
  @Roles(...CLERKS)
  proposeIncomingHandling(@Args('input') input: ProposeIncomingHandlingInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.proposeIncomingHandling, clean({ ...input }) as never, caller);
  }

  @Mutation(() => IncomingDocumentType, { description: 'Send for the legal / foreign-affairs opinion.' })
  @Roles('deputy-director')
  routeIncomingForOpinion(@Args('input') input: IncomingStepInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.routeIncomingForOpinion, clean({ ...input }) as never, caller);
  }

  @Mutation(() => IncomingDocumentType, { description: 'Record the section opinion.' })
  @Roles('legal-officer', 'foreign-affairs-officer')
  recordIncomingSectionOpinion(@Args('input') input: RecordIncomingSectionOpinionInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.recordIncomingSectionOpinion, clean({ ...input }) as never, caller);
  }

  @Mutation(() => IncomingDocumentType, { description: '送审 to the section chief.' })
  @Roles(...CLERKS)
  submitIncomingForReview(@Args('input') input: IncomingStepInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.submitIncomingForReview, clean({ ...input }) as never, caller);
  }

  @Mutation(() => IncomingDocumentType, { description: 'The section chief approves the proposal.' })
  @Roles('section-chief')
  approveIncomingProposal(@Args('input') input: IncomingCommentStepInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.approveIncomingProposal, clean({ ...input }) as never, caller);
  }

  @Mutation(() => IncomingDocumentType, { description: 'Send the proposal back to the handler.' })
  @Roles('section-chief', 'deputy-director', 'director')
  sendBackIncoming(@Args('input') input: IncomingReasonStepInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.sendBackIncoming, clean({ ...input }) as never, caller);
  }

  @Mutation(() => IncomingDocumentType, { description: 'Refer to the office director.' })
  @Roles('deputy-director')
  referIncomingToDirector(@Args('input') input: IncomingStepInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.referIncomingToDirector, clean({ ...input }) as never, caller);
  }

  @Mutation(() => IncomingDocumentType, { description: '呈批 to district leaders (ascending rank).' })
  @Roles('deputy-director', 'director')
  submitIncomingToLeaders(@Args('input') input: SubmitIncomingToLeadersInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.submitIncomingToLeaders, clean({ ...input }) as never, caller);
  }

  @Mutation(() => IncomingDocumentType, { description: '转办 straight to an undertaking unit.' })
  @Roles('deputy-director', 'director')
  transferIncoming(@Args('input') input: AssignIncomingInput, @CurrentCaller() caller: Caller) {
    const { toFinanceForFunds: _assignOnly, ...rest } = input;
    return this.rpc.request(documents.transferIncoming, clean({ ...rest }) as never, caller);
  }

  @Mutation(() => IncomingDocumentType, { description: '批示: a leader signs an instruction, in turn, verbatim.' })
  @Roles('district-leader')
  signIncomingInstruction(@Args('input') input: SignIncomingInstructionInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.signIncomingInstruction, clean({ ...input }) as never, caller);
  }

  @Mutation(() => IncomingDocumentType, { description: 'Close the instructions; routed matters go out.' })
  @Roles(...CLERKS)
  closeIncomingInstructions(@Args('input') input: IncomingStepInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.closeIncomingInstructions, clean({ ...input }) as never, caller);
  }

  @Mutation(() => IncomingDocumentType, { description: 'The office leader in charge decides which disagreeing instruction is followed.' })
  @Roles('deputy-director', 'director')
  resolveIncomingInstructions(@Args('input') input: ResolveIncomingInstructionsInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.resolveIncomingInstructions, clean({ ...input }) as never, caller);
  }

  @Mutation(() => IncomingDocumentType, { description: '承办: lead unit, co-units, deadline.' })
  @Roles('clerk', 'confidential-clerk', 'section-chief')
  assignIncoming(@Args('input') input: AssignIncomingInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.assignIncoming, clean({ ...input }) as never, caller);
  }

  @Mutation(() => IncomingDocumentType, { description: '传阅 the same day.' })
  @Roles(...CLERKS)
  circulateIncoming(@Args('input') input: CirculateIncomingInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.circulateIncoming, clean({ ...input }) as never, caller);
  }

  @Mutation(() => IncomingDocumentType, { description: '传阅: to the next reader.' })
  @Roles(...CLERKS)
  passOnIncoming(@Args('input') input: IncomingStepInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.passOnIncoming, clean({ ...input }) as never, caller);
  }

  @Mutation(() => IncomingDocumentType, { description: '传阅 finished.' })
  @Roles(...CLERKS)
  finishIncomingCirculation(@Args('input') input: IncomingStepInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.finishIncomingCirculation, clean({ ...input }) as never, caller);
  }

  @Mutation(() => IncomingDocumentType, { description: '催办: record a reminder.' })
  @Roles('clerk', 'confidential-clerk', 'section-chief', 'supervisor')
  chaseIncoming(@Args('input') input: IncomingTextStepInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.chaseIncoming, clean(({ id: input.id, note: input.text })) as never, caller);
  }

  @Mutation(() => IncomingDocumentType, { description: '办结.' })
  @Roles(...CLERKS)
  completeIncoming(@Args('input') input: IncomingTextStepInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.completeIncoming, clean(({ id: input.id, handTo: input.handTo, result: input.text })) as never, caller);
  }

  @Mutation(() => IncomingDocumentType, { description: '办复: answer the sender.' })
  @Roles(...CLERKS)
  replyIncoming(@Args('input') input: IncomingTextStepInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.replyIncoming, clean(({ id: input.id, handTo: input.handTo, reply: input.text })) as never, caller);
  }

  @Mutation(() => IncomingDocumentType, { description: '归档.' })
  @Roles('clerk', 'confidential-clerk', 'archivist')
  archiveIncoming(@Args('input') input: IncomingStepInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.archiveIncoming, clean({ ...input }) as never, caller);
  }
}
