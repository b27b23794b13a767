import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { hasAnyRole, type Actor } from '@gov/auth';
import { GovError, meetings } from '@gov/contracts';
import { DATABASE, type RequestContext } from '@gov/service-kit';
import type { MeetingsDatabase } from '../database.js';
import { MEETINGS_SETTINGS } from '../meetings/settings.module.js';
import type { MeetingsSettings } from '../meetings/settings.js';
import { SCHEDULE_INCLUDE, toEntryView, toSummaryView, toView } from './schedule.mapper.js';
import { NO_SUCH_SCHEDULE } from './schedule-steps.use-case.js';

/** The office staff who compile the table, the director, the district leaders, audit. */
const SCHEDULE_READERS = ['clerk', 'section-chief', 'deputy-director', 'director', 'district-leader', 'auditor'] as const;
/** Tables as issued to the leaders and units. */
const ISSUED = ['issued', 'amended'];

function assertMayRead(actor: Actor): void {
  if (!hasAnyRole(actor, SCHEDULE_READERS)) throw GovError.forbidden('you may not read the weekly schedule');
}

@Injectable()
export class GetWeeklySchedule {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof MeetingsDatabase>,
    @Inject(MEETINGS_SETTINGS) private readonly settings: MeetingsSettings,
  ) {}
  async execute(input: z.infer<typeof meetings.getSchedule.input>, { actor }: RequestContext): Promise<meetings.WeeklyScheduleView> {
    assertMayRead(actor);
    if (!input.id === !input.weekMonday) throw GovError.badInput('give either the id or the week’s Monday');
    const row = await this.db.weeklySchedule.findFirst({ where: input.id ? { id: input.id } : { weekMonday: input.weekMonday! }, include: SCHEDULE_INCLUDE });
    if (!row) throw NO_SUCH_SCHEDULE();
    return toView(row, this.settings.schedule);
  }
}

@Injectable()
export class ListWeeklySchedules {
  constructor(@Inject(DATABASE) private readonly db: InstanceType<typeof MeetingsDatabase>) {}
  async execute(input: z.infer<typeof meetings.listSchedules.input>, { actor }: RequestContext): Promise<z.infer<typeof meetings.listSchedules.output>> {
    assertMayRead(actor);
    const where = input.state ? { state: input.state } : {};
    const [rows, total] = await Promise.all([
      this.db.weeklySchedule.findMany({ where, orderBy: { weekMonday: 'desc' }, take: input.limit, skip: input.offset }),
      this.db.weeklySchedule.count({ where }),
    ]);
    return { items: rows.map(toSummaryView), total };
  }
}

/**
 * A leader's week: the entries of the issued (or amended) table naming the leader, in time order. A district
 * leader reads their own week (another leader's is FORBIDDEN); the office reads anyone's. No issued table
 * yet: an empty week with a null state.
 */
@Injectable()
export class LeaderWeek {
  constructor(@Inject(DATABASE) private readonly db: InstanceType<typeof MeetingsDatabase>) {}
  async execute(input: z.infer<typeof meetings.leaderWeek.input>, { actor }: RequestContext): Promise<z.infer<typeof meetings.leaderWeek.output>> {
    assertMayRead(actor);
    const office = hasAnyRole(actor, ['clerk', 'section-chief', 'deputy-director', 'director', 'auditor']);
    const leaderId = input.leaderId ?? actor.id;
    if (!office && leaderId !== actor.id) throw GovError.forbidden('a district leader reads their own week');
    const row = await this.db.weeklySchedule.findFirst({
      where: { weekMonday: input.weekMonday, state: { in: ISSUED } },
      include: { entries: { where: { excluded: false, leaderIds: { has: leaderId } }, orderBy: [{ startsAt: 'asc' }, { id: 'asc' }] } },
    });
    return {
      leaderId,
      weekMonday: input.weekMonday,
      scheduleId: row?.id ?? null,
      state: (row?.state as meetings.WeeklyScheduleView['state']) ?? null,
      entries: (row?.entries ?? []).map(toEntryView),
    };
  }
}
