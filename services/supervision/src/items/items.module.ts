import { Module } from '@nestjs/common';
import { ItemsHandlers } from './items.handlers.js';
import { SupervisionSettingsModule } from './settings.module.js';
import { WorkflowHandlers } from './workflow.handlers.js';
import { OpenSupervisionItem } from './open-item.use-case.js';
import { AdmitSupervisionItem } from './admit-item.use-case.js';
import { AssignSupervisionItem } from './assign-item.use-case.js';
import { GetSupervisionItem, ListSupervisionItems, MySupervisionItems, OverdueBoard } from './read-items.use-case.js';
import { DeclineSupervisionItem } from './decline-item.use-case.js';
import { AcknowledgeSupervisionItem, ExplainItemDelay, ReportItemProgress } from './unit-actions.use-case.js';
import { RemindSupervisionItem } from './remind-item.use-case.js';
import { RunDailySupervisionChecks } from './daily-checks.use-case.js';
import { DailyChecksTimer } from './daily-checks.timer.js';
import { AcceptCompletionReport, ReturnCompletionReport, SubmitCompletionReport } from './report-review.use-case.js';
import { ArchiveSupervisionItem, CloseSupervisionItem, FeedBackSupervisionItem, InstructSecondRound } from './closing.use-case.js';

/**
 * 督查事项: supervision items from 立项 to 归档 (立项, 立项批准/不予立项, 交办, the unit's side, 催办, the daily
 * checks and their timer, report review, the second round, 办结/销号, filing) and the reads.
 */
@Module({
  imports: [SupervisionSettingsModule],
  controllers: [ItemsHandlers, WorkflowHandlers],
  providers: [
    OpenSupervisionItem,
    AdmitSupervisionItem,
    AssignSupervisionItem,
    GetSupervisionItem,
    ListSupervisionItems,
    MySupervisionItems,
    OverdueBoard,
    DeclineSupervisionItem,
    AcknowledgeSupervisionItem,
    ReportItemProgress,
    ExplainItemDelay,
    RemindSupervisionItem,
    RunDailySupervisionChecks,
    DailyChecksTimer,
    SubmitCompletionReport,
    ReturnCompletionReport,
    AcceptCompletionReport,
    FeedBackSupervisionItem,
    InstructSecondRound,
    CloseSupervisionItem,
    ArchiveSupervisionItem,
  ],
})
export class ItemsModule {}
