import type { ServiceDefinition } from '@gov/service-kit';
import { DocumentsDatabase } from './database.js';
import { IncomingModule } from './incoming/incoming.module.js';
import { IncomingWorkflowModule } from './incoming-workflow/incoming-workflow.module.js';
import { SpecialItemsModule } from './special-items/special-items.module.js';
import { OutgoingModule } from './outgoing/outgoing.module.js';
import { ConfidentialModule } from './confidential/confidential.module.js';
import { SealsModule } from './seals/seals.module.js';
import { RecordOutgoingLegalOpinion } from './outgoing/legal-review-concluded.consumer.js';

/** The documents section (办文): its workflows and database. */
export const documentsService: ServiceDefinition<InstanceType<typeof DocumentsDatabase>> = {
  section: 'documents',
  modules: [IncomingModule, IncomingWorkflowModule, SpecialItemsModule, OutgoingModule, ConfidentialModule, SealsModule],
  prismaClient: DocumentsDatabase as never,
  consumers: [RecordOutgoingLegalOpinion],
};
