import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { hasAnyRole, type Actor } from '@gov/auth';
import { GovError, meetings } from '@gov/contracts';
import { DATABASE, type RequestContext } from '@gov/service-kit';
import type { MeetingsDatabase } from '../database.js';
import { PLAN_INCLUDE, toSummaryView, toView } from './receptions.mapper.js';
import { NO_SUCH_PLAN } from './activity-steps.use-case.js';

const PLAN_READERS = ['clerk', 'section-chief', 'deputy-director', 'director', 'district-leader', 'foreign-affairs-officer', 'auditor'] as const;

function assertMayRead(actor: Actor): void {
  if (!hasAnyRole(actor, PLAN_READERS)) throw GovError.forbidden('you may not read activity plans');
}

@Injectable()
export class GetActivityPlan {
  constructor(@Inject(DATABASE) private readonly db: InstanceType<typeof MeetingsDatabase>) {}
  async execute({ id }: { id: string }, { actor }: RequestContext): Promise<meetings.ActivityPlanView> {
    assertMayRead(actor);
    const row = await this.db.activityPlan.findUnique({ where: { id }, include: PLAN_INCLUDE });
    if (!row) throw NO_SUCH_PLAN();
    return toView(row);
  }
}

@Injectable()
export class ListActivityPlans {
  constructor(@Inject(DATABASE) private readonly db: InstanceType<typeof MeetingsDatabase>) {}
  async execute(input: z.infer<typeof meetings.listActivityPlans.input>, { actor }: RequestContext): Promise<z.infer<typeof meetings.listActivityPlans.output>> {
    assertMayRead(actor);
    const where = { ...(input.kind ? { kind: input.kind } : {}), ...(input.state ? { state: input.state } : {}) };
    const [rows, total] = await Promise.all([
      this.db.activityPlan.findMany({ where, orderBy: [{ startsAt: 'asc' }, { id: 'asc' }], take: input.limit, skip: input.offset }),
      this.db.activityPlan.count({ where }),
    ]);
    return { items: rows.map(toSummaryView), total };
  }
}
