import { Module } from '@nestjs/common';

/** The meetings section on the GraphQL surface (one resolver per workflow folder of services/meetings). */
@Module({ providers: [] })
export class MeetingsGraphqlModule {}
