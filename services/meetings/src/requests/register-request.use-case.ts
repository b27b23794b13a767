import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { Clock } from '@gov/calendar';
import { GovError, meetings } from '@gov/contracts';
import type { CalendarStore } from '@gov/messaging';
import { allocateYearNumber } from '@gov/persistence';
import { CALENDAR, CLOCK, UNIT_OF_WORK, recordChange, type RequestContext, type UnitOfWork } from '@gov/service-kit';
import type { MeetingsTx } from '../database.js';
import { MEETINGS_SETTINGS } from '../meetings/settings.module.js';
import type { MeetingsSettings } from '../meetings/settings.js';
import { admissionFailures, nextRequestState, REQUEST_REGISTER_PREFIX, type MeetingRequest } from './meeting-request.rules.js';
import { REQUEST_INCLUDE, toReason, toView } from './requests.mapper.js';

type Input = z.infer<typeof meetings.registerRequest.input>;

/** Five minutes of clock skew between a front end and the service (as 收文 allows). */
const SKEW_MS = 5 * 60_000;

/**
 * 登记、编号 and 审核 (seed 000 L16–18): the clerk registers a meeting or activity request with its 会议收文 number and
 * the admission review runs at once over every check of L18 — complete (time, place, scale, content,
 * participants, agenda), affected departments consulted, one matter, 10 working days ahead, attachments, a
 * speech draft when a leader speaks, other irregular drafting. The failed checks are kept as reasons: an
 * admitted request emits `gov.meetings.request.admitted`; a failing one waits for the return route
 * (ProposeRequestReturn). Registration itself is never refused for a failed check: the register must show
 * every request received.
 */
@Injectable()
export class RegisterMeetingRequest {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<MeetingsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CALENDAR) private readonly calendars: CalendarStore,
    @Inject(MEETINGS_SETTINGS) private readonly settings: MeetingsSettings,
  ) {}

  async execute(input: Input, context: RequestContext): Promise<meetings.MeetingRequestView> {
    const { actor } = context;
    const now = this.clock.now();
    const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
    if (receivedAt.getTime() > now.getTime() + SKEW_MS) throw GovError.badInput('a request cannot be received in the future', { receivedAt: input.receivedAt });
    const startsAt = input.startsAt ? new Date(input.startsAt) : null;
    const endsAt = input.endsAt ? new Date(input.endsAt) : null;
    if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()) throw GovError.badInput('the meeting ends after it starts', { startsAt: input.startsAt, endsAt: input.endsAt });
    const state = nextRequestState(null, 'register', actor, { foreignRelated: input.foreignRelated, admissionFailures: [] });

    const subject: MeetingRequest = {
      type: input.type,
      receivedAt,
      startsAt,
      place: input.place ?? null,
      scale: input.scale ?? null,
      content: input.content ?? null,
      participants: input.participants,
      agenda: input.agenda,
      matterCount: input.matterCount,
      affectedDepartments: input.affectedDepartments,
      consultedDepartments: input.consultedDepartments,
      declaredAttachments: input.declaredAttachments,
      attachedAttachments: input.attachedAttachments,
      leaderToSpeak: input.leaderToSpeak,
      speechDraftAttached: input.speechDraftAttached,
      irregularities: input.irregularities,
      foreignRelated: input.foreignRelated,
    };
    const failures = admissionFailures(subject, this.calendars.calendar, this.settings.requests, this.settings.time);
    const admitted = failures.length === 0;
    const id = randomUUID();

    const row = await this.uow.run(async (tx) => {
      const number = await allocateYearNumber(tx, { prefix: REQUEST_REGISTER_PREFIX, at: now, entityType: 'meeting-request', entityId: id, issuedBy: actor.id });
      const created = await tx.meetingRequest.create({
        data: {
          id,
          registerNumber: number.formatted,
          registerYear: number.year,
          registerSeq: number.value,
          requestType: input.type,
          title: input.title,
          requestingUnit: input.requestingUnit,
          receivedAt,
          startsAt,
          endsAt,
          place: input.place ?? null,
          scale: input.scale ?? null,
          content: input.content ?? null,
          participants: input.participants,
          agenda: input.agenda,
          matterCount: input.matterCount,
          affectedDepartments: input.affectedDepartments,
          consultedDepartments: input.consultedDepartments,
          declaredAttachments: input.declaredAttachments,
          attachedAttachments: input.attachedAttachments,
          leaderToSpeak: input.leaderToSpeak,
          speechDraftAttached: input.speechDraftAttached,
          irregularities: input.irregularities,
          foreignRelated: input.foreignRelated,
          admissionFailures: failures as never,
          admitted,
          state,
          registeredById: actor.id,
          registeredByName: actor.name,
          history: {
            create: [
              {
                at: now,
                actorId: actor.id,
                actorName: actor.name,
                action: 'register',
                fromState: null,
                toState: state,
                details: { registerNumber: number.formatted, admitted, failedChecks: failures.map((f) => f.check) },
              },
            ],
          },
        },
        include: REQUEST_INCLUDE,
      });
      await recordChange(tx, context, {
        at: now,
        entityType: 'meeting-request',
        entityId: id,
        action: 'meeting-request.register',
        details: { registerNumber: number.formatted, type: input.type, admitted, reasons: failures.map(toReason) },
        ...(admitted
          ? {
              event: {
                contract: meetings.requestAdmitted,
                data: {
                  requestId: id,
                  registerNumber: number.formatted,
                  requestType: input.type,
                  requestingUnit: input.requestingUnit,
                  startsAt: startsAt?.toISOString() ?? null,
                  foreignRelated: input.foreignRelated,
                  admittedAt: now.toISOString(),
                  admittedBy: actor.id,
                },
              },
            }
          : {}),
      });
      return created;
    });
    return toView(row);
  }
}
