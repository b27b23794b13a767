import type { ServiceDefinition } from '@gov/service-kit';
import { SupervisionDatabase } from './database.js';
import { ItemsModule } from './items/items.module.js';
import { SourceDocumentsModule } from './source-documents/source-documents.module.js';
import { RecordSourceDocument } from './source-documents/record-source-document.consumer.js';

/** The supervision section (督查室). */
export const supervisionService: ServiceDefinition<InstanceType<typeof SupervisionDatabase>> = {
  section: 'supervision',
  modules: [SourceDocumentsModule, ItemsModule],
  prismaClient: SupervisionDatabase as never,
  consumers: [RecordSourceDocument],
};
