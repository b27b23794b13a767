import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { GovError, meetings } from '@gov/contracts';
import { hasAnyRole, type Actor } from '@gov/auth';
import type { Clock } from '@gov/calendar';
import type { CalendarStore } from '@gov/messaging';
import { CALENDAR, CLOCK, DATABASE, UNIT_OF_WORK, recordChange, type RequestContext, type UnitOfWork } from '@gov/service-kit';
import type { MeetingsDatabase, MeetingsTx } from '../database.js';
import type { Prisma } from '../generated/prisma/client.js';
import { meetingForChange, MEETING_READERS, publicTitle, readableMeeting } from '../meetings/meeting-store.js';
import { meetingType } from '../meetings/meeting-types.js';
import {
  assertAdHocTopicAllowed,
  assertMayDeliberate,
  assertTopicSubmission,
  needsLegalityReview,
  type Topic,
} from '../meetings/topic.rules.js';
import { MEETINGS_SETTINGS } from '../meetings/settings.module.js';
import type { MeetingsSettings } from '../meetings/settings.js';
import { assertOfficeTopicAdmitted } from '../office-meetings/office-meeting.rules.js';
import { TOPIC_INCLUDE, toRuleTopic, toTopicView } from './topic.mapper.js';

type SubmitInput = z.infer<typeof meetings.submitTopic.input>;
type View = meetings.TopicView;

export const NO_SUCH_TOPIC = () => GovError.notFound('no such topic');
const CHANGED = () => GovError.conflict('the topic was changed meanwhile; reload it and try again');

/** A topic's history entry, audit entry and optional event, after its row changed (optimistic on version). */
async function changeTopic<D extends z.ZodType>(
  tx: MeetingsTx,
  settings: MeetingsSettings,
  context: RequestContext,
  current: { id: string; version: number; state: string },
  change: {
    at: Date;
    action: string;
    to: string;
    data?: Prisma.MeetingTopicUpdateManyMutationInput;
    details?: Record<string, unknown>;
    event?: { contract: import('@gov/contracts').EventContract<D>; data: z.input<D> };
  },
): Promise<View> {
  const { count } = await tx.meetingTopic.updateMany({
    where: { id: current.id, version: current.version },
    data: { ...(change.data ?? {}), state: change.to, version: { increment: 1 } },
  });
  if (count !== 1) throw CHANGED();
  const details = change.details ?? {};
  await tx.meetingTopicHistory.create({
    data: {
      topicId: current.id,
      at: change.at,
      actorId: context.actor.id,
      actorName: context.actor.name,
      action: change.action,
      fromState: current.state,
      toState: change.to,
      details: details as Prisma.InputJsonValue,
    },
  });
  await recordChange(tx, context, {
    at: change.at,
    entityType: 'meeting-topic',
    entityId: current.id,
    action: `topic.${change.action}`,
    details,
    ...(change.event ? { event: change.event } : {}),
  });
  return toTopicView(await tx.meetingTopic.findUniqueOrThrow({ where: { id: current.id }, include: TOPIC_INCLUDE }), settings.topics);
}
export { changeTopic };

function legalGrounds(t: Pick<Topic, 'normativeDocument' | 'majorAdministrativeDecision'>) {
  const grounds: Array<'normative-document' | 'major-decision'> = [];
  if (t.normativeDocument) grounds.push('normative-document');
  if (t.majorAdministrativeDecision) grounds.push('major-decision');
  return grounds;
}

/**
 * 议题 submitted with its materials by the meeting type's deadline (常委会 3 days with the leader-signed
 * materials and the attendee list, seed 003 L13@c11563; 常务会议 with the materials 1–2 days, seed 004 L75;
 * 室务会 1 day). An ad-hoc topic is refused unless major or urgent (seed 004 L73). A topic that adopts a
 * normative document or is a major administrative decision asks legal-review (seed 002 L273–291) with
 * gov.meetings.topic.legal-review-requested and waits for its conclusion.
 */
@Injectable()
export class SubmitTopic {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof MeetingsDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<MeetingsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CALENDAR) private readonly calendars: CalendarStore,
    @Inject(MEETINGS_SETTINGS) private readonly settings: MeetingsSettings,
  ) {}

  async execute(input: SubmitInput, context: RequestContext): Promise<View> {
    const { actor } = context;
    if (!hasAnyRole(actor, ['clerk', 'unit-liaison'])) throw GovError.forbidden('a proposing unit or the clerk submits topics');
    if (!hasAnyRole(actor, ['clerk']) && actor.unit !== input.proposingUnit) {
      throw GovError.forbidden('a unit liaison submits topics of its own unit', { proposingUnit: input.proposingUnit });
    }
    const now = this.clock.now();
    const meeting = await meetingForChange(this.db, input.meetingId, actor);
    if (!meetingType(meeting.typeCode).hasTopics) throw GovError.badInput(`a ${meetingType(meeting.typeCode).nameZh} takes no topics`, { typeCode: meeting.typeCode });
    if (meeting.state === 'held') throw GovError.conflict('the meeting has been held', { state: meeting.state });
    const id = randomUUID();
    const rule: Topic = {
      id,
      meetingTypeCode: meeting.typeCode,
      origin: input.origin,
      major: input.major,
      urgent: input.urgent,
      submittedAt: now,
      materialsAttached: input.materialsAttached,
      materialsSignedByLeader: input.materialsSignedByLeader,
      attendeeListAttached: input.attendeeListAttached,
      normativeDocument: input.normativeDocument,
      majorAdministrativeDecision: input.majorAdministrativeDecision,
      involvesLegalProvisions: input.involvesLegalProvisions,
      exemptSubject: input.exemptSubject,
      legalReview: 'not-requested',
      industrialLand: input.industrialLand,
      planning: input.planning,
      industryCommissionOpinion: false,
      adHocApprovals: { director: false, principalLeader: false, districtMayor: false },
    };
    const check = assertTopicSubmission(rule, meeting.startsAt, this.calendars.calendar, this.settings.topics, this.settings.notice, this.settings.time);
    if (meeting.typeCode === 'office-affairs-meeting') {
      // 室务会: "一般不予审议" without the pre-review, the required study, the units' agreement (urgent: the preferred
      // option and the others' opinions) and the member in charge's review (SCENARIOS.md seed003 #5): CONFLICT with every reason.
      if (!input.officeAdmission) throw GovError.badInput('a 室务会 topic states its admission facts', { field: 'officeAdmission' });
      assertOfficeTopicAdmitted({ ...input.officeAdmission, urgent: input.urgent });
    }
    // Not major and not urgent: refused outright (DEADLINE_RULE); the approvals are checked before deliberation.
    if (rule.origin === 'ad-hoc' && !rule.major && !rule.urgent) assertAdHocTopicAllowed(rule);
    const review = needsLegalityReview(rule);
    const requestId = review ? randomUUID() : null;
    const row = await this.uow.run(async (tx) => {
      await tx.meetingTopic.create({
        data: {
          id,
          meetingId: meeting.id,
          title: input.title,
          proposingUnit: input.proposingUnit,
          origin: input.origin,
          major: input.major,
          urgent: input.urgent,
          submittedAt: now,
          submittedById: actor.id,
          submissionLatestDate: check?.latestDate ?? null,
          materialsAttached: input.materialsAttached,
          materialsSignedByLeader: input.materialsSignedByLeader,
          attendeeListAttached: input.attendeeListAttached,
          normativeDocument: input.normativeDocument,
          majorAdministrativeDecision: input.majorAdministrativeDecision,
          involvesLegalProvisions: input.involvesLegalProvisions,
          exemptSubject: input.exemptSubject,
          legalReview: review ? 'pending' : 'not-requested',
          legalReviewRequestId: requestId,
          industrialLand: input.industrialLand,
          planning: input.planning,
          state: 'submitted',
          history: {
            create: [{ at: now, actorId: actor.id, actorName: actor.name, action: 'submit', fromState: null, toState: 'submitted', details: { origin: input.origin, legalReview: review, ...(input.officeAdmission ? { officeAdmission: input.officeAdmission } : {}) } }],
          },
        },
      });
      await recordChange(tx, context, {
        at: now,
        entityType: 'meeting-topic',
        entityId: id,
        action: 'topic.submit',
        details: { meetingId: meeting.id, origin: input.origin, legalReviewRequestId: requestId },
      });
      if (requestId) {
        // The request's own audit entry and event, keyed by the request id (the event's subject).
        await recordChange(tx, context, {
          at: now,
          entityType: 'meeting-topic',
          entityId: requestId,
          action: 'topic.request-legal-review',
          details: { topicId: id },
          event: {
            contract: meetings.topicLegalReviewRequested,
            data: {
              requestId,
              subject: { section: 'meetings', kind: 'topic', id },
              title: publicTitle({ title: input.title, classification: meeting.classification }),
              grounds: legalGrounds(rule),
              requestedAt: now.toISOString(),
              requestedBy: actor.id,
            },
          },
        });
      }
      return tx.meetingTopic.findUniqueOrThrow({ where: { id }, include: TOPIC_INCLUDE });
    });
    return toTopicView(row, this.settings.topics);
  }
}

async function topicForChange(db: InstanceType<typeof MeetingsDatabase>, id: string, actor: Actor) {
  const row = await db.meetingTopic.findUnique({ where: { id }, include: { meeting: true } });
  if (!row) throw NO_SUCH_TOPIC();
  await meetingForChange(db, row.meetingId, actor).catch(() => {
    throw NO_SUCH_TOPIC();
  });
  return row;
}

/**
 * The approvals of an ad-hoc topic (assertAdHocTopicAllowed): the office director for every type; the
 * principal leader (区委书记) for the 常委会 (seed 003 L13@c11370); the district mayor for the 常务会议 (seed 004
 * L69–71). Who holds a post comes from the post register.
 */
@Injectable()
export class ApproveAdHocTopic {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof MeetingsDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<MeetingsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(MEETINGS_SETTINGS) private readonly settings: MeetingsSettings,
  ) {}

  async execute({ id }: { id: string }, context: RequestContext): Promise<View> {
    const { actor } = context;
    const now = this.clock.now();
    const topic = await topicForChange(this.db, id, actor);
    if (topic.origin !== 'ad-hoc') throw GovError.conflict('only an ad-hoc topic needs these approvals');
    if (topic.state !== 'submitted') throw GovError.conflict(`the topic is ${topic.state}`, { state: topic.state });
    const posts = new Set(
      hasAnyRole(actor, ['district-leader']) ? (await this.db.leaderPostHolder.findMany({ where: { userId: actor.id } })).map((p) => p.post) : [],
    );
    const data: Prisma.MeetingTopicUpdateManyMutationInput = {};
    const given: string[] = [];
    if (hasAnyRole(actor, ['director'])) (data.approvedByDirector = true), given.push('director');
    if (posts.has('party-secretary')) (data.approvedByPrincipalLeader = true), given.push('principalLeader');
    if (posts.has('district-mayor')) (data.approvedByDistrictMayor = true), given.push('districtMayor');
    if (given.length === 0) throw GovError.forbidden('the office director, the Party secretary or the district mayor approves an ad-hoc topic');
    return this.uow.run((tx) => changeTopic(tx, this.settings, context, topic, { at: now, action: 'approve-ad-hoc', to: topic.state, data, details: { approvals: given } }));
  }
}

/** 工信委 "提前研究出意见" on industrial-land (and planning) topics (seed 004 L119; RULES.md D12). */
@Injectable()
export class RecordIndustryOpinion {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof MeetingsDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<MeetingsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(MEETINGS_SETTINGS) private readonly settings: MeetingsSettings,
  ) {}

  async execute({ id, opinion }: { id: string; opinion: string }, context: RequestContext): Promise<View> {
    if (!hasAnyRole(context.actor, ['clerk'])) throw GovError.forbidden('the clerk records the industry commission’s opinion');
    const now = this.clock.now();
    const topic = await topicForChange(this.db, id, context.actor);
    if (topic.state === 'deliberated') throw GovError.conflict('the topic has been deliberated');
    return this.uow.run((tx) => changeTopic(tx, this.settings, context, topic, { at: now, action: 'record-industry-opinion', to: topic.state, data: { industryOpinion: opinion } }));
  }
}

/**
 * Deliberation at the meeting: refused (CONFLICT with every block) while legality review is pending or failed,
 * or the industry commission's opinion is missing; an ad-hoc topic also needs its approvals.
 */
@Injectable()
export class DeliberateTopic {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof MeetingsDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<MeetingsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(MEETINGS_SETTINGS) private readonly settings: MeetingsSettings,
  ) {}

  async execute({ id }: { id: string }, context: RequestContext): Promise<View> {
    if (!hasAnyRole(context.actor, ['clerk'])) throw GovError.forbidden('the clerk records the deliberation');
    const now = this.clock.now();
    const topic = await topicForChange(this.db, id, context.actor);
    if (topic.state === 'deliberated') throw GovError.conflict('the topic has been deliberated');
    if (topic.meeting.state !== 'notified' && topic.meeting.state !== 'held') {
      throw GovError.conflict('a topic is deliberated at its notified meeting', { state: topic.meeting.state });
    }
    const rule = toRuleTopic(topic, topic.meeting.typeCode);
    assertAdHocTopicAllowed(rule);
    assertMayDeliberate(rule, this.settings.topics);
    return this.uow.run((tx) => changeTopic(tx, this.settings, context, topic, { at: now, action: 'deliberate', to: 'deliberated', data: { deliberatedAt: now } }));
  }
}

@Injectable()
export class GetTopic {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof MeetingsDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<MeetingsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(MEETINGS_SETTINGS) private readonly settings: MeetingsSettings,
  ) {}

  async execute({ id }: { id: string }, context: RequestContext): Promise<View> {
    if (!hasAnyRole(context.actor, [...MEETING_READERS, 'unit-liaison'])) throw GovError.forbidden('you may not read topics');
    const row = await this.db.meetingTopic.findUnique({ where: { id }, include: TOPIC_INCLUDE });
    if (!row) throw NO_SUCH_TOPIC();
    await readableMeeting(this.db, this.uow, this.clock.now(), row.meetingId, context).catch(() => {
      throw NO_SUCH_TOPIC();
    });
    return toTopicView(row, this.settings.topics);
  }
}
