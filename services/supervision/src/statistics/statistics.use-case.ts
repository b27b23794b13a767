import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { GovError, supervision } from '@gov/contracts';
import { hasAnyRole } from '@gov/auth';
import { toIsoDate, type Clock, type IsoDate } from '@gov/calendar';
import type { CalendarStore } from '@gov/messaging';
import { CALENDAR, CLOCK, DATABASE, type RequestContext } from '@gov/service-kit';
import type { SupervisionDatabase } from '../database.js';
import { overdue } from '../items/deadlines.rules.js';
import { calendarDaysBetween } from '../items/periods.js';
import { periodRange } from './statistics.period.js';
import { supervisionTables } from './supervision-tables.js';

/** Who reads the statistics: 督查室, the office leaders and the auditor. */
export const STATISTICS_READERS = ['supervisor', 'director', 'deputy-director', 'auditor'] as const;

interface ItemRow {
  id: string;
  register_number: string;
  source_kind: string;
  lead_unit: string | null;
  due_on: string | null;
  opened_on: string;
  closed_on: string | null;
  state: string;
}

interface NpcRow {
  kind: string;
  received_on: string;
  closed_on: string | null;
  state: string;
  grade: string | null;
  lead_unit: string | null;
  reply_due_on: string | null;
  replied_on: string | null;
}

type Report = supervision.SupervisionReport;
type NpcBucket = supervision.NpcStatisticsBucket;
const emptyNpcBucket = (key: string): NpcBucket => ({ key, items: 0, received: 0, closed: 0, replyOverdue: 0, replyOverdueCalendarDays: 0 });
type Bucket = supervision.StatisticsBucket;

const emptyBucket = (key: string): Bucket => ({
  key, items: 0, opened: 0, closed: 0, overdue: 0, overdueCalendarDays: 0, overdueWorkingDays: 0, maxOverdueCalendarDays: 0,
});

/**
 * A monthly, half-year or annual report of supervision items (issue 5 §7). One SQL query reads every item of
 * the period: opened on or before its last day and not closed before its first day, with its lead unit, its
 * state at the period's end (the last history row up to then) and the day it closed (closed_at where the column
 * exists, else its 'closed' history row). Overdue days (deadlines.rules.ts `overdue`, calendar and working days
 * on the service calendar) run past dueOn up to the closing day or the period's end, whichever is first; for a
 * period not over yet, up to today. Titles are never in the report. Suggestions and proposals are a second part
 * (npcPart).
 */
@Injectable()
export class GetSupervisionReport {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof SupervisionDatabase>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CALENDAR) private readonly calendars: CalendarStore,
  ) {}

  async execute(input: z.infer<typeof supervision.supervisionReport.input>, { actor }: RequestContext): Promise<Report> {
    if (!hasAnyRole(actor, STATISTICS_READERS)) {
      throw GovError.forbidden('the statistics are for 督查室 and the office leaders', { requiredRoles: [...STATISTICS_READERS] });
    }
    const { from, to } = periodRange(input.period);
    const today = toIsoDate(this.clock.now());
    const countedTo: IsoDate = today < to ? today : to;
    const tables = await supervisionTables(this.db);
    const historyClosed = `(SELECT min(h.at) FROM supervision_item_history h WHERE h.item_id = i.id AND h.to_state = 'closed')`;
    const closedAt = tables.closedAt ? `COALESCE(i.closed_at, ${historyClosed})` : historyClosed;
    const rows = await this.db.$queryRawUnsafe<ItemRow[]>(
      `WITH bounds AS (SELECT (($2::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') AS period_end)
       SELECT i.id::text AS id, i.register_number, i.source_kind,
              (SELECT a.unit FROM supervision_item_assignee a WHERE a.item_id = i.id AND a.role = 'lead' LIMIT 1) AS lead_unit,
              i.due_on,
              to_char(i.opened_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS opened_on,
              to_char(c.closed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS closed_on,
              COALESCE((SELECT h.to_state FROM supervision_item_history h
                         WHERE h.item_id = i.id AND h.at < b.period_end ORDER BY h.at DESC, h.seq DESC LIMIT 1), i.state) AS state
         FROM supervision_item i
         CROSS JOIN bounds b
         CROSS JOIN LATERAL (SELECT ${closedAt} AS closed_at) c
        WHERE i.opened_at < b.period_end
          AND (c.closed_at IS NULL OR c.closed_at >= ($1::date::timestamp AT TIME ZONE 'Asia/Shanghai'))
        ORDER BY i.register_year, i.register_seq`,
      from,
      to,
    );

    const calendar = this.calendars.calendar;
    const total = emptyBucket('total');
    const buckets = { source: new Map<string, Bucket>(), unit: new Map<string, Bucket>(), state: new Map<string, Bucket>() };
    const overdueItems: Report['overdueItems'] = [];
    const add = (map: Map<string, Bucket>, key: string, f: (b: Bucket) => void) => {
      const b = map.get(key) ?? emptyBucket(key);
      f(b);
      map.set(key, b);
    };
    for (const r of rows) {
      // closed within the period: counted to the closing day; otherwise to the period's end (or today).
      const closedInPeriod = r.closed_on !== null && r.closed_on <= to;
      const end = closedInPeriod ? r.closed_on! : countedTo;
      const late = r.due_on ? overdue(calendar, r.due_on, end) : { overdue: false, calendarDays: 0, workingDays: 0 };
      const count = (b: Bucket) => {
        b.items += 1;
        b.opened += r.opened_on >= from ? 1 : 0;
        b.closed += closedInPeriod ? 1 : 0;
        if (late.overdue) {
          b.overdue += 1;
          b.overdueCalendarDays += late.calendarDays;
          b.overdueWorkingDays += late.workingDays;
          b.maxOverdueCalendarDays = Math.max(b.maxOverdueCalendarDays, late.calendarDays);
        }
      };
      count(total);
      add(buckets.source, r.source_kind, count);
      add(buckets.unit, r.lead_unit ?? '(unassigned)', count);
      add(buckets.state, r.state, count);
      if (late.overdue) {
        overdueItems.push({
          itemId: r.id,
          registerNumber: r.register_number,
          sourceKind: r.source_kind,
          leadUnit: r.lead_unit,
          state: r.state,
          dueOn: r.due_on!,
          countedTo: end,
          calendarDays: late.calendarDays,
          workingDays: late.workingDays,
        });
      }
    }
    const npcCppcc = await this.npcPart(from, to, countedTo);
    const sorted = (m: Map<string, Bucket>) => [...m.values()].sort((a, b) => b.items - a.items || a.key.localeCompare(b.key));
    overdueItems.sort((a, b) => b.calendarDays - a.calendarDays || a.registerNumber.localeCompare(b.registerNumber));
    return {
      period: input.period,
      from,
      to,
      countedTo,
      total,
      bySourceKind: sorted(buckets.source),
      byLeadUnit: sorted(buckets.unit),
      byState: sorted(buckets.state),
      npcCppcc,
      overdueItems,
    };
  }

  /**
   * Suggestions and proposals of the period, in one more query: received on or before its last day and not closed
   * before its first; state at the period's end from their history ('received' when recorded only later). A reply is overdue when it came after its
   * current due date, or has not come by `countedTo` (for a reply given after the period, by the period's end).
   */
  private async npcPart(from: IsoDate, to: IsoDate, countedTo: IsoDate): Promise<Report['npcCppcc']> {
    const rows = await this.db.$queryRawUnsafe<NpcRow[]>(
      `WITH bounds AS (SELECT (($2::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') AS period_end)
       SELECT n.kind, n.received_on, to_char(n.closed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS closed_on,
              COALESCE((SELECT h.to_state FROM npc_cppcc_history h WHERE h.item_id = n.id AND h.at < b.period_end
                         ORDER BY h.at DESC, h.seq DESC LIMIT 1), 'received') AS state,
              n.grade, n.reply_due_on, n.replied_on,
              (SELECT u.unit FROM npc_cppcc_unit u WHERE u.item_id = n.id AND u.role = 'lead' ORDER BY u.unit LIMIT 1) AS lead_unit
         FROM npc_cppcc_item n CROSS JOIN bounds b
        WHERE n.received_on <= $2::text AND (n.closed_at IS NULL OR n.closed_at >= ($1::date::timestamp AT TIME ZONE 'Asia/Shanghai'))`,
      from,
      to,
    );
    const total = emptyNpcBucket('total');
    const maps = { kind: new Map<string, NpcBucket>(), state: new Map<string, NpcBucket>(), grade: new Map<string, NpcBucket>(), unit: new Map<string, NpcBucket>() };
    for (const r of rows) {
      const replied = r.replied_on !== null && r.replied_on <= to ? r.replied_on : null;
      const end = replied ?? countedTo;
      const lateDays = r.reply_due_on && end > r.reply_due_on ? calendarDaysBetween(r.reply_due_on, end) : 0;
      const count = (b: NpcBucket) => {
        b.items += 1;
        b.received += r.received_on >= from ? 1 : 0;
        b.closed += r.closed_on !== null && r.closed_on <= to ? 1 : 0;
        if (lateDays > 0) {
          b.replyOverdue += 1;
          b.replyOverdueCalendarDays += lateDays;
        }
      };
      count(total);
      for (const [map, key] of [
        [maps.kind, r.kind],
        [maps.state, r.state],
        [maps.grade, replied ? (r.grade ?? 'none') : 'none'],
        [maps.unit, r.lead_unit ?? '(unassigned)'],
      ] as const) {
        const b = map.get(key) ?? emptyNpcBucket(key);
        count(b);
        map.set(key, b);
      }
    }
    const sorted = (m: Map<string, NpcBucket>) => [...m.values()].sort((a, b) => b.items - a.items || a.key.localeCompare(b.key));
    return { total, byKind: sorted(maps.kind), byState: sorted(maps.state), byGrade: sorted(maps.grade), byLeadUnit: sorted(maps.unit) };
  }
}
