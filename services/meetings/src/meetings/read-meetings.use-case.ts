import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { CLEARANCES, clearanceAtLeast, hasAnyRole, type Actor } from '@gov/auth';
import { GovError, meetings, type Classification } from '@gov/contracts';
import type { Clock } from '@gov/calendar';
import type { CalendarStore } from '@gov/messaging';
import { CALENDAR, CLOCK, DATABASE, UNIT_OF_WORK, recordChange, type RequestContext, type UnitOfWork } from '@gov/service-kit';
import type { MeetingsDatabase, MeetingsTx } from '../database.js';
import { MEETING_READERS, publicTitle, readableMeeting } from './meeting-store.js';
import { leavesOf, planRouteOf, signInsOf, toMeetingSummary, toMeetingView } from './meeting.mapper.js';
import { chairReport } from './attendance.rules.js';
import { dailyUnsignedList } from './notice.rules.js';
import { closeOfBusinessOn } from './lead-time.js';
import { LEADER_POSTS, type LeaderPost } from './posts.js';
import { MEETINGS_SETTINGS } from './settings.module.js';
import type { MeetingsSettings } from './settings.js';

function coveredLevels(actor: Actor): Classification[] {
  return CLEARANCES.filter((c) => clearanceAtLeast(actor.clearance, c)) as Classification[];
}

/** One meeting with its notice status, sign-fors, sign-in and attendance, topics and minutes. */
@Injectable()
export class GetMeeting {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof MeetingsDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<MeetingsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(MEETINGS_SETTINGS) private readonly settings: MeetingsSettings,
  ) {}
  async execute({ id }: { id: string }, context: RequestContext): Promise<meetings.MeetingView> {
    return toMeetingView(await readableMeeting(this.db, this.uow, this.clock.now(), id, context), this.settings);
  }
}

type ListInput = z.infer<typeof meetings.listMeetings.input>;

/** Meetings by start time; classified meetings beyond the caller's clearance are left out in the query. */
@Injectable()
export class ListMeetings {
  constructor(@Inject(DATABASE) private readonly db: InstanceType<typeof MeetingsDatabase>) {}
  async execute(input: ListInput, { actor }: RequestContext): Promise<z.infer<typeof meetings.listMeetings.output>> {
    if (!hasAnyRole(actor, MEETING_READERS)) throw GovError.forbidden('you may not list meetings');
    const where = {
      classification: { in: coveredLevels(actor) },
      ...(input.state ? { state: input.state } : {}),
      ...(input.typeCode ? { typeCode: input.typeCode } : {}),
    };
    const [rows, total] = await Promise.all([
      this.db.meeting.findMany({ where, orderBy: [{ startsAt: 'asc' }, { id: 'asc' }], take: input.limit, skip: input.offset }),
      this.db.meeting.count({ where }),
    ]);
    return { items: rows.map(toMeetingSummary), total };
  }
}

/** The report to the chair 5 minutes before the start (seed 004 L143; SCENARIOS.md seed000-a #6). */
@Injectable()
export class ChairReport {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof MeetingsDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<MeetingsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(MEETINGS_SETTINGS) private readonly settings: MeetingsSettings,
  ) {}
  async execute({ id }: { id: string }, context: RequestContext): Promise<z.infer<typeof meetings.chairReport.output>> {
    if (!hasAnyRole(context.actor, MEETING_READERS)) throw GovError.forbidden('you may not read the attendance report');
    const m = await readableMeeting(this.db, this.uow, this.clock.now(), id, context);
    const r = chairReport(m.startsAt, m.attendees, signInsOf(m.attendance), leavesOf(m.attendance), this.settings.attendance);
    return { dueAt: r.dueAt.toISOString(), present: r.present, onLeave: r.onLeave, notArrived: r.notArrived };
  }
}

/**
 * The daily list (seed 000 L60; SCENARIOS.md seed000-a #7): at close of business on a working day, for every
 * notice sent whose meeting is still ahead, the units that have not signed. Classified titles stay null.
 */
@Injectable()
export class UnsignedNotices {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof MeetingsDatabase>,
    @Inject(CALENDAR) private readonly calendars: CalendarStore,
    @Inject(MEETINGS_SETTINGS) private readonly settings: MeetingsSettings,
  ) {}
  async execute({ date }: { date: string }, { actor }: RequestContext): Promise<z.infer<typeof meetings.unsignedNotices.output>> {
    if (!hasAnyRole(actor, ['clerk', 'section-chief', 'deputy-director', 'director'])) throw GovError.forbidden('the clerk keeps the sign-for list');
    const calendar = this.calendars.calendar;
    if (!calendar.isWorkingDay(date)) return { date, checkAt: null, notices: [] };
    const checkAt = closeOfBusinessOn(date, this.settings.time);
    const rows = await this.db.meeting.findMany({
      where: { noticeSentAt: { not: null, lte: checkAt }, startsAt: { gt: checkAt } },
      include: { signFors: true },
      orderBy: { startsAt: 'asc' },
    });
    const list = dailyUnsignedList(
      rows.map((m) => ({ id: m.id, sentAt: m.noticeSentAt!, meetingStartsAt: m.startsAt, recipientUnits: m.recipientUnits })),
      rows.flatMap((m) => m.signFors.map((s) => ({ noticeId: m.id, unit: s.unit, at: s.signedAt }))),
      date,
      calendar,
      this.settings.time,
    );
    const byId = new Map(rows.map((m) => [m.id, m]));
    return {
      date,
      checkAt: checkAt.toISOString(),
      notices: list.map((n) => ({ meetingId: n.noticeId, title: publicTitle(byId.get(n.noticeId)!), units: n.units })),
    };
  }
}

type Task = meetings.MeetingWorkTask;

/**
 * My tasks: every meeting, topic and minutes whose state has a step the caller's roles (and posts) allow now.
 * Classified items beyond the caller's clearance are left out.
 */
@Injectable()
export class MyMeetingWork {
  constructor(@Inject(DATABASE) private readonly db: InstanceType<typeof MeetingsDatabase>) {}
  async execute(_input: unknown, { actor }: RequestContext): Promise<{ tasks: Task[] }> {
    const levels = coveredLevels(actor);
    const has = (...roles: Parameters<typeof hasAnyRole>[1]) => hasAnyRole(actor, roles);
    const posts = new Set(has('district-leader') ? (await this.db.leaderPostHolder.findMany({ where: { userId: actor.id } })).map((p) => p.post) : []);
    const meetingActions: Record<string, string | null> = {
      drafted: 'review',
      reviewed: has('district-leader') ? 'approve' : null,
      approved: has('clerk') ? 'issue-notice' : null,
      'pre-notified': has('clerk') ? 'issue-notice' : null,
      notified: has('clerk') ? 'hold' : has('unit-liaison') ? 'sign-for-notice' : null,
    };
    const tasks: Task[] = [];
    const states = Object.entries(meetingActions).filter(([, a]) => a).map(([s]) => s);
    const rows = await this.db.meeting.findMany({
      where: { state: { in: states }, classification: { in: levels } },
      include: { signFors: true },
      orderBy: { startsAt: 'asc' },
    });
    for (const m of rows) {
      let action = meetingActions[m.state]!;
      if (m.state === 'drafted') {
        // A topic-meeting plan waits for the next signer of its route; any other plan for the deputy director.
        const route = planRouteOf(m);
        const next = route?.[(m.planSignOffs as unknown[]).length];
        if (next) {
          if (!('role' in next ? actor.roles.includes(next.role) : posts.has(next.post))) continue;
          action = 'sign-off-plan';
        } else if (!has('deputy-director')) continue;
      }
      if (action === 'sign-for-notice' && (!m.recipientUnits.includes(actor.unit ?? '') || m.signFors.some((s) => s.unit === actor.unit))) continue;
      tasks.push({ kind: 'meeting', id: m.id, meetingId: m.id, title: m.title, action, dueAt: m.state === 'notified' ? m.startsAt.toISOString() : null });
    }
    if (has('clerk')) {
      const topics = await this.db.meetingTopic.findMany({
        where: { state: 'submitted', meeting: { state: { in: ['notified', 'held'] }, classification: { in: levels } } },
        orderBy: { submittedAt: 'asc' },
      });
      for (const t of topics) tasks.push({ kind: 'topic', id: t.id, meetingId: t.meetingId, title: t.title, action: 'deliberate', dueAt: null });
    }
    const minutesActions: Record<string, string | null> = {
      drafted: has('section-chief') ? 'review' : null,
      'section-reviewed': has('deputy-director') ? 'review' : null,
      'deputy-reviewed': has('clerk') ? 'register' : null,
      registered: has('director', 'district-leader') ? 'sign' : null,
      'in-signature': has('director', 'district-leader') ? 'sign' : has('clerk') ? 'complete-signing' : null,
      signed: has('clerk') ? 'issue' : null,
    };
    const mStates = Object.entries(minutesActions).filter(([, a]) => a).map(([s]) => s);
    const minutes = await this.db.minutes.findMany({
      where: { state: { in: mStates }, classification: { in: levels } },
      include: { signatures: true },
      orderBy: { draftDueAt: 'asc' },
    });
    for (const m of minutes) {
      if (minutesActions[m.state] === 'sign' && m.signatures.some((s) => s.signerId === actor.id && s.step === 'sign')) continue;
      const due = m.state === 'signed' ? m.issueDueAfterSigningAt : m.state === 'drafted' ? m.draftDueAt : m.issueDueAt;
      tasks.push({ kind: 'minutes', id: m.id, meetingId: m.meetingId, title: m.title, action: minutesActions[m.state]!, dueAt: due?.toISOString() ?? null });
    }
    return { tasks };
  }
}

/** Who holds a leader post (posts.ts): the director or an administrator records it. */
@Injectable()
export class AssignLeaderPost {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<MeetingsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}
  async execute({ post, userId }: { post: LeaderPost; userId: string }, context: RequestContext) {
    if (!hasAnyRole(context.actor, ['director', 'admin'])) throw GovError.forbidden('the director or an administrator records who holds a post');
    if (!LEADER_POSTS.includes(post)) throw GovError.badInput(`unknown post ${post}`);
    const now = this.clock.now();
    await this.uow.run(async (tx) => {
      await tx.leaderPostHolder.upsert({
        where: { post },
        create: { post, userId, assignedAt: now, assignedById: context.actor.id },
        update: { userId, assignedAt: now, assignedById: context.actor.id },
      });
      await recordChange(tx, context, { at: now, entityType: 'leader-post', entityId: post, action: 'leader-post.assign', details: { post, userId } });
    });
    return { post, userId, assignedAt: now.toISOString() };
  }
}
