import type { ServiceDefinition } from '@gov/service-kit';
import { DocumentsDatabase } from './database.js';
import { IncomingModule } from './incoming/incoming.module.js';

/** The documents section (办文): its workflows and database. */
export const documentsService: ServiceDefinition<InstanceType<typeof DocumentsDatabase>> = {
  section: 'documents',
  modules: [IncomingModule],
  prismaClient: DocumentsDatabase as never,
};
