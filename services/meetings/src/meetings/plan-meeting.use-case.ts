import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { GovError, meetings } from '@gov/contracts';
import { clearanceAtLeast } from '@gov/auth';
import type { Clock } from '@gov/calendar';
import { CLOCK, UNIT_OF_WORK, recordChange, type RequestContext, type UnitOfWork } from '@gov/service-kit';
import type { MeetingsTx } from '../database.js';
import { MEETING_INCLUDE, toMeetingView } from './meeting.mapper.js';
import { MEETINGS_SETTINGS } from './settings.module.js';
import type { MeetingsSettings } from './settings.js';
import { assertMeetingTimes, planKindFor } from './meeting-day.rules.js';
import { assertPlanComplete, assertPlanMaterialsAttached, nextPlanState } from './meeting-plan.rules.js';
import { meetingType } from './meeting-types.js';

type Input = z.infer<typeof meetings.planMeeting.input>;

/**
 * 会务方案: a clerk drafts the plan of a meeting of a reference type. A large meeting's plan has the twelve
 * fields of seed 000 L66, a topic meeting's the seven of seed 002 L434, a specialised meeting's application
 * the six fields and two attachments of seed 004 L129 (BAD_USER_INPUT naming each missing one).
 */
@Injectable()
export class PlanMeeting {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<MeetingsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(MEETINGS_SETTINGS) private readonly settings: MeetingsSettings,
  ) {}

  async execute(input: Input, context: RequestContext): Promise<meetings.MeetingView> {
    const { actor } = context;
    const now = this.clock.now();
    meetingType(input.typeCode);
    if (!clearanceAtLeast(actor.clearance, input.classification)) {
      throw GovError.forbidden('a classified meeting is planned by staff cleared for its level', { classification: input.classification });
    }
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    assertMeetingTimes(startsAt, endsAt);
    const kind = planKindFor(input.typeCode, input.large);
    if (kind) assertPlanComplete(kind, input.plan);
    // 专题会议方案 "在方案送签时需附一套完整会议资料" (seed 002 L440): it goes for sign-off as drafted.
    if (kind === 'topic-meeting') assertPlanMaterialsAttached(input.materialsComplete);
    const state = nextPlanState(null, 'draft', actor, { typeCode: input.typeCode, manyAttendeesOrWideScope: false, preNoticeConsent: false, seatingApprovedBy: null });
    const id = randomUUID();
    const row = await this.uow.run(async (tx) => {
      const created = await tx.meeting.create({
        data: {
          id,
          typeCode: input.typeCode,
          title: input.title,
          classification: input.classification,
          place: input.place,
          startsAt,
          endsAt,
          chair: input.chair ?? null,
          plan: input.plan,
          attendees: [...new Set(input.attendees)],
          recipientUnits: [...new Set(input.recipientUnits)],
          large: input.large,
          majorIssues: input.majorIssues,
          cadreMatters: input.cadreMatters,
          adHoc: input.adHoc,
          urgent: input.urgent,
          manyAttendeesOrWideScope: input.manyAttendeesOrWideScope,
          districtHeadAttends: input.districtHeadAttends,
          districtHeadSigns: input.districtHeadSigns,
          state,
          createdAt: now,
          createdById: actor.id,
          createdByName: actor.name,
          history: {
            create: [{ at: now, actorId: actor.id, actorName: actor.name, action: 'draft', fromState: null, toState: state, details: { typeCode: input.typeCode, planKind: kind } }],
          },
        },
        include: MEETING_INCLUDE,
      });
      await recordChange(tx, context, {
        at: now,
        entityType: 'meeting',
        entityId: id,
        action: 'meeting.plan',
        details: { typeCode: input.typeCode, startsAt: input.startsAt, classification: input.classification },
      });
      return created;
    });
    return toMeetingView(row, this.settings);
  }
}
