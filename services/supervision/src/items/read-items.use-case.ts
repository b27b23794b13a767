import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { GovError, supervision } from '@gov/contracts';
import { hasAnyRole, type Actor } from '@gov/auth';
import { CALENDAR, CLOCK, DATABASE, type RequestContext } from '@gov/service-kit';
import type { CalendarStore } from '@gov/messaging';
import { toIsoDate, type Clock } from '@gov/calendar';
import { colourRank, overdue } from './deadlines.rules.js';
import { OPEN_STATES } from './daily-checks.use-case.js';
import type { SupervisionDatabase } from '../database.js';
import { ITEM_INCLUDE, toSummaryView, toView } from './items.mapper.js';
import { NO_SUCH_ITEM } from './admit-item.use-case.js';

/** Office roles that read every supervision item (a district leader reads the feedback it may instruct on again). */
const OFFICE_READERS = ['supervisor', 'director', 'deputy-director', 'district-leader', 'auditor'] as const;

/** The unit an actor is limited to: null for the office readers, the actor's unit for a unit liaison. */
function readScope(actor: Actor): { unit: string | null } {
  if (hasAnyRole(actor, OFFICE_READERS)) return { unit: null };
  if (hasAnyRole(actor, ['unit-liaison'])) return { unit: actor.unit };
  throw GovError.forbidden('you may not read supervision items');
}

/**
 * One item with its units and full history. A unit liaison sees only items handed to its unit; another
 * item gets exactly the answer an unknown id gets (NOT_FOUND).
 */
@Injectable()
export class GetSupervisionItem {
  constructor(@Inject(DATABASE) private readonly db: InstanceType<typeof SupervisionDatabase>) {}

  async execute({ id }: { id: string }, { actor }: RequestContext): Promise<supervision.SupervisionItemView> {
    const scope = readScope(actor);
    const item = await this.db.supervisionItem.findFirst({
      where: { id, ...(scope.unit ? { assignees: { some: { unit: scope.unit } } } : {}) },
      include: ITEM_INCLUDE,
    });
    if (!item) throw NO_SUCH_ITEM();
    return toView(item);
  }
}

type ListInput = z.infer<typeof supervision.listItems.input>;
type ListOutput = z.infer<typeof supervision.listItems.output>;

/**
 * Supervision items, newest first, by state and unit. A unit liaison's list is its own unit's items (the
 * filter is in the query, so `total` counts only those); asking for another unit's is FORBIDDEN.
 */
@Injectable()
export class ListSupervisionItems {
  constructor(@Inject(DATABASE) private readonly db: InstanceType<typeof SupervisionDatabase>) {}

  async execute(input: ListInput, { actor }: RequestContext): Promise<ListOutput> {
    const scope = readScope(actor);
    if (scope.unit && input.unit && input.unit !== scope.unit) {
      throw GovError.forbidden("a unit liaison reads only its own unit's items", { unit: input.unit });
    }
    const unit = scope.unit ?? input.unit;
    const where = {
      ...(input.state ? { state: input.state } : {}),
      ...(unit ? { assignees: { some: { unit } } } : {}),
    };
    const [rows, total] = await Promise.all([
      this.db.supervisionItem.findMany({
        where,
        include: { assignees: true },
        orderBy: [{ registerYear: 'desc' }, { registerSeq: 'desc' }],
        take: input.limit,
        skip: input.offset,
      }),
      this.db.supervisionItem.count({ where }),
    ]);
    return { items: rows.map(toSummaryView), total };
  }
}

type MineInput = z.infer<typeof supervision.myItems.input>;

/**
 * My items (我的督查事项): a unit liaison's are its unit's items; the office readers' are all items. Open items
 * come first by due date (the nearest first), then the rest, newest first.
 */
@Injectable()
export class MySupervisionItems {
  constructor(@Inject(DATABASE) private readonly db: InstanceType<typeof SupervisionDatabase>) {}

  async execute(input: MineInput, { actor }: RequestContext): Promise<ListOutput> {
    const scope = readScope(actor);
    const where = {
      ...(input.state ? { state: input.state } : {}),
      ...(scope.unit ? { assignees: { some: { unit: scope.unit } } } : {}),
    };
    const [rows, total] = await Promise.all([
      this.db.supervisionItem.findMany({
        where,
        include: { assignees: true },
        orderBy: [{ dueOn: { sort: 'asc', nulls: 'last' } }, { registerYear: 'desc' }, { registerSeq: 'desc' }],
        take: input.limit,
        skip: input.offset,
      }),
      this.db.supervisionItem.count({ where }),
    ]);
    return { items: rows.map(toSummaryView), total };
  }
}

type BoardInput = z.infer<typeof supervision.overdueBoard.input>;
type BoardOutput = z.infer<typeof supervision.overdueBoard.output>;

/**
 * The overdue board (逾期督办一览): open items (assigned, in progress, report awaiting review) past their due
 * date on `asOf` (default today), with the colour of the last notice issued and the overdue days (calendar and
 * working; the due date itself is on time). Most severe colour first, then the most overdue. `byColour`
 * counts every overdue item the caller sees; `colour` filters the entries. A unit liaison sees its own unit's.
 */
@Injectable()
export class OverdueBoard {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof SupervisionDatabase>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CALENDAR) private readonly calendars: CalendarStore,
  ) {}

  async execute(input: BoardInput, { actor }: RequestContext): Promise<BoardOutput> {
    const scope = readScope(actor);
    if (scope.unit && input.unit && input.unit !== scope.unit) {
      throw GovError.forbidden("a unit liaison reads only its own unit's items", { unit: input.unit });
    }
    const unit = scope.unit ?? input.unit;
    const asOf = input.asOf ?? toIsoDate(this.clock.now());
    const rows = await this.db.supervisionItem.findMany({
      where: {
        state: { in: [...OPEN_STATES] },
        dueOn: { lt: asOf },
        ...(unit ? { assignees: { some: { unit } } } : {}),
      },
      include: { assignees: true },
    });
    const all = rows.map((row) => {
      const late = overdue(this.calendars.calendar, row.dueOn!, asOf);
      return {
        item: toSummaryView(row),
        leadUnit: row.assignees.find((a) => a.role === 'lead')?.unit ?? null,
        colour: row.colour as BoardOutput['entries'][number]['colour'],
        overdueCalendarDays: late.calendarDays,
        overdueWorkingDays: late.workingDays,
      };
    });
    const byColour = { none: 0, blue: 0, yellow: 0, orange: 0, red: 0 };
    for (const e of all) byColour[e.colour ?? 'none'] += 1;
    const entries = all
      .filter((e) => !input.colour || e.colour === input.colour)
      .sort((a, b) => colourRank(b.colour) - colourRank(a.colour) || b.overdueCalendarDays - a.overdueCalendarDays || a.item.registerNumber.localeCompare(b.item.registerNumber));
    return { asOf, entries, byColour };
  }
}
