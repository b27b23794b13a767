import { Module } from '@nestjs/common';
import { ScheduleHandlers } from './schedule.handlers.js';
import {
  AdvanceWeeklySchedule,
  AmendWeeklySchedule,
  CollectWeeklySchedule,
  DraftWeeklySchedule,
  IssueWeeklySchedule,
  ResolveScheduleConflicts,
  ScheduleTransitions,
  ScreenWeeklySchedule,
} from './schedule-steps.use-case.js';
import { GetWeeklySchedule, LeaderWeek, ListWeeklySchedules } from './read-schedule.use-case.js';

/** 周表: the leaders' weekly schedule (收集, 审查, 草表, 协调, 送审, 呈批, 发放, 更改). */
@Module({
  controllers: [ScheduleHandlers],
  providers: [
    ScheduleTransitions,
    CollectWeeklySchedule,
    ScreenWeeklySchedule,
    DraftWeeklySchedule,
    ResolveScheduleConflicts,
    AdvanceWeeklySchedule,
    IssueWeeklySchedule,
    AmendWeeklySchedule,
    GetWeeklySchedule,
    ListWeeklySchedules,
    LeaderWeek,
  ],
})
export class ScheduleModule {}
