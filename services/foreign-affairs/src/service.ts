import type { ServiceDefinition } from '@gov/service-kit';
import { ForeignAffairsDatabase } from './database.js';

/** The 外事 (trips abroad, passports, visitors) section. Its workflows arrive as feature modules, one folder each (docs/how-to-add-a-workflow.md). */
export const foreignAffairsService: ServiceDefinition<InstanceType<typeof ForeignAffairsDatabase>> = {
  section: 'foreign-affairs',
  modules: [],
  prismaClient: ForeignAffairsDatabase as never,
};
