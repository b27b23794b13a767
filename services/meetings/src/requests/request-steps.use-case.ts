import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { Clock } from '@gov/calendar';
import { GovError, meetings, type EventContract } from '@gov/contracts';
import { CLOCK, DATABASE, UNIT_OF_WORK, recordChange, type RequestContext, type UnitOfWork } from '@gov/service-kit';
import type { MeetingsDatabase, MeetingsTx } from '../database.js';
import type { MeetingRequest as Row, Prisma } from '../generated/prisma/client.js';
import {
  assertOpinionComplete,
  nextRequestState,
  replyTasks,
  type RequestAction,
  type RequestState,
  type RequestType,
} from './meeting-request.rules.js';
import { failuresOf, REQUEST_INCLUDE, toReason, toView } from './requests.mapper.js';

export const NO_SUCH_REQUEST = () => GovError.notFound('no such meeting request');
export const REQUEST_CHANGED_MEANWHILE = () => GovError.conflict('the meeting request was changed meanwhile; reload it and try again');

type View = meetings.MeetingRequestView;

interface Step {
  action: RequestAction;
  reason?: string | undefined;
  /** checks beyond the table, before anything is written */
  guard?: (row: Row) => void;
  data?: (row: Row, to: RequestState, now: Date) => Prisma.MeetingRequestUpdateManyMutationInput;
  details?: (row: Row) => Record<string, unknown>;
  event?: (row: Row, to: RequestState, now: Date) => { contract: EventContract<z.ZodType>; data: unknown } | undefined;
}

/**
 * One transition of a request, the same way for every step: the table (role and state) and the guards first,
 * then in one transaction the optimistic update, the history row, the audit entry and the event.
 */
@Injectable()
export class RequestTransitions {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof MeetingsDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<MeetingsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(id: string, step: Step, context: RequestContext): Promise<View> {
    const { actor } = context;
    const now = this.clock.now();
    const current = await this.db.meetingRequest.findUnique({ where: { id } });
    if (!current) throw NO_SUCH_REQUEST();
    const from = current.state as RequestState;
    const to = nextRequestState(from, step.action, actor, {
      foreignRelated: current.foreignRelated,
      admissionFailures: failuresOf(current),
    });
    step.guard?.(current);
    const row = await this.uow.run(async (tx) => {
      const { count } = await tx.meetingRequest.updateMany({
        where: { id, version: current.version },
        data: { ...(step.data?.(current, to, now) ?? {}), state: to, version: { increment: 1 } },
      });
      if (count !== 1) throw REQUEST_CHANGED_MEANWHILE();
      const details = { registerNumber: current.registerNumber, ...(step.details?.(current) ?? {}) };
      await tx.meetingRequestHistory.create({
        data: {
          requestId: id,
          at: now,
          actorId: actor.id,
          actorName: actor.name,
          action: step.action,
          fromState: from,
          toState: to,
          reason: step.reason ?? null,
          details: details as never,
        },
      });
      const event = step.event?.(current, to, now);
      await recordChange(tx, context, {
        at: now,
        entityType: 'meeting-request',
        entityId: id,
        action: `meeting-request.${step.action}`,
        details: { ...details, from, to, ...(step.reason ? { reason: step.reason } : {}) },
        ...(event ? { event: event as never } : {}),
      });
      return tx.meetingRequest.findUniqueOrThrow({ where: { id }, include: REQUEST_INCLUDE });
    });
    return toView(row);
  }
}

/**
 * 退文 proposed by the clerk (seed 000 L18 "经审查合格后方可办理", the return route of L150: 承办人 → 科室负责人 →
 * 办公室分管主任, RULES.md D6). The guard refuses a return without a failed check.
 */
@Injectable()
export class ProposeRequestReturn {
  constructor(private readonly steps: RequestTransitions) {}
  execute(input: z.infer<typeof meetings.proposeRequestReturn.input>, context: RequestContext): Promise<View> {
    return this.steps.run(
      input.id,
      { action: 'propose-return', reason: input.reason, details: (row) => ({ reasons: failuresOf(row).map(toReason) }) },
      context,
    );
  }
}

/** 拟办 (seed 000 L18–26): only an admitted request, with every field its type's opinion needs. */
@Injectable()
export class DraftRequestOpinion {
  constructor(private readonly steps: RequestTransitions) {}
  execute(input: z.infer<typeof meetings.draftRequestOpinion.input>, context: RequestContext): Promise<View> {
    return this.steps.run(
      input.id,
      {
        action: 'draft-opinion',
        guard: (row) => assertOpinionComplete(row.requestType as RequestType, input.opinion),
        data: () => ({ opinion: input.opinion as never, proposedLeaderIds: input.proposedLeaderIds }),
        details: () => ({ proposedLeaderIds: input.proposedLeaderIds }),
      },
      context,
    );
  }
}

/**
 * The steps that need only the request: the return route, 送审 (科长, 分管副主任) and send-back, to 外事科 (event
 * `gov.meetings.foreign-affairs-opinion.requested`), 呈批 to the district leader, approve (event
 * `request.approved`) or decline, archive. Approving the return emits `request.returned` with every reason.
 */
@Injectable()
export class AdvanceMeetingRequest {
  constructor(private readonly steps: RequestTransitions) {}
  execute(input: z.infer<typeof meetings.advanceRequest.input>, context: RequestContext): Promise<View> {
    const { actor } = context;
    const action = input.action;
    if ((action === 'send-back' || action === 'decline' || action === 'overrule-return') && !input.reason) {
      throw GovError.badInput(`${action} needs a reason`, { action });
    }
    return this.steps.run(
      input.id,
      {
        action,
        reason: input.reason,
        data: (_row, to, now) => (to === 'approved' ? { approvedAt: now } : {}),
        event: (row, to, now) => {
          if (action === 'approve-return') {
            return {
              contract: meetings.requestReturned as never,
              data: {
                requestId: row.id,
                registerNumber: row.registerNumber,
                requestingUnit: row.requestingUnit,
                reasons: failuresOf(row).map((f) => ({ check: f.check, items: toReason(f).items })),
                returnedAt: now.toISOString(),
                returnedBy: actor.id,
              },
            };
          }
          if (action === 'send-to-foreign-affairs') {
            return {
              contract: meetings.foreignAffairsOpinionRequested as never,
              data: {
                caseId: row.id,
                kind: 'meeting-request',
                reference: row.registerNumber,
                startsAt: row.startsAt?.toISOString() ?? null,
                requestedAt: now.toISOString(),
                requestedBy: actor.id,
              },
            };
          }
          if (to === 'approved') {
            return {
              contract: meetings.requestApproved as never,
              data: {
                requestId: row.id,
                registerNumber: row.registerNumber,
                requestType: row.requestType,
                startsAt: row.startsAt?.toISOString() ?? null,
                leaderIds: row.proposedLeaderIds,
                approvedAt: now.toISOString(),
                approvedBy: actor.id,
              },
            };
          }
          return undefined;
        },
      },
      context,
    );
  }
}

/** 外事科's opinion on a foreign-related request (seed 000 L124). */
@Injectable()
export class GiveRequestForeignAffairsOpinion {
  constructor(private readonly steps: RequestTransitions) {}
  execute(input: z.infer<typeof meetings.giveRequestForeignAffairsOpinion.input>, context: RequestContext): Promise<View> {
    return this.steps.run(input.id, { action: 'give-opinion', data: () => ({ foreignAffairsOpinion: input.opinion }) }, context);
  }
}

/**
 * 办复 (seed 000 L28): the tasks by request type — the notice and materials copied to the attending leaders
 * and department heads, the speech by 综合一科 (区委 leader) / 综合二科 (区政府 leader) / the department, the
 * unit told to prepare the meeting service, the departments told to prepare the briefing materials.
 */
@Injectable()
export class ReplyToMeetingRequest {
  constructor(private readonly steps: RequestTransitions) {}
  execute(input: z.infer<typeof meetings.replyRequest.input>, context: RequestContext): Promise<View> {
    let tasks: ReturnType<typeof replyTasks> = [];
    return this.steps.run(
      input.id,
      {
        action: 'reply',
        guard: (row) => {
          if (input.districtLeaderSpeaks && row.requestType === 'higher-level-meeting' && !input.speakerSide) {
            throw GovError.badInput('say whose leader speaks (party-committee, government or department) so the right section drafts the speech');
          }
          tasks = replyTasks(row.requestType as RequestType, {
            districtLeaderSpeaks: input.districtLeaderSpeaks,
            ...(input.speakerSide ? { speakerSide: input.speakerSide } : {}),
          });
        },
        data: () => ({ replyTasks: tasks as never }),
        details: () => ({ tasks }),
        event: (row, _to, now) => ({
          contract: meetings.requestReplied as never,
          data: { requestId: row.id, registerNumber: row.registerNumber, tasks, repliedAt: now.toISOString(), repliedBy: context.actor.id },
        }),
      },
      context,
    );
  }
}
