import { Inject, Injectable } from '@nestjs/common';
import { GovError, meetings } from '@gov/contracts';
import { hasAnyRole } from '@gov/auth';
import type { Clock } from '@gov/calendar';
import type { CalendarStore } from '@gov/messaging';
import { CALENDAR, CLOCK, DATABASE, UNIT_OF_WORK, type RequestContext, type UnitOfWork } from '@gov/service-kit';
import type { MeetingsDatabase, MeetingsTx } from '../database.js';
import { changeMeeting, meetingForChange, publicTitle } from './meeting-store.js';
import { leavesOf, signInsOf } from './meeting.mapper.js';
import { assertAttendanceOpen, assertMayHold, assertMaySignFor, assertSignsForOwnUnit, nextMeetingDayState, type MeetingState } from './meeting-day.rules.js';
import { recoveryShortfall } from './attendance.rules.js';
import { minutesDeadlines } from '../minutes/minutes.rules.js';
import { MEETINGS_SETTINGS } from './settings.module.js';
import type { MeetingsSettings } from './settings.js';

type View = meetings.MeetingView;

function requireClerk(actor: RequestContext['actor'], what: string) {
  if (!hasAnyRole(actor, ['clerk'])) throw GovError.forbidden(`the clerk (会务工作人员) ${what}`);
}

@Injectable()
class Deps {
  constructor(
    @Inject(DATABASE) readonly db: InstanceType<typeof MeetingsDatabase>,
    @Inject(UNIT_OF_WORK) readonly uow: UnitOfWork<MeetingsTx>,
    @Inject(CLOCK) readonly clock: Clock,
    @Inject(MEETINGS_SETTINGS) readonly settings: MeetingsSettings,
  ) {}
}
export { Deps as MeetingDayDeps };

/**
 * 签收: a recipient unit signs for the notice; a unit liaison for its own unit, the clerk for a unit that
 * confirmed by phone (seed 000 L60 "对未及时签收的单位要电话提醒"). Signing twice changes nothing.
 */
@Injectable()
export class SignForNotice {
  constructor(private readonly d: Deps) {}
  async execute({ id, unit }: { id: string; unit: string }, context: RequestContext): Promise<View> {
    const { actor } = context;
    if (!hasAnyRole(actor, ['clerk', 'unit-liaison'])) throw GovError.forbidden('a unit liaison or the clerk signs for a notice');
    assertSignsForOwnUnit(actor, unit);
    const now = this.d.clock.now();
    const current = await meetingForChange(this.d.db, id, actor);
    assertMaySignFor(current.state as MeetingState, current.recipientUnits, unit);
    if (current.signFors.some((s) => s.unit === unit)) throw GovError.conflict(`${unit} has already signed for the notice`, { unit });
    return this.d.uow.run((tx) =>
      changeMeeting(tx, this.d.settings, context, current, {
        at: now,
        action: 'sign-for-notice',
        to: current.state,
        details: { unit },
        also: (t) => t.meetingNoticeSignFor.create({ data: { meetingId: id, unit, signedAt: now, signedById: actor.id, signedByName: actor.name } }),
      }),
    );
  }
}

/** 签到: the sign-in staff record an attendee's arrival. */
@Injectable()
export class SignIn {
  constructor(private readonly d: Deps) {}
  async execute({ id, attendeeId }: { id: string; attendeeId: string }, context: RequestContext): Promise<View> {
    requireClerk(context.actor, 'records the sign-in');
    const now = this.d.clock.now();
    const current = await meetingForChange(this.d.db, id, context.actor);
    assertAttendanceOpen(current.state as MeetingState, current.attendees, attendeeId);
    if (current.attendance.some((a) => a.attendeeId === attendeeId && a.signedInAt)) throw GovError.conflict(`${attendeeId} has already signed in`, { attendeeId });
    return this.d.uow.run((tx) =>
      changeMeeting(tx, this.d.settings, context, current, {
        at: now,
        action: 'sign-in',
        to: current.state,
        details: { attendeeId },
        also: (t) =>
          t.meetingAttendance.upsert({
            where: { meetingId_attendeeId: { meetingId: id, attendeeId } },
            create: { meetingId: id, attendeeId, signedInAt: now },
            update: { signedInAt: now },
          }),
      }),
    );
  }
}

/** 请假: a leave request and whether it was approved; the chair is told of it before the start (seed 000 L556, L628). */
@Injectable()
export class RequestLeave {
  constructor(private readonly d: Deps) {}
  async execute(
    { id, attendeeId, reason, approved }: { id: string; attendeeId: string; reason: string; approved: boolean },
    context: RequestContext,
  ): Promise<View> {
    requireClerk(context.actor, 'records leave requests');
    const now = this.d.clock.now();
    const current = await meetingForChange(this.d.db, id, context.actor);
    assertAttendanceOpen(current.state as MeetingState, current.attendees, attendeeId);
    return this.d.uow.run((tx) =>
      changeMeeting(tx, this.d.settings, context, current, {
        at: now,
        action: 'request-leave',
        to: current.state,
        details: { attendeeId, approved },
        also: (t) =>
          t.meetingAttendance.upsert({
            where: { meetingId_attendeeId: { meetingId: id, attendeeId } },
            create: { meetingId: id, attendeeId, leaveReason: reason, leaveApproved: approved },
            update: { leaveReason: reason, leaveApproved: approved },
          }),
      }),
    );
  }
}

/** 缺席原因 ("对没有到会的单位要问清原因", seed 004 L135). */
@Injectable()
export class RecordAbsenceReason {
  constructor(private readonly d: Deps) {}
  async execute({ id, attendeeId, reason }: { id: string; attendeeId: string; reason: string }, context: RequestContext): Promise<View> {
    requireClerk(context.actor, 'records absence reasons');
    const now = this.d.clock.now();
    const current = await meetingForChange(this.d.db, id, context.actor);
    assertAttendanceOpen(current.state as MeetingState, current.attendees, attendeeId);
    if (current.attendance.some((a) => a.attendeeId === attendeeId && a.signedInAt)) {
      throw GovError.conflict(`${attendeeId} signed in: there is no absence to explain`, { attendeeId });
    }
    return this.d.uow.run((tx) =>
      changeMeeting(tx, this.d.settings, context, current, {
        at: now,
        action: 'record-absence-reason',
        to: current.state,
        details: { attendeeId },
        also: (t) =>
          t.meetingAttendance.upsert({
            where: { meetingId_attendeeId: { meetingId: id, attendeeId } },
            create: { meetingId: id, attendeeId, absenceReason: reason },
            update: { absenceReason: reason },
          }),
      }),
    );
  }
}

type Copies = { documentId: string; copies: number }[];

/** Documents handed out at the meeting that are to be recovered (seed 000 L78). */
@Injectable()
export class IssueMeetingDocuments {
  constructor(private readonly d: Deps) {}
  async execute({ id, documents }: { id: string; documents: Copies }, context: RequestContext): Promise<View> {
    requireClerk(context.actor, 'hands out meeting documents');
    const now = this.d.clock.now();
    const current = await meetingForChange(this.d.db, id, context.actor);
    const ids = documents.map((d) => d.documentId);
    if (new Set(ids).size !== ids.length) throw GovError.badInput('a document is listed twice', { documents: ids });
    const known = ids.filter((d) => current.documents.some((x) => x.documentId === d));
    if (known.length > 0) throw GovError.conflict(`already handed out: ${known.join(', ')}`, { known });
    return this.d.uow.run((tx) =>
      changeMeeting(tx, this.d.settings, context, current, {
        at: now,
        action: 'issue-documents',
        to: current.state,
        details: { documents },
        also: (t) => t.meetingDocument.createMany({ data: documents.map((d) => ({ meetingId: id, documentId: d.documentId, copiesIssued: d.copies })) }),
      }),
    );
  }
}

/**
 * 会议文件回收 "如数收回" (seed 000 L78): the copies back are counted against those issued; a document not
 * issued, or more copies than issued, is BAD_USER_INPUT (recoveryShortfall).
 */
@Injectable()
export class RecoverMeetingDocuments {
  constructor(private readonly d: Deps) {}
  async execute({ id, documents }: { id: string; documents: Copies }, context: RequestContext): Promise<View> {
    requireClerk(context.actor, 'recovers meeting documents');
    const now = this.d.clock.now();
    const current = await meetingForChange(this.d.db, id, context.actor);
    const issued = current.documents.map((d) => ({ documentId: d.documentId, copies: d.copiesIssued }));
    const recovered = [...current.documents.map((d) => ({ documentId: d.documentId, copies: d.copiesRecovered })), ...documents];
    const outstanding = recoveryShortfall(issued, recovered);
    return this.d.uow.run((tx) =>
      changeMeeting(tx, this.d.settings, context, current, {
        at: now,
        action: 'recover-documents',
        to: current.state,
        details: { documents, outstanding },
        also: async (t) => {
          for (const d of documents) {
            await t.meetingDocument.update({
              where: { meetingId_documentId: { meetingId: id, documentId: d.documentId } },
              data: { copiesRecovered: { increment: d.copies } },
            });
          }
        },
      }),
    );
  }
}

/**
 * The meeting was held: after its start, with the seating of a large meeting approved and a reason for every
 * absentee; the minutes fall due by type (minutes.rules.ts). Emits gov.meetings.meeting.held.
 */
@Injectable()
export class HoldMeeting {
  constructor(
    private readonly d: Deps,
    @Inject(CALENDAR) private readonly calendars: CalendarStore,
  ) {}
  async execute({ id }: { id: string }, context: RequestContext): Promise<View> {
    const { actor } = context;
    const now = this.d.clock.now();
    const current = await meetingForChange(this.d.db, id, actor);
    const to = nextMeetingDayState(current.state as MeetingState, 'hold', actor);
    const absenceReasons = Object.fromEntries(current.attendance.filter((a) => a.absenceReason).map((a) => [a.attendeeId, a.absenceReason!]));
    const report = assertMayHold(
      {
        typeCode: current.typeCode,
        large: current.large,
        startsAt: current.startsAt,
        seatingApprovedBy: current.seatingApprovedBy,
        attendees: current.attendees,
        signIns: signInsOf(current.attendance),
        leaves: leavesOf(current.attendance),
        absenceReasons,
      },
      now,
    );
    const due = minutesDeadlines(
      { typeCode: current.typeCode, startsAt: current.startsAt, endsAt: current.endsAt, urgent: current.urgent },
      this.calendars.calendar,
      this.d.settings.minutes,
      this.d.settings.time,
    );
    const outstanding = current.documents.reduce((n, d) => n + (d.copiesIssued - d.copiesRecovered), 0);
    return this.d.uow.run((tx) =>
      changeMeeting(tx, this.d.settings, context, current, {
        at: now,
        action: 'hold',
        to,
        data: { heldAt: now },
        details: { present: report.present.length, onLeave: report.onLeave.length, absent: report.notArrived.length, documentsOutstanding: outstanding },
        event: {
          contract: meetings.meetingHeld,
          data: {
            meetingId: current.id,
            typeCode: current.typeCode,
            title: publicTitle(current),
            classification: current.classification as View['classification'],
            heldAt: now.toISOString(),
            present: report.present.length,
            onLeave: report.onLeave.length,
            absent: report.notArrived.length,
            documentsOutstanding: outstanding,
            minutesDraftDueAt: due.draftDueAt.toISOString(),
            recordedBy: actor.id,
          },
        },
      }),
    );
  }
}
