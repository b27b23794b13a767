import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { GovError, meetings } from '@gov/contracts';
import { hasAnyRole, type Actor } from '@gov/auth';
import type { Clock } from '@gov/calendar';
import type { CalendarStore } from '@gov/messaging';
import { newTraceparent, parseTraceparent } from '@gov/messaging';
import { CALENDAR, CLOCK, DATABASE, UNIT_OF_WORK, recordChange, type RequestContext, type UnitOfWork } from '@gov/service-kit';
import type { MeetingsDatabase, MeetingsTx } from '../database.js';
import { chairReport } from './attendance.rules.js';
import { dailyUnsignedList } from './notice.rules.js';
import { after, beijingDate, closeOfBusinessOn } from './lead-time.js';
import { leavesOf, signInsOf } from './meeting.mapper.js';
import { MEETINGS_SETTINGS } from './settings.module.js';
import type { MeetingsSettings } from './settings.js';

type Input = z.infer<typeof meetings.runMeetingNotices.input>;
type Output = meetings.MeetingNoticeRun;
type Report = Output['reports'][number];
type UnsignedList = Output['unsignedLists'][number];

/** Who may run the notice timer by hand (the timer itself runs as the 会务 clerk, {@link noticeTimerContext}). */
const RUNNERS = ['clerk', 'admin'] as const;

/** The kinds of push, one row each per meeting (and day) in meeting_notice_push. */
export const PUSH_KINDS = { report: 'attendance-report', unsigned: 'unsigned-list' } as const;

/** The actor of the timer's runs: named in audit and events, never a person. */
export function noticeTimerContext(): RequestContext {
  const trace = parseTraceparent(newTraceparent())!;
  const actor: Actor = {
    id: 'system:meetings-notice-timer',
    name: '会务（会议通知提醒）',
    username: 'system-meetings-notice-timer',
    roles: ['clerk'],
    unit: 'QWBGS',
    clearance: 'none',
    rank: null,
  };
  return { actor, traceparent: trace.traceparent, traceId: trace.traceId };
}

/** A second run got there first (the unique key of meeting_notice_push): nothing new to record. */
function isDuplicate(error: unknown): boolean {
  return (error as { code?: string }).code === 'P2002';
}

/**
 * 会议通知提醒: what the meeting rules push at an instant `at` (default now, never later).
 * (a) 签到情况报告: for each notified meeting whose report to the chair is due (the start is at most
 *     `attendance.chairReport`, 5 minutes, away: seed 004 L143) and not yet begun, the report of who is present,
 *     on leave and not arrived as of the due time (the same as `meetings.meeting.chair-report`), recorded once per
 *     meeting, with `gov.meetings.meeting.attendance-reported`.
 * (b) 每日未签收名单: on a working day at or after close of business (seed 000 L60 "每天下班前"), for each notice
 *     already sent whose meeting is still ahead, the units that had not signed by close of business (the same as
 *     `meetings.notice.unsigned`), recorded once per meeting and day, with `gov.meetings.notice.unsigned-listed`.
 * Running it twice for the same instant or day records and emits nothing new. A run after the start (the timer
 * was down) sends no report: the chair is told before the meeting or not at all; a missed day's list is not
 * made up by the timer, though a clerk may run the command for a past instant of that day.
 */
@Injectable()
export class RunMeetingNotices {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof MeetingsDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<MeetingsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CALENDAR) private readonly calendars: CalendarStore,
    @Inject(MEETINGS_SETTINGS) private readonly settings: MeetingsSettings,
  ) {}

  async execute(input: Input, context: RequestContext): Promise<Output> {
    if (!hasAnyRole(context.actor, RUNNERS)) throw GovError.forbidden('only a clerk or an administrator runs the meeting notices');
    const now = this.clock.now();
    const at = input.at ? new Date(input.at) : now;
    if (at.getTime() > now.getTime()) {
      throw GovError.badInput(`the notices run for now (${now.toISOString()}) or an earlier instant, not ${at.toISOString()}`, { field: 'at', now: now.toISOString() });
    }
    const reports = await this.reports(at, context);
    const date = beijingDate(at);
    const checkAt = closeOfBusinessOn(date, this.settings.time);
    const due = this.calendars.calendar.isWorkingDay(date) && at.getTime() >= checkAt.getTime();
    const unsignedLists = due ? await this.unsignedLists(date, checkAt, context) : [];
    return { at: at.toISOString(), reports, unsignedCheckAt: due ? checkAt.toISOString() : null, unsignedLists };
  }

  /** (a) The reports to the chair due by `at` for meetings not yet begun, each once. */
  private async reports(at: Date, context: RequestContext): Promise<Report[]> {
    const lead = this.settings.attendance.chairReport;
    const rows = await this.db.meeting.findMany({
      // Only the meetings whose report is due by `at`: the start is at most `lead` away and not yet reached.
      where: { state: 'notified', startsAt: { gt: at, lte: after(at, lead) } },
      include: { attendance: true },
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    });
    const out: Report[] = [];
    for (const m of rows) {
      const r = chairReport(m.startsAt, m.attendees, signInsOf(m.attendance), leavesOf(m.attendance), this.settings.attendance);
      if (r.dueAt.getTime() > at.getTime()) continue; // defensive: the query already leaves these out
      const report: Report = {
        meetingId: m.id,
        dueAt: r.dueAt.toISOString(),
        present: r.present,
        onLeave: r.onLeave.map((l) => l.attendeeId),
        notArrived: r.notArrived,
      };
      const onDate = beijingDate(m.startsAt);
      const recorded = await this.once(m.id, PUSH_KINDS.report, onDate, r.dueAt, context, (tx, now) =>
        recordChange(tx, context, {
          at: now,
          entityType: 'meeting',
          entityId: m.id,
          action: 'meeting.attendance-report',
          details: { dueAt: report.dueAt, lead, present: report.present, onLeave: report.onLeave, notArrived: report.notArrived },
          event: {
            contract: meetings.meetingAttendanceReported,
            data: {
              meetingId: m.id,
              typeCode: m.typeCode,
              startsAt: m.startsAt.toISOString(),
              dueAt: report.dueAt,
              present: report.present.length,
              onLeave: report.onLeave.length,
              notArrived: report.notArrived.length,
              presentIds: report.present,
              onLeaveIds: report.onLeave,
              notArrivedIds: report.notArrived,
              reportedAt: now.toISOString(),
              reportedBy: context.actor.id,
            },
          },
        }),
        { present: report.present, onLeave: report.onLeave, notArrived: report.notArrived },
      );
      if (recorded) out.push(report);
    }
    return out;
  }

  /** (b) The day's unsigned lists at close of business `checkAt`, each meeting once per day. */
  private async unsignedLists(date: string, checkAt: Date, context: RequestContext): Promise<UnsignedList[]> {
    const rows = await this.db.meeting.findMany({
      where: { state: 'notified', noticeSentAt: { not: null, lte: checkAt }, startsAt: { gt: checkAt } },
      include: { signFors: true },
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    });
    const list = dailyUnsignedList(
      rows.map((m) => ({ id: m.id, sentAt: m.noticeSentAt!, meetingStartsAt: m.startsAt, recipientUnits: m.recipientUnits })),
      rows.flatMap((m) => m.signFors.map((s) => ({ noticeId: m.id, unit: s.unit, at: s.signedAt }))),
      date,
      this.calendars.calendar,
      this.settings.time,
    );
    const out: UnsignedList[] = [];
    for (const n of list) {
      const recorded = await this.once(n.noticeId, PUSH_KINDS.unsigned, date, checkAt, context, (tx, now) =>
        recordChange(tx, context, {
          at: now,
          entityType: 'meeting',
          entityId: n.noticeId,
          action: 'meeting.unsigned-list',
          details: { date, checkAt: checkAt.toISOString(), units: n.units },
          event: {
            contract: meetings.noticeUnsignedListed,
            data: { meetingId: n.noticeId, date, checkAt: checkAt.toISOString(), units: n.units, listedAt: now.toISOString(), listedBy: context.actor.id },
          },
        }),
        { units: n.units },
      );
      if (recorded) out.push({ meetingId: n.noticeId, date, units: n.units });
    }
    return out;
  }

  /**
   * The push row, its audit entry and event in one transaction, unless the row is there already (an earlier
   * run, or a concurrent one whose insert wins the unique key): then nothing, and false.
   */
  private async once(
    meetingId: string,
    kind: string,
    onDate: string,
    asOf: Date,
    context: RequestContext,
    announce: (tx: MeetingsTx, now: Date) => Promise<unknown>,
    details: Record<string, unknown>,
  ): Promise<boolean> {
    try {
      return await this.uow.run(async (tx) => {
        const key = { meetingId_kind_onDate: { meetingId, kind, onDate } };
        if (await tx.meetingNoticePush.findUnique({ where: key })) return false;
        const now = this.clock.now();
        await tx.meetingNoticePush.create({
          data: { id: randomUUID(), meetingId, kind, onDate, asOf, details: details as never, recordedAt: now, recordedBy: context.actor.id },
        });
        await announce(tx, now);
        return true;
      });
    } catch (error) {
      if (isDuplicate(error)) return false;
      throw error;
    }
  }
}
