import type { ServiceDefinition } from '@gov/service-kit';
import { SupervisionDatabase } from './database.js';
import { ItemsModule } from './items/items.module.js';
import { IntakeModule, INTAKE_CONSUMERS } from './intake/intake.module.js';
import { NpcCppccModule } from './npc-cppcc/npc-cppcc.module.js';
import { ScoringModule } from './scoring/scoring.module.js';
import { StatisticsModule } from './statistics/statistics.module.js';
import { SourceDocumentsModule } from './source-documents/source-documents.module.js';
import { RecordSourceDocument } from './source-documents/record-source-document.consumer.js';

/** The supervision section (督查室). */
export const supervisionService: ServiceDefinition<InstanceType<typeof SupervisionDatabase>> = {
  section: 'supervision',
  modules: [SourceDocumentsModule, ItemsModule, IntakeModule, NpcCppccModule, ScoringModule, StatisticsModule],
  prismaClient: SupervisionDatabase as never,
  consumers: [RecordSourceDocument, ...INTAKE_CONSUMERS],
};
