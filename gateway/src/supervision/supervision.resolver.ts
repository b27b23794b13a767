import { Inject } from '@nestjs/common';
import { Args, Field, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { supervision } from '@gov/contracts';
import type { RpcClient } from '@gov/messaging';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentCaller, type Caller } from '../graphql/context.js';
import { Classification, withoutNulls } from '../graphql/scalars.js';
import { RPC } from '../tokens.js';

@ObjectType('SupervisionSourceDocument', { description: '督办来源文件: a registered document as supervision recorded it.' })
export class SourceDocumentType {
  @Field(() => ID) documentId!: string;
  @Field() registerNumber!: string;
  @Field(() => String, { nullable: true, description: 'null for classified documents' }) title!: string | null;
  @Field() docType!: string;
  @Field(() => Classification) classification!: Classification;
  @Field() senderUnit!: string;
  @Field() registeredAt!: string;
  @Field() recordedAt!: string;
  @Field(() => ID) eventId!: string;
}

@ObjectType()
export class SourceDocumentPage {
  @Field(() => [SourceDocumentType]) items!: SourceDocumentType[];
  @Field(() => Int) total!: number;
}

const READERS = ['supervisor', 'director', 'deputy-director', 'section-chief', 'clerk', 'auditor', 'admin'] as const;

@Resolver(() => SourceDocumentType)
export class SupervisionResolver {
  constructor(@Inject(RPC) private readonly rpc: RpcClient) {}

  @Query(() => SourceDocumentType)
  @Roles(...READERS)
  supervisionSourceDocument(@Args('documentId', { type: () => ID }) documentId: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(supervision.getSourceDocument, { documentId }, caller);
  }

  @Query(() => SourceDocumentPage)
  @Roles(...READERS)
  supervisionSourceDocuments(
    @CurrentCaller() caller: Caller,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number | null,
    @Args('offset', { type: () => Int, nullable: true }) offset?: number | null,
  ) {
    return this.rpc.request(supervision.listSourceDocuments, withoutNulls({ limit, offset }) as never, caller);
  }
}
