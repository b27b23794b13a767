import type { ServiceDefinition } from '@gov/service-kit';
import { MeetingsDatabase } from './database.js';

/** The 会务 (meetings, weekly schedule, minutes) section. Its workflows arrive as feature modules, one folder each (docs/how-to-add-a-workflow.md). */
export const meetingsService: ServiceDefinition<InstanceType<typeof MeetingsDatabase>> = {
  section: 'meetings',
  modules: [],
  prismaClient: MeetingsDatabase as never,
};
