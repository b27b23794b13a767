import type { ServiceDefinition } from '@gov/service-kit';
import { ArchivesDatabase } from './database.js';

/** The 档案 (archives) section. Its workflows arrive as feature modules, one folder each (docs/how-to-add-a-workflow.md). */
export const archivesService: ServiceDefinition<InstanceType<typeof ArchivesDatabase>> = {
  section: 'archives',
  modules: [],
  prismaClient: ArchivesDatabase as never,
};
