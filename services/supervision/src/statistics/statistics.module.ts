import { Module } from '@nestjs/common';
import { StatisticsHandlers } from './statistics.handlers.js';
import { GetSupervisionReport } from './statistics.use-case.js';

/** 督查统计: monthly, half-year and annual reports of supervision items. */
@Module({ controllers: [StatisticsHandlers], providers: [GetSupervisionReport] })
export class StatisticsModule {}
