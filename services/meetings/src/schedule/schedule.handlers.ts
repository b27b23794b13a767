import { Controller } from '@nestjs/common';
import { Ctx, Payload, type NatsContext } from '@nestjs/microservices';
import { meetings } from '@gov/contracts';
import { CommandHandler, runCommand } from '@gov/service-kit';
import {
  AdvanceWeeklySchedule,
  AmendWeeklySchedule,
  CollectWeeklySchedule,
  DraftWeeklySchedule,
  IssueWeeklySchedule,
  ResolveScheduleConflicts,
  ScreenWeeklySchedule,
} from './schedule-steps.use-case.js';
import { GetWeeklySchedule, LeaderWeek, ListWeeklySchedules } from './read-schedule.use-case.js';

/** NATS handlers of the weekly schedule (周表). */
@Controller()
export class ScheduleHandlers {
  constructor(
    private readonly collectSchedule: CollectWeeklySchedule,
    private readonly screenSchedule: ScreenWeeklySchedule,
    private readonly draftSchedule: DraftWeeklySchedule,
    private readonly resolveConflicts: ResolveScheduleConflicts,
    private readonly advanceSchedule: AdvanceWeeklySchedule,
    private readonly issueSchedule: IssueWeeklySchedule,
    private readonly amendSchedule: AmendWeeklySchedule,
    private readonly getSchedule: GetWeeklySchedule,
    private readonly listSchedules: ListWeeklySchedules,
    private readonly leaderWeek: LeaderWeek,
  ) {}

  @CommandHandler(meetings.collectSchedule)
  collect(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.collectSchedule, data, ctx, (input, c) => this.collectSchedule.execute(input, c));
  }

  @CommandHandler(meetings.screenSchedule)
  screen(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.screenSchedule, data, ctx, (input, c) => this.screenSchedule.execute(input, c));
  }

  @CommandHandler(meetings.draftSchedule)
  draft(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.draftSchedule, data, ctx, (input, c) => this.draftSchedule.execute(input, c));
  }

  @CommandHandler(meetings.resolveScheduleConflicts)
  resolve(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.resolveScheduleConflicts, data, ctx, (input, c) => this.resolveConflicts.execute(input, c));
  }

  @CommandHandler(meetings.advanceSchedule)
  advance(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.advanceSchedule, data, ctx, (input, c) => this.advanceSchedule.execute(input, c));
  }

  @CommandHandler(meetings.issueSchedule)
  issue(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.issueSchedule, data, ctx, (input, c) => this.issueSchedule.execute(input, c));
  }

  @CommandHandler(meetings.amendSchedule)
  amend(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.amendSchedule, data, ctx, (input, c) => this.amendSchedule.execute(input, c));
  }

  @CommandHandler(meetings.getSchedule)
  get(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.getSchedule, data, ctx, (input, c) => this.getSchedule.execute(input, c));
  }

  @CommandHandler(meetings.listSchedules)
  list(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.listSchedules, data, ctx, (input, c) => this.listSchedules.execute(input, c));
  }

  @CommandHandler(meetings.leaderWeek)
  week(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.leaderWeek, data, ctx, (input, c) => this.leaderWeek.execute(input, c));
  }
}
