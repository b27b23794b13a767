import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { hasAnyRole } from '@gov/auth';
import { GovError, meetings } from '@gov/contracts';
import type { Clock } from '@gov/calendar';
import type { CalendarStore } from '@gov/messaging';
import { CALENDAR, CLOCK, UNIT_OF_WORK, recordChange, type RequestContext, type UnitOfWork } from '@gov/service-kit';
import type { MeetingsTx } from '../database.js';
import type { Prisma } from '../generated/prisma/client.js';
import { MEETINGS_SETTINGS } from '../meetings/settings.module.js';
import type { MeetingsSettings } from '../meetings/settings.js';
import { numberedMatters, supervisionFormTiming } from './research-trip.rules.js';

type Input = z.infer<typeof meetings.issueResearchTripSupervisionForm.input>;
type View = meetings.ResearchTripFormView;

/** Who issues the form: the accompanying section's clerk or its chief (随行科室, seed 000 L640(2)). */
export const FORM_ISSUERS = ['clerk', 'section-chief'] as const;

/**
 * 《督办事项交办单》 after a leader's research trip (调研): due 1 working day after the trip ended (supervisionFormDue,
 * seed 000 L640(2); SCENARIOS.md seed000-b #3). A form issued after its due instant is recorded and flagged
 * `late`, not refused (the section's DB6: late is flagged; refusing would lose the matters). The matters are
 * numbered from 1 in the order given; gov.meetings.research-trip.supervision-form-issued carries one item per
 * matter, which supervision opens as one proposed item each. Form, history, audit and event in one transaction.
 */
@Injectable()
export class IssueResearchTripSupervisionForm {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<MeetingsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CALENDAR) private readonly calendars: CalendarStore,
    @Inject(MEETINGS_SETTINGS) private readonly settings: MeetingsSettings,
  ) {}

  async execute(input: Input, context: RequestContext): Promise<View> {
    const { actor } = context;
    if (!hasAnyRole(actor, FORM_ISSUERS)) throw GovError.forbidden('the accompanying section (clerk, section-chief) issues the 督办事项交办单');
    const now = this.clock.now();
    const endedAt = new Date(input.endedAt);
    if (endedAt.getTime() > now.getTime()) throw GovError.badInput('the research trip has not ended yet', { field: 'endedAt', endedAt: input.endedAt });
    const due = supervisionFormTiming(endedAt, now, this.calendars.calendar, this.settings.minutes, this.settings.time);
    const { late } = due;
    const matters = numberedMatters(input.matters);
    const id = randomUUID();
    const history = [{ at: now.toISOString(), actorId: actor.id, actorName: actor.name, action: 'issue', details: { dueAt: due.dueAt.toISOString(), late, matters: matters.length } }];
    await this.uow.run(async (tx) => {
      await tx.researchTripForm.create({
        data: {
          id,
          leaderId: input.leaderId,
          place: input.place,
          endedAt,
          dueDate: due.dueDate,
          dueAt: due.dueAt,
          late,
          matters: matters as Prisma.InputJsonValue,
          history: history as Prisma.InputJsonValue,
          issuedAt: now,
          issuedById: actor.id,
        },
      });
      await recordChange(tx, context, {
        at: now,
        entityType: 'research-trip-form',
        entityId: id,
        action: 'research-trip.issue-supervision-form',
        details: { leaderId: input.leaderId, endedAt: endedAt.toISOString(), dueAt: due.dueAt.toISOString(), late, matters: matters.length },
        event: {
          contract: meetings.researchTripSupervisionFormIssued,
          data: {
            formId: id,
            leaderId: input.leaderId,
            place: input.place,
            endedAt: endedAt.toISOString(),
            dueAt: due.dueAt.toISOString(),
            late,
            issuedAt: now.toISOString(),
            issuedBy: actor.id,
            matters,
          },
        },
      });
    });
    return {
      id,
      leaderId: input.leaderId,
      place: input.place,
      endedAt: endedAt.toISOString(),
      dueDate: due.dueDate,
      dueAt: due.dueAt.toISOString(),
      issuedAt: now.toISOString(),
      issuedBy: actor.id,
      late,
      matters,
    };
  }
}
