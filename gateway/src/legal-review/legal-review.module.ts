import { Module } from '@nestjs/common';

/** The legal-review section on the GraphQL surface. */
@Module({ providers: [] })
export class LegalReviewGraphqlModule {}
