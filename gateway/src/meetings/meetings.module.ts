import { Module } from '@nestjs/common';
import { MeetingRequestsResolver } from './requests.resolver.js';
import { WeeklyScheduleResolver } from './schedule.resolver.js';
import { ActivityPlansResolver } from './receptions.resolver.js';
import { MeetingsResolver } from './meetings.resolver.js';
import { MeetingTopicsResolver } from './topics.resolver.js';
import { MinutesResolver } from './minutes.resolver.js';
import { OfficeMeetingsResolver } from './office-meetings.resolver.js';
import { ResearchTripsResolver } from './research-trips.resolver.js';

/** The meetings section on the GraphQL surface (one resolver per workflow folder of services/meetings). */
@Module({ providers: [MeetingRequestsResolver, WeeklyScheduleResolver, ActivityPlansResolver, MeetingsResolver, MeetingTopicsResolver, MinutesResolver, OfficeMeetingsResolver, ResearchTripsResolver] })
export class MeetingsGraphqlModule {}
