import { Module } from '@nestjs/common';
import { SupervisionResolver } from './supervision.resolver.js';
import { SupervisionItemsResolver } from './items.resolver.js';
import { SupervisionItemWorkflowResolver } from './items-workflow.resolver.js';
import { NpcCppccResolver } from './npc-cppcc.resolver.js';
import { ScoringResolver } from './scoring.resolver.js';
import { SupervisionStatisticsResolver } from './statistics.resolver.js';

@Module({ providers: [SupervisionResolver, SupervisionItemsResolver, SupervisionItemWorkflowResolver, NpcCppccResolver, ScoringResolver, SupervisionStatisticsResolver] })
export class SupervisionGraphqlModule {}
