import type { ServiceDefinition } from '@gov/service-kit';
import { SecrecyDatabase } from './database.js';

/** The 保密 (state secrets, carriers, classified people) section. Its workflows arrive as feature modules, one folder each (docs/how-to-add-a-workflow.md). */
export const secrecyService: ServiceDefinition<InstanceType<typeof SecrecyDatabase>> = {
  section: 'secrecy',
  modules: [],
  prismaClient: SecrecyDatabase as never,
};
