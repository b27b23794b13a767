import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { hasAnyRole, type Actor, type TransitionRow } from '@gov/auth';
import { GovError, meetings } from '@gov/contracts';
import { DATABASE, type RequestContext } from '@gov/service-kit';
import type { MeetingsDatabase } from '../database.js';
import { ACTIVITY_TRANSITIONS, nextActivityState, type ActivityState } from '../receptions/reception.rules.js';
import { nextScheduleState, SCHEDULE_TRANSITIONS, type ScheduleState } from '../schedule/weekly-schedule.rules.js';
import { nextRequestState, REQUEST_TRANSITIONS, type RequestState } from './meeting-request.rules.js';
import { failuresOf, REQUEST_INCLUDE, toSummaryView, toView } from './requests.mapper.js';
import { NO_SUCH_REQUEST } from './request-steps.use-case.js';

/** Who reads the request register: the office staff along the chain, the leaders, foreign affairs, audit. */
export const REQUEST_READERS = ['clerk', 'section-chief', 'deputy-director', 'director', 'district-leader', 'foreign-affairs-officer', 'auditor'] as const;

export function assertMayReadRequests(actor: Actor): void {
  if (!hasAnyRole(actor, REQUEST_READERS)) throw GovError.forbidden('you may not read the meeting request register');
}

@Injectable()
export class GetMeetingRequest {
  constructor(@Inject(DATABASE) private readonly db: InstanceType<typeof MeetingsDatabase>) {}
  async execute({ id }: { id: string }, { actor }: RequestContext): Promise<meetings.MeetingRequestView> {
    assertMayReadRequests(actor);
    const row = await this.db.meetingRequest.findUnique({ where: { id }, include: REQUEST_INCLUDE });
    if (!row) throw NO_SUCH_REQUEST();
    return toView(row);
  }
}

type ListInput = z.infer<typeof meetings.listRequests.input>;
type ListOutput = z.infer<typeof meetings.listRequests.output>;

/** 会议收文登记: the register, newest number first, by state, type and admission. */
@Injectable()
export class ListMeetingRequests {
  constructor(@Inject(DATABASE) private readonly db: InstanceType<typeof MeetingsDatabase>) {}
  async execute(input: ListInput, { actor }: RequestContext): Promise<ListOutput> {
    assertMayReadRequests(actor);
    const where = {
      ...(input.state ? { state: input.state } : {}),
      ...(input.type ? { requestType: input.type } : {}),
      ...(input.admitted !== undefined ? { admitted: input.admitted } : {}),
    };
    const [rows, total] = await Promise.all([
      this.db.meetingRequest.findMany({ where, orderBy: [{ registerYear: 'desc' }, { registerSeq: 'desc' }], take: input.limit, skip: input.offset }),
      this.db.meetingRequest.count({ where }),
    ]);
    return { items: rows.map(toSummaryView), total };
  }
}

/** The actions of `table` the actor may take from `state`, each tried against the guards too. */
function allowed<S extends string, A extends string>(
  table: ReadonlyArray<TransitionRow<S, A>>,
  state: S,
  actor: Actor,
  attempt: (action: A) => void,
): A[] {
  const actions = [...new Set(table.filter((r) => r.from === state && hasAnyRole(actor, r.roles)).map((r) => r.action))];
  return actions.filter((a) => {
    try {
      attempt(a);
      return true;
    } catch {
      return false;
    }
  });
}

function statesFor<S extends string>(table: ReadonlyArray<TransitionRow<S, string>>, actor: Actor): S[] {
  return [...new Set(table.filter((r) => r.from !== null && hasAnyRole(actor, r.roles)).map((r) => r.from as S))];
}

/**
 * My tasks: every request, weekly table and activity plan whose state has a step the caller may take now
 * (the state tables read with the caller's roles, then the guards: an unadmitted request offers the return,
 * an admitted one the opinion; a table offers "approve as Party secretary" only to the 书记).
 */
@Injectable()
export class MyMeetingTasks {
  constructor(@Inject(DATABASE) private readonly db: InstanceType<typeof MeetingsDatabase>) {}

  async execute(_input: unknown, { actor }: RequestContext): Promise<z.infer<typeof meetings.myTasks.output>> {
    const tasks: z.infer<typeof meetings.MeetingTaskSchema>[] = [];
    const requestStates = statesFor(REQUEST_TRANSITIONS, actor);
    const scheduleStates = statesFor(SCHEDULE_TRANSITIONS, actor);
    const activityStates = statesFor(ACTIVITY_TRANSITIONS, actor);
    const [requests, schedules, plans] = await Promise.all([
      requestStates.length ? this.db.meetingRequest.findMany({ where: { state: { in: requestStates } }, include: { history: { orderBy: { seq: 'desc' }, take: 1 } }, take: 200 }) : [],
      scheduleStates.length ? this.db.weeklySchedule.findMany({ where: { state: { in: scheduleStates } }, include: { history: { orderBy: { seq: 'desc' }, take: 1 } }, take: 50 }) : [],
      activityStates.length ? this.db.activityPlan.findMany({ where: { state: { in: activityStates } }, include: { history: { orderBy: { seq: 'desc' }, take: 1 } }, take: 200 }) : [],
    ]);
    for (const r of requests) {
      const actions = allowed(REQUEST_TRANSITIONS, r.state as RequestState, actor, (a) =>
        nextRequestState(r.state as RequestState, a, actor, { foreignRelated: r.foreignRelated, admissionFailures: failuresOf(r) }),
      );
      if (actions.length) tasks.push({ workflow: 'meeting-request', id: r.id, reference: r.registerNumber, state: r.state, actions, since: (r.history[0]?.at ?? r.receivedAt).toISOString() });
    }
    for (const s of schedules) {
      const actions = allowed(SCHEDULE_TRANSITIONS, s.state as ScheduleState, actor, (a) =>
        nextScheduleState(s.state as ScheduleState, a, actor, { posts: { 'party-secretary': s.partySecretaryId, 'district-mayor': s.districtMayorId }, openConflicts: [] }),
      ).filter((a) => a !== 'flag-conflict');
      if (actions.length) tasks.push({ workflow: 'weekly-schedule', id: s.id, reference: s.weekMonday, state: s.state, actions, since: (s.history[0]?.at ?? s.collectedAt).toISOString() });
    }
    for (const p of plans) {
      const actions = allowed(ACTIVITY_TRANSITIONS, p.state as ActivityState, actor, (a) => {
        nextActivityState(p.state as ActivityState, a, actor, { foreignRelated: p.foreignRelated });
        if (a === 'approve' && p.kind === 'reception' && actor.id !== p.leaderInChargeId && actor.id !== p.principalLeaderId) throw new Error('not an approver');
      });
      if (actions.length) tasks.push({ workflow: 'activity-plan', id: p.id, reference: p.title, state: p.state, actions, since: (p.history[0]?.at ?? p.draftedAt).toISOString() });
    }
    tasks.sort((a, b) => a.since.localeCompare(b.since));
    return { tasks };
  }
}
