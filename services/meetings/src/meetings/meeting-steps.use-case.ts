import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { GovError, meetings } from '@gov/contracts';
import { hasAnyRole } from '@gov/auth';
import type { Clock } from '@gov/calendar';
import type { CalendarStore } from '@gov/messaging';
import { CALENDAR, CLOCK, DATABASE, UNIT_OF_WORK, type RequestContext, type UnitOfWork } from '@gov/service-kit';
import type { MeetingsDatabase, MeetingsTx } from '../database.js';
import type { Prisma } from '../generated/prisma/client.js';
import { changeMeeting, meetingForChange, publicTitle } from './meeting-store.js';
import { planRouteOf, signOffLabel, type MeetingRow, type PlanSignOff } from './meeting.mapper.js';
import { topicPlanSignOffTiming } from './meeting-plan.rules.js';
import { nextPlanState, type PlanAction, type PlanState } from './meeting-plan.rules.js';
import { assertMaterialsInTime, assertNoticeInTime, type NoticeSubject } from './notice.rules.js';
import { MEETINGS_SETTINGS } from './settings.module.js';
import type { MeetingsSettings } from './settings.js';

type View = meetings.MeetingView;

/** The guard context of the plan table for a stored meeting. */
function planContext(m: MeetingRow, preNoticeConsent = false) {
  return {
    typeCode: m.typeCode,
    manyAttendeesOrWideScope: m.manyAttendeesOrWideScope,
    preNoticeConsent,
    seatingApprovedBy: m.seatingApprovedBy,
  };
}

export function noticeSubject(m: MeetingRow): NoticeSubject {
  return { kind: 'meeting', typeCode: m.typeCode, startsAt: m.startsAt, large: m.large, majorIssues: m.majorIssues, cadreMatters: m.cadreMatters, adHoc: m.adHoc };
}

function planStateOf(m: MeetingRow): PlanState {
  if (m.state === 'held') throw GovError.conflict('the meeting has been held', { state: m.state });
  return m.state as PlanState;
}

abstract class MeetingStep {
  constructor(
    protected readonly db: InstanceType<typeof MeetingsDatabase>,
    protected readonly uow: UnitOfWork<MeetingsTx>,
    protected readonly clock: Clock,
    protected readonly settings: MeetingsSettings,
  ) {}

  /** A plan-table step (review, approve, send back): the table decides the state and the roles. */
  protected async planStep(id: string, action: PlanAction, context: RequestContext, reason: string | null = null): Promise<View> {
    const now = this.clock.now();
    const current = await meetingForChange(this.db, id, context.actor);
    if (planRouteOf(current) && action !== 'send-back') {
      throw GovError.conflict('a topic-meeting plan is signed off along its own route (sign-off-plan)', { route: planRouteOf(current)!.map(signOffLabel) });
    }
    const to = nextPlanState(planStateOf(current), action, context.actor, planContext(current));
    return this.uow.run((tx) =>
      changeMeeting(tx, this.settings, context, current, {
        at: now,
        action,
        to,
        reason,
        details: reason ? { reason } : {},
        ...(action === 'send-back' ? { data: { planSignOffs: [], planSignedOffAt: null, planSignOffNonCompliant: null } } : {}),
      }),
    );
  }
}

/** 方案报分管副主任审核 (seed 000 L68). */
@Injectable()
export class ReviewMeetingPlan extends MeetingStep {
  constructor(
    @Inject(DATABASE) db: InstanceType<typeof MeetingsDatabase>,
    @Inject(UNIT_OF_WORK) uow: UnitOfWork<MeetingsTx>,
    @Inject(CLOCK) clock: Clock,
    @Inject(MEETINGS_SETTINGS) settings: MeetingsSettings,
  ) {
    super(db, uow, clock, settings);
  }
  execute({ id }: { id: string }, context: RequestContext) {
    return this.planStep(id, 'review', context);
  }
}

/** 呈区领导审批 (seed 000 L68). */
@Injectable()
export class ApproveMeetingPlan extends MeetingStep {
  constructor(
    @Inject(DATABASE) db: InstanceType<typeof MeetingsDatabase>,
    @Inject(UNIT_OF_WORK) uow: UnitOfWork<MeetingsTx>,
    @Inject(CLOCK) clock: Clock,
    @Inject(MEETINGS_SETTINGS) settings: MeetingsSettings,
  ) {
    super(db, uow, clock, settings);
  }
  execute({ id }: { id: string }, context: RequestContext) {
    return this.planStep(id, 'approve', context);
  }
}

@Injectable()
export class SendBackMeetingPlan extends MeetingStep {
  constructor(
    @Inject(DATABASE) db: InstanceType<typeof MeetingsDatabase>,
    @Inject(UNIT_OF_WORK) uow: UnitOfWork<MeetingsTx>,
    @Inject(CLOCK) clock: Clock,
    @Inject(MEETINGS_SETTINGS) settings: MeetingsSettings,
  ) {
    super(db, uow, clock, settings);
  }
  execute({ id, reason }: { id: string; reason: string }, context: RequestContext) {
    return this.planStep(id, 'send-back', context, reason);
  }
}

/**
 * 座次 "报区有关领导审定" (seed 000 L72): a district leader approves the seating plan; for the meetings whose
 * seating chart goes out with the notice, before the notice.
 */
@Injectable()
export class ApproveSeating extends MeetingStep {
  constructor(
    @Inject(DATABASE) db: InstanceType<typeof MeetingsDatabase>,
    @Inject(UNIT_OF_WORK) uow: UnitOfWork<MeetingsTx>,
    @Inject(CLOCK) clock: Clock,
    @Inject(MEETINGS_SETTINGS) settings: MeetingsSettings,
  ) {
    super(db, uow, clock, settings);
  }
  async execute({ id }: { id: string }, context: RequestContext): Promise<View> {
    const { actor } = context;
    if (!hasAnyRole(actor, ['district-leader'])) throw GovError.forbidden('a district leader approves the seating plan (seed 000 L72)');
    const now = this.clock.now();
    const current = await meetingForChange(this.db, id, actor);
    const state = planStateOf(current);
    return this.uow.run((tx) =>
      changeMeeting(tx, this.settings, context, current, {
        at: now,
        action: 'approve-seating',
        to: state,
        data: { seatingApprovedBy: actor.name, seatingApprovedAt: now },
      }),
    );
  }
}

/** 预通知 (seed 000 L68): many attendees or a wide scope, with a leader's consent. */
@Injectable()
export class IssuePreNotice extends MeetingStep {
  constructor(
    @Inject(DATABASE) db: InstanceType<typeof MeetingsDatabase>,
    @Inject(UNIT_OF_WORK) uow: UnitOfWork<MeetingsTx>,
    @Inject(CLOCK) clock: Clock,
    @Inject(MEETINGS_SETTINGS) settings: MeetingsSettings,
  ) {
    super(db, uow, clock, settings);
  }
  async execute({ id, consentedBy }: { id: string; consentedBy: string }, context: RequestContext): Promise<View> {
    const now = this.clock.now();
    const current = await meetingForChange(this.db, id, context.actor);
    const to = nextPlanState(planStateOf(current), 'issue-pre-notice', context.actor, planContext(current, true));
    return this.uow.run((tx) =>
      changeMeeting(tx, this.settings, context, current, {
        at: now,
        action: 'issue-pre-notice',
        to,
        data: { preNoticeSentAt: now, preNoticeConsentBy: consentedBy },
        details: { consentedBy },
      }),
    );
  }
}

/**
 * 会议通知: the lead time of the type (general 1 WD, large 2 WD, 常委会/常务会议 2 WD on major issues and 1 on
 * cadre matters, 室务会 1, 主任办公会议 any time; seed 000 L58–68, seed 003 L13@c3150, c5489). A late notice is
 * DEADLINE_RULE unless the meeting is ad hoc; then it goes out and the attending leaders are phoned (L60).
 */
@Injectable()
export class IssueNotice {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof MeetingsDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<MeetingsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CALENDAR) private readonly calendars: CalendarStore,
    @Inject(MEETINGS_SETTINGS) private readonly settings: MeetingsSettings,
  ) {}

  async execute({ id }: { id: string }, context: RequestContext): Promise<View> {
    const { actor } = context;
    const now = this.clock.now();
    const current = await meetingForChange(this.db, id, actor);
    const to = nextPlanState(planStateOf(current), 'issue-notice', actor, planContext(current));
    const timing = assertNoticeInTime(noticeSubject(current), now, this.calendars.calendar, this.settings.notice, this.settings.time);
    const lead = timing.lead ? { amount: timing.lead.amount, unit: timing.lead.unit } : null;
    const latestDate = timing.check?.latestDate ?? null;
    return this.uow.run((tx) =>
      changeMeeting(tx, this.settings, context, current, {
        at: now,
        action: 'issue-notice',
        to,
        data: {
          noticeSentAt: now,
          noticeBasis: timing.basis,
          noticeLead: lead ?? undefined,
          noticeLatestDate: latestDate,
          noticeLate: timing.late,
          phoneAttendingLeaders: timing.phoneAttendingLeaders,
        },
        details: { basis: timing.basis, lead, latestDate, late: timing.late, phoneAttendingLeaders: timing.phoneAttendingLeaders },
        event: {
          contract: meetings.noticeIssued,
          data: {
            meetingId: current.id,
            typeCode: current.typeCode,
            title: publicTitle(current),
            classification: current.classification as View['classification'],
            startsAt: current.startsAt.toISOString(),
            sentAt: now.toISOString(),
            basis: timing.basis,
            lead,
            latestDate,
            late: timing.late,
            phoneAttendingLeaders: timing.phoneAttendingLeaders,
            recipientUnits: [...current.recipientUnits].sort(),
            issuedBy: actor.id,
          },
        },
      }),
    );
  }
}

/** 常务会议 materials reach the attendees 1–2 days before (seed 004 L75; the stricter 2 WD by default). */
@Injectable()
export class DistributeMaterials {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof MeetingsDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<MeetingsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CALENDAR) private readonly calendars: CalendarStore,
    @Inject(MEETINGS_SETTINGS) private readonly settings: MeetingsSettings,
  ) {}

  async execute({ id }: { id: string }, context: RequestContext): Promise<View> {
    const { actor } = context;
    if (!hasAnyRole(actor, ['clerk'])) throw GovError.forbidden('the clerk distributes the meeting materials');
    const now = this.clock.now();
    const current = await meetingForChange(this.db, id, actor);
    const state = planStateOf(current);
    if (state === 'drafted' || state === 'reviewed') throw GovError.conflict('materials go out for an approved meeting', { state });
    const check = assertMaterialsInTime(current.typeCode, current.startsAt, now, this.calendars.calendar, this.settings.notice, this.settings.time);
    return this.uow.run((tx) =>
      changeMeeting(tx, this.settings, context, current, {
        at: now,
        action: 'distribute-materials',
        to: state,
        data: { materialsDistributedAt: now },
        details: { latestDate: check?.latestDate ?? null },
      }),
    );
  }
}

/**
 * 专题会议方案 审签 (seed 002 L436–439; SCENARIOS.md seed002 #19–#20): each step of the route signs in turn —
 * the liaison cadre (section chief), the office director, the 区长 if the head attends and signs (if the head
 * attends without signing, the director signs and the plan goes on to the deputy head), else the deputy head.
 * The last signature approves the plan; one later than the day before the meeting is flagged non-compliant.
 */
@Injectable()
export class SignOffMeetingPlan {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof MeetingsDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<MeetingsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CALENDAR) private readonly calendars: CalendarStore,
    @Inject(MEETINGS_SETTINGS) private readonly settings: MeetingsSettings,
  ) {}

  async execute({ id }: { id: string }, context: RequestContext): Promise<View> {
    const { actor } = context;
    const now = this.clock.now();
    const current = await meetingForChange(this.db, id, actor);
    const route = planRouteOf(current);
    if (!route) throw GovError.conflict('only a topic-meeting plan is signed off along a route');
    if (current.state !== 'drafted') throw GovError.conflict(`the plan is ${current.state}`, { state: current.state });
    const done = current.planSignOffs as unknown as PlanSignOff[];
    const next = route[done.length]!;
    const posts = hasAnyRole(actor, ['district-leader'])
      ? new Set((await this.db.leaderPostHolder.findMany({ where: { userId: actor.id } })).map((p) => p.post))
      : new Set<string>();
    const fits = 'role' in next ? actor.roles.includes(next.role) : posts.has(next.post);
    if (!fits) throw GovError.forbidden(`the next sign-off is ${signOffLabel(next)}`, { next: signOffLabel(next) });
    const signed = [...done, { step: signOffLabel(next), signerId: actor.id, signerName: actor.name, at: now.toISOString() }];
    const complete = signed.length === route.length;
    const timing = complete ? topicPlanSignOffTiming(current.startsAt, now, now, this.calendars.calendar, this.settings.plans, this.settings.time) : null;
    return this.uow.run((tx) =>
      changeMeeting(tx, this.settings, context, current, {
        at: now,
        action: 'sign-off-plan',
        to: complete ? 'approved' : 'drafted',
        data: {
          planSignOffs: signed as unknown as Prisma.InputJsonValue,
          ...(complete ? { planSignedOffAt: now, planSignOffNonCompliant: timing!.nonCompliant } : {}),
        },
        details: { step: signOffLabel(next), complete, nonCompliant: timing?.nonCompliant ?? null },
      }),
    );
  }
}
