import { Module } from '@nestjs/common';
import { ResearchTripsHandlers } from './research-trips.handlers.js';
import { IssueResearchTripSupervisionForm } from './research-trips.use-case.js';

/** 调研 → 《督办事项交办单》 within 1 working day (seed 000 L640(2); SCENARIOS.md seed000-b #3). */
@Module({ controllers: [ResearchTripsHandlers], providers: [IssueResearchTripSupervisionForm] })
export class ResearchTripsModule {}
