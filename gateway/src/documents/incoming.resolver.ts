import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { documents } from '@gov/contracts';
import type { RpcClient } from '@gov/messaging';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentCaller, type Caller } from '../graphql/context.js';
import { Urgency, withoutNulls } from '../graphql/scalars.js';
import { RPC } from '../tokens.js';
import {
  IncomingDocumentPage,
  IncomingDocumentType,
  RegisterIncomingDocumentInput,
  RegisterIncomingDocumentResult,
} from './incoming.types.js';

const REGISTER_READERS = [
  'clerk', 'confidential-clerk', 'section-chief', 'deputy-director', 'director', 'district-leader', 'supervisor', 'auditor', 'admin',
] as const;

@Resolver(() => IncomingDocumentType)
export class IncomingDocumentsResolver {
  constructor(@Inject(RPC) private readonly rpc: RpcClient) {}

  @Mutation(() => RegisterIncomingDocumentResult, { description: '收文登记: register a received document.' })
  @Roles('clerk', 'confidential-clerk')
  registerIncomingDocument(@Args('input') input: RegisterIncomingDocumentInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.registerIncoming, withoutNulls({ ...input }) as never, caller);
  }

  @Query(() => IncomingDocumentType, { description: 'An incoming document with its full history and current holder.' })
  @Roles(...REGISTER_READERS)
  incomingDocument(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(documents.getIncoming, { id }, caller);
  }

  @Query(() => IncomingDocumentPage, { description: 'The incoming register by period with filters, newest first, with Chinese title search.' })
  @Roles(...REGISTER_READERS)
  incomingDocuments(
    @CurrentCaller() caller: Caller,
    @Args('year', { type: () => Int, nullable: true }) year?: number | null,
    @Args('titleContains', { type: () => String, nullable: true }) titleContains?: string | null,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number | null,
    @Args('offset', { type: () => Int, nullable: true }) offset?: number | null,
    @Args('registeredFrom', { type: () => String, nullable: true, description: 'Beijing date YYYY-MM-DD, inclusive' }) registeredFrom?: string | null,
    @Args('registeredTo', { type: () => String, nullable: true, description: 'Beijing date YYYY-MM-DD, inclusive' }) registeredTo?: string | null,
    @Args('status', { type: () => String, nullable: true }) status?: string | null,
    @Args('docType', { type: () => String, nullable: true }) docType?: string | null,
    @Args('urgency', { type: () => Urgency, nullable: true }) urgency?: Urgency | null,
    @Args('senderUnit', { type: () => String, nullable: true }) senderUnit?: string | null,
    @Args('leadUnit', { type: () => String, nullable: true }) leadUnit?: string | null,
    @Args('overdueOnly', { type: () => Boolean, nullable: true }) overdueOnly?: boolean | null,
  ) {
    return this.rpc.request(
      documents.listIncoming,
      withoutNulls({ year, titleContains, limit, offset, registeredFrom, registeredTo, status, docType, urgency, senderUnit, leadUnit, overdueOnly }) as never,
      caller,
    );
  }
}
