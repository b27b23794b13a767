import { Module } from '@nestjs/common';
import { LegalReviewsResolver } from './reviews.resolver.js';

/** The legal-review section on the GraphQL surface. */
@Module({ providers: [LegalReviewsResolver] })
export class LegalReviewGraphqlModule {}
