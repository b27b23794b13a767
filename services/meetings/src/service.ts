import type { ServiceDefinition } from '@gov/service-kit';
import { MeetingsDatabase } from './database.js';
import { MeetingsSettingsModule } from './meetings/settings.module.js';
import { RequestsModule } from './requests/requests.module.js';
import { ScheduleModule } from './schedule/schedule.module.js';
import { ReceptionsModule } from './receptions/receptions.module.js';
import { MeetingsModule } from './meetings/meetings.module.js';
import { TopicsModule } from './topics/topics.module.js';
import { ApplyTopicLegalReview } from './topics/apply-legal-review.consumer.js';
import { MinutesModule } from './minutes/minutes.module.js';
import { OfficeMeetingsModule } from './office-meetings/office-meetings.module.js';
import { ResearchTripsModule } from './research-trips/research-trips.module.js';

/** The 会务 (meetings, weekly schedule, minutes) section. Its workflows arrive as feature modules, one folder each (docs/how-to-add-a-workflow.md). */
export const meetingsService: ServiceDefinition<InstanceType<typeof MeetingsDatabase>> = {
  section: 'meetings',
  // MeetingsSettingsModule (global): MEETINGS_SETTINGS, validated once at start-up, for every module below.
  modules: [MeetingsSettingsModule, RequestsModule, ScheduleModule, ReceptionsModule, MeetingsModule, TopicsModule, MinutesModule, OfficeMeetingsModule, ResearchTripsModule],
  prismaClient: MeetingsDatabase as never,
  consumers: [ApplyTopicLegalReview],
};
