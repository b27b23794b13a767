import { Controller } from '@nestjs/common';
import { Ctx, Payload, type NatsContext } from '@nestjs/microservices';
import { supervision } from '@gov/contracts';
import { CommandHandler, runCommand } from '@gov/service-kit';
import { DeclineSupervisionItem } from './decline-item.use-case.js';
import { AcknowledgeSupervisionItem, ExplainItemDelay, ReportItemProgress } from './unit-actions.use-case.js';
import { RemindSupervisionItem } from './remind-item.use-case.js';
import { RunDailySupervisionChecks } from './daily-checks.use-case.js';
import { AcceptCompletionReport, ReturnCompletionReport, SubmitCompletionReport } from './report-review.use-case.js';
import { ArchiveSupervisionItem, CloseSupervisionItem, FeedBackSupervisionItem, InstructSecondRound } from './closing.use-case.js';
import { MySupervisionItems, OverdueBoard } from './read-items.use-case.js';

/** NATS handlers of the item workflow after 交办: each validates its command and calls one use case. */
@Controller()
export class WorkflowHandlers {
  constructor(
    private readonly declineItem: DeclineSupervisionItem,
    private readonly acknowledgeItem: AcknowledgeSupervisionItem,
    private readonly reportProgressUc: ReportItemProgress,
    private readonly explainDelayUc: ExplainItemDelay,
    private readonly remindItem: RemindSupervisionItem,
    private readonly dailyChecks: RunDailySupervisionChecks,
    private readonly submitReportUc: SubmitCompletionReport,
    private readonly returnReportUc: ReturnCompletionReport,
    private readonly acceptReportUc: AcceptCompletionReport,
    private readonly feedBackUc: FeedBackSupervisionItem,
    private readonly instructAgainUc: InstructSecondRound,
    private readonly closeItemUc: CloseSupervisionItem,
    private readonly archiveItemUc: ArchiveSupervisionItem,
    private readonly mine: MySupervisionItems,
    private readonly board: OverdueBoard,
  ) {}

  @CommandHandler(supervision.declineItem)
  decline(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.declineItem, data, ctx, (input, c) => this.declineItem.execute(input, c));
  }

  @CommandHandler(supervision.acknowledgeItem)
  acknowledge(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.acknowledgeItem, data, ctx, (input, c) => this.acknowledgeItem.execute(input, c));
  }

  @CommandHandler(supervision.reportProgress)
  reportProgress(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.reportProgress, data, ctx, (input, c) => this.reportProgressUc.execute(input, c));
  }

  @CommandHandler(supervision.explainDelay)
  explainDelay(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.explainDelay, data, ctx, (input, c) => this.explainDelayUc.execute(input, c));
  }

  @CommandHandler(supervision.remindItem)
  remind(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.remindItem, data, ctx, (input, c) => this.remindItem.execute(input, c));
  }

  @CommandHandler(supervision.runDailyChecks)
  runDailyChecks(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.runDailyChecks, data, ctx, (input, c) => this.dailyChecks.execute(input, c));
  }

  @CommandHandler(supervision.submitReport)
  submitReport(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.submitReport, data, ctx, (input, c) => this.submitReportUc.execute(input, c));
  }

  @CommandHandler(supervision.returnReport)
  returnReport(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.returnReport, data, ctx, (input, c) => this.returnReportUc.execute(input, c));
  }

  @CommandHandler(supervision.acceptReport)
  acceptReport(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.acceptReport, data, ctx, (input, c) => this.acceptReportUc.execute(input, c));
  }

  @CommandHandler(supervision.feedBackItem)
  feedBack(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.feedBackItem, data, ctx, (input, c) => this.feedBackUc.execute(input, c));
  }

  @CommandHandler(supervision.instructAgain)
  instructAgain(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.instructAgain, data, ctx, (input, c) => this.instructAgainUc.execute(input, c));
  }

  @CommandHandler(supervision.closeItem)
  close(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.closeItem, data, ctx, (input, c) => this.closeItemUc.execute(input, c));
  }

  @CommandHandler(supervision.archiveItem)
  archive(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.archiveItem, data, ctx, (input, c) => this.archiveItemUc.execute(input, c));
  }

  @CommandHandler(supervision.myItems)
  myItems(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.myItems, data, ctx, (input, c) => this.mine.execute(input, c));
  }

  @CommandHandler(supervision.overdueBoard)
  overdueBoard(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.overdueBoard, data, ctx, (input, c) => this.board.execute(input, c));
  }
}
