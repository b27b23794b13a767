import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { legalReview } from '@gov/contracts';
import type { RpcClient } from '@gov/messaging';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentCaller, type Caller } from '../graphql/context.js';
import { withoutNulls } from '../graphql/scalars.js';
import { RPC } from '../tokens.js';
import { ConcludeLegalReviewInput, LegalReviewPage, LegalReviewType } from './reviews.types.js';

const READERS = ['legal-officer', 'director', 'deputy-director', 'auditor'] as const;

@Resolver(() => LegalReviewType)
export class LegalReviewsResolver {
  constructor(@Inject(RPC) private readonly rpc: RpcClient) {}

  @Mutation(() => LegalReviewType, { description: 'A legal officer concludes a requested review (审查意见).' })
  @Roles('legal-officer')
  concludeLegalReview(@Args('input') input: ConcludeLegalReviewInput, @CurrentCaller() caller: Caller) {
    return this.rpc.request(legalReview.concludeReview, withoutNulls({ ...input }) as never, caller);
  }

  @Query(() => LegalReviewType)
  @Roles(...READERS)
  legalReview(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.rpc.request(legalReview.getReview, { id }, caller);
  }

  @Query(() => LegalReviewPage, { description: 'The legal officers’ queue, oldest first.' })
  @Roles(...READERS)
  legalReviews(
    @CurrentCaller() caller: Caller,
    @Args('state', { type: () => String, nullable: true }) state?: string | null,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number | null,
    @Args('offset', { type: () => Int, nullable: true }) offset?: number | null,
  ) {
    return this.rpc.request(legalReview.listReviews, withoutNulls({ state, limit, offset }) as never, caller);
  }
}
