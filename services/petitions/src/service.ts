import type { ServiceDefinition } from '@gov/service-kit';
import { PetitionsDatabase } from './database.js';

/** The 信访 (petitions) section. Its workflows arrive as feature modules, one folder each (docs/how-to-add-a-workflow.md). */
export const petitionsService: ServiceDefinition<InstanceType<typeof PetitionsDatabase>> = {
  section: 'petitions',
  modules: [],
  prismaClient: PetitionsDatabase as never,
};
