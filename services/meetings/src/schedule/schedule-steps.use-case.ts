import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { addCalendarDays, type Clock, type IsoDate } from '@gov/calendar';
import { GovError, meetings, type EventContract } from '@gov/contracts';
import type { CalendarStore } from '@gov/messaging';
import { CALENDAR, CLOCK, DATABASE, UNIT_OF_WORK, recordChange, type RequestContext, type UnitOfWork } from '@gov/service-kit';
import type { MeetingsDatabase, MeetingsTx } from '../database.js';
import type { MeetingRequest, Prisma, WeeklySchedule, WeeklyScheduleEntry } from '../generated/prisma/client.js';
import { MEETINGS_SETTINGS } from '../meetings/settings.module.js';
import type { MeetingsSettings } from '../meetings/settings.js';
import {
  amendmentNotices,
  assertEntriesComplete,
  assertEntriesInWeek,
  detectConflicts,
  issueDeadline,
  issueTimeliness,
  nextScheduleState,
  type ScheduleAction,
  type ScheduleConflict,
  type ScheduleEntry,
  type ScheduleState,
} from './weekly-schedule.rules.js';
import { conflictsOf, includedEntries, SCHEDULE_INCLUDE, toConflictView, toRuleEntry, toView } from './schedule.mapper.js';

export const NO_SUCH_SCHEDULE = () => GovError.notFound('no such weekly schedule');
const CHANGED_MEANWHILE = () => GovError.conflict('the weekly schedule was changed meanwhile; reload it and try again');

type View = meetings.WeeklyScheduleView;
type Row = WeeklySchedule & { entries: WeeklyScheduleEntry[] };
type EntryInput = z.infer<typeof meetings.ScheduleEntryInputSchema>;
type ChangeInput = z.infer<typeof meetings.EntryChangeInputSchema>;

/** Requests whose approval puts their item in the table (approved, then replied to). */
const APPROVED_REQUEST_STATES = ['approved', 'replied', 'archived'];
/** A request without an end time takes this long in the table (the seeds give no default; RULES.md D22). */
const DEFAULT_REQUEST_DURATION_MS = 60 * 60_000;

function beijingDayStart(date: IsoDate): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

function entryRow(scheduleId: string, e: EntryInput, now: Date): Prisma.WeeklyScheduleEntryCreateManyInput {
  return {
    id: randomUUID(),
    scheduleId,
    source: e.source,
    startsAt: new Date(e.startsAt),
    endsAt: new Date(e.endsAt),
    place: e.place,
    content: e.content,
    leaderIds: e.leaderIds,
    hostUnit: e.hostUnit,
    accompanyingSections: e.accompanyingSections,
    addedAt: now,
  };
}

/** The table item of an approved request: its time (DA4: 1 hour without an end), place, title, proposed leaders, unit. */
function requestEntryRow(scheduleId: string, r: MeetingRequest, now: Date): Prisma.WeeklyScheduleEntryCreateManyInput {
  return {
    id: randomUUID(),
    scheduleId,
    source: 'approved-request',
    requestId: r.id,
    startsAt: r.startsAt!,
    endsAt: r.endsAt ?? new Date(r.startsAt!.getTime() + DEFAULT_REQUEST_DURATION_MS),
    place: r.place ?? '',
    content: r.title,
    leaderIds: r.proposedLeaderIds,
    hostUnit: r.requestingUnit,
    accompanyingSections: [],
    addedAt: now,
  };
}

/** The entries after applying `changes` (in memory), BAD_USER_INPUT for an unknown entry or an inverted time. */
function applyChanges(entries: readonly WeeklyScheduleEntry[], changes: readonly ChangeInput[]): WeeklyScheduleEntry[] {
  const byId = new Map(entries.map((e) => [e.id, { ...e }]));
  for (const c of changes) {
    const e = byId.get(c.entryId);
    if (!e || e.excluded) throw GovError.badInput(`no entry ${c.entryId} in this table`, { entryId: c.entryId });
    if (c.removeReason) {
      e.excluded = true;
      e.excludedReason = c.removeReason;
      continue;
    }
    if (c.startsAt) e.startsAt = new Date(c.startsAt);
    if (c.endsAt) e.endsAt = new Date(c.endsAt);
    if (c.place) e.place = c.place;
    if (c.leaderIds) e.leaderIds = c.leaderIds;
    if (e.endsAt.getTime() <= e.startsAt.getTime()) throw GovError.badInput(`entry ${e.id} would end before it starts`, { entryId: e.id });
  }
  return [...byId.values()];
}

async function writeEntryChanges(tx: MeetingsTx, before: readonly WeeklyScheduleEntry[], after: readonly WeeklyScheduleEntry[]): Promise<void> {
  const old = new Map(before.map((e) => [e.id, e]));
  for (const e of after) {
    const prev = old.get(e.id);
    if (!prev) continue;
    if (
      prev.excluded !== e.excluded ||
      prev.startsAt.getTime() !== e.startsAt.getTime() ||
      prev.endsAt.getTime() !== e.endsAt.getTime() ||
      prev.place !== e.place ||
      prev.leaderIds.join('|') !== e.leaderIds.join('|')
    ) {
      await tx.weeklyScheduleEntry.update({
        where: { id: e.id },
        data: { excluded: e.excluded, excludedReason: e.excludedReason, startsAt: e.startsAt, endsAt: e.endsAt, place: e.place, leaderIds: e.leaderIds },
      });
    }
  }
}

interface Step {
  action: ScheduleAction;
  reason?: string | undefined;
  /** checks on the loaded table before the state table is read (e.g. conflicts after a resolution) */
  openConflicts?: (row: Row) => ScheduleConflict[];
  guard?: (row: Row, now: Date) => void;
  data?: (row: Row, to: ScheduleState, now: Date) => Prisma.WeeklyScheduleUpdateManyMutationInput;
  write?: (tx: MeetingsTx, row: Row, now: Date) => Promise<void>;
  details?: (row: Row, now: Date) => Record<string, unknown>;
  event?: (row: Row, now: Date) => { contract: EventContract<z.ZodType>; data: unknown } | undefined;
  /** a further automatic transition in the same transaction (draft → in-conflict) */
  then?: (row: Row, to: ScheduleState) => { action: ScheduleAction; details: Record<string, unknown> } | undefined;
}

/** One transition of a weekly table: table and guards first, then state, entries, history, audit, event in one transaction. */
@Injectable()
export class ScheduleTransitions {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof MeetingsDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<MeetingsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
    /** The section's settings, read by the steps that run through these transitions too. */
    @Inject(MEETINGS_SETTINGS) readonly settings: MeetingsSettings,
  ) {}

  async run(id: string, step: Step, context: RequestContext): Promise<View> {
    const { actor } = context;
    const now = this.clock.now();
    const current = await this.db.weeklySchedule.findUnique({ where: { id }, include: { entries: true } });
    if (!current) throw NO_SUCH_SCHEDULE();
    const from = current.state as ScheduleState;
    const posts = { 'party-secretary': current.partySecretaryId, 'district-mayor': current.districtMayorId };
    const open = step.openConflicts ? step.openConflicts(current) : conflictsOf(current.entries, this.settings.schedule);
    const to = nextScheduleState(from, step.action, actor, { posts, openConflicts: open });
    step.guard?.(current, now);
    const next = step.then?.(current, to);
    const final = next ? nextScheduleState(to, next.action, actor, { posts, openConflicts: open }) : to;

    const row = await this.uow.run(async (tx) => {
      const { count } = await tx.weeklySchedule.updateMany({
        where: { id, version: current.version },
        data: { ...(step.data?.(current, to, now) ?? {}), state: final, version: { increment: 1 } },
      });
      if (count !== 1) throw CHANGED_MEANWHILE();
      await step.write?.(tx, current, now);
      const details = { weekMonday: current.weekMonday, ...(step.details?.(current, now) ?? {}) };
      const history = [{ action: step.action, fromState: from, toState: to, details }];
      if (next) history.push({ action: next.action, fromState: to, toState: final, details: { weekMonday: current.weekMonday, ...next.details } });
      for (const h of history) {
        await tx.weeklyScheduleHistory.create({
          data: { scheduleId: id, at: now, actorId: actor.id, actorName: actor.name, action: h.action, fromState: h.fromState, toState: h.toState, reason: step.reason ?? null, details: h.details as never },
        });
      }
      const event = step.event?.(current, now);
      await recordChange(tx, context, {
        at: now,
        entityType: 'weekly-schedule',
        entityId: id,
        action: `weekly-schedule.${step.action}`,
        details: { ...details, from, to: final, ...(step.reason ? { reason: step.reason } : {}) },
        ...(event ? { event: event as never } : {}),
      });
      return tx.weeklySchedule.findUniqueOrThrow({ where: { id }, include: SCHEDULE_INCLUDE });
    });
    return toView(row, this.settings.schedule);
  }
}

/**
 * 收集 (seed 000 L34; seed 001 L444): the clerk opens the week's table with the items entered by hand (leaders'
 * own arrangements, the NPC, CPPCC and discipline-commission offices' pre-arrangements), and every approved
 * request of that week is collected with them. One table per week.
 */
@Injectable()
export class CollectWeeklySchedule {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof MeetingsDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<MeetingsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CALENDAR) private readonly calendars: CalendarStore,
    @Inject(MEETINGS_SETTINGS) private readonly settings: MeetingsSettings,
  ) {}

  async execute(input: z.infer<typeof meetings.collectSchedule.input>, context: RequestContext): Promise<View> {
    const { actor } = context;
    const now = this.clock.now();
    const state = nextScheduleState(null, 'collect', actor, { posts: {}, openConflicts: [] });
    const id = randomUUID();
    const manual = input.entries.map((e) => entryRow(id, e, now));
    // Every hand-entered item lies in the week (weekMonday must be a Monday); completeness is the zod schema's.
    assertEntriesInWeek(manual.map((e) => ({ ...(e as unknown as ScheduleEntry), leaderIds: e.leaderIds as string[] })), input.weekMonday);
    const { dueAt } = issueDeadline(this.calendars.calendar, input.weekMonday, this.settings.schedule, this.settings.time);
    if (await this.db.weeklySchedule.findUnique({ where: { weekMonday: input.weekMonday } })) {
      throw GovError.conflict(`the week of ${input.weekMonday} already has its table`, { weekMonday: input.weekMonday });
    }
    const weekStart = beijingDayStart(input.weekMonday);
    const weekEnd = beijingDayStart(addCalendarDays(input.weekMonday, 7));

    const row = await this.uow.run(async (tx) => {
      const approved = await tx.meetingRequest.findMany({
        where: { state: { in: APPROVED_REQUEST_STATES }, startsAt: { gte: weekStart, lt: weekEnd } },
        orderBy: { startsAt: 'asc' },
      });
      const fromRequests = approved.map((r) => requestEntryRow(id, r, now));
      await tx.weeklySchedule.create({
        data: {
          id,
          weekMonday: input.weekMonday,
          state,
          partySecretaryId: input.partySecretaryId,
          districtMayorId: input.districtMayorId,
          issueDueAt: dueAt,
          collectedAt: now,
          collectedById: actor.id,
        },
      });
      if (manual.length + fromRequests.length > 0) await tx.weeklyScheduleEntry.createMany({ data: [...manual, ...fromRequests] });
      const details = { weekMonday: input.weekMonday, manualEntries: manual.length, approvedRequests: approved.map((r) => r.registerNumber), issueDueAt: dueAt.toISOString() };
      await tx.weeklyScheduleHistory.create({
        data: { scheduleId: id, at: now, actorId: actor.id, actorName: actor.name, action: 'collect', fromState: null, toState: state, details: details as never },
      });
      await recordChange(tx, context, { at: now, entityType: 'weekly-schedule', entityId: id, action: 'weekly-schedule.collect', details });
      return tx.weeklySchedule.findUniqueOrThrow({ where: { id }, include: SCHEDULE_INCLUDE });
    });
    return toView(row, this.settings.schedule);
  }
}

/** 审查: excluded items keep their reason; every item kept is complete and within the week. */
@Injectable()
export class ScreenWeeklySchedule {
  constructor(private readonly steps: ScheduleTransitions) {}
  execute(input: z.infer<typeof meetings.screenSchedule.input>, context: RequestContext): Promise<View> {
    const excluded = new Map(input.exclusions.map((x) => [x.entryId, x.reason]));
    return this.steps.run(
      input.id,
      {
        action: 'screen',
        guard: (row) => {
          const known = new Set(row.entries.map((e) => e.id));
          const unknown = [...excluded.keys()].filter((k) => !known.has(k));
          if (unknown.length) throw GovError.badInput('unknown entries', { unknown });
          const kept = row.entries.filter((e) => !e.excluded && !excluded.has(e.id)).map(toRuleEntry);
          assertEntriesComplete(kept);
          assertEntriesInWeek(kept, row.weekMonday);
        },
        write: async (tx) => {
          for (const [entryId, reason] of excluded) {
            await tx.weeklyScheduleEntry.update({ where: { id: entryId }, data: { excluded: true, excludedReason: reason } });
          }
        },
        details: () => ({ excluded: Object.fromEntries(excluded) }),
      },
      context,
    );
  }
}

/**
 * 草表: the draft; conflicts in a leader's time or a venue are detected and the table is flagged at once for
 * the deputy director (seed 000 L36 "当区领导活动在时间安排或其他方面有冲突时，报分管副主任进行协调").
 */
@Injectable()
export class DraftWeeklySchedule {
  constructor(private readonly steps: ScheduleTransitions) {}
  execute(input: z.infer<typeof meetings.draftSchedule.input>, context: RequestContext): Promise<View> {
    return this.steps.run(
      input.id,
      {
        action: 'draft',
        then: (row) => {
          const conflicts = conflictsOf(row.entries, this.steps.settings.schedule);
          return conflicts.length ? { action: 'flag-conflict', details: { conflicts: conflicts.map(toConflictView) } } : undefined;
        },
      },
      context,
    );
  }
}

/** 协调: the deputy director moves, re-staffs or removes entries; refused (CONFLICT) while any conflict is left. */
@Injectable()
export class ResolveScheduleConflicts {
  constructor(private readonly steps: ScheduleTransitions) {}
  execute(input: z.infer<typeof meetings.resolveScheduleConflicts.input>, context: RequestContext): Promise<View> {
    let after: WeeklyScheduleEntry[] = [];
    return this.steps.run(
      input.id,
      {
        action: 'resolve-conflict',
        reason: input.reason,
        guard: (row) => {
          after = applyChanges(row.entries, input.changes);
          assertEntriesInWeek(includedEntries(after), row.weekMonday);
          const left = detectConflicts(includedEntries(after), this.steps.settings.schedule);
          if (left.length) throw GovError.conflict('conflicts remain after the changes', { conflicts: left.map(toConflictView) });
        },
        write: (tx, row) => writeEntryChanges(tx, row.entries, after),
        details: () => ({ changes: input.changes }),
      },
      context,
    );
  }
}

/**
 * 送审 and 呈批 (seed 000 L36–38): 科长 and 分管副主任 review (or send back, with a reason), the deputy presents it
 * to the director, who reads it; then the 书记 and the 区长 each approve, in either order — only the holder of
 * the post named on the table may approve as that post.
 */
@Injectable()
export class AdvanceWeeklySchedule {
  constructor(private readonly steps: ScheduleTransitions) {}
  execute(input: z.infer<typeof meetings.advanceSchedule.input>, context: RequestContext): Promise<View> {
    if (input.action === 'send-back' && !input.reason) throw GovError.badInput('send-back needs a reason');
    return this.steps.run(
      input.id,
      {
        action: input.action,
        reason: input.reason,
        data: (_row, _to, now) =>
          input.action === 'approve-as-party-secretary'
            ? { secretaryApprovedAt: now }
            : input.action === 'approve-as-district-mayor'
              ? { mayorApprovedAt: now }
              : {},
      },
      context,
    );
  }
}

/**
 * 发放 (seed 000 L38 "于周一下午下班前发至区领导和各单位"): only an approved table (both approvals; there is no
 * other `issue` row). After close of business on the Monday it is still issued, flagged late (SCENARIOS.md
 * seed000-a #4), and the event says so.
 */
@Injectable()
export class IssueWeeklySchedule {
  constructor(
    private readonly steps: ScheduleTransitions,
    @Inject(CALENDAR) private readonly calendars: CalendarStore,
  ) {}
  execute(input: z.infer<typeof meetings.issueSchedule.input>, context: RequestContext): Promise<View> {
    const timing = (row: Row, now: Date) => issueTimeliness(this.calendars.calendar, row.weekMonday, now, this.steps.settings.schedule, this.steps.settings.time);
    return this.steps.run(
      input.id,
      {
        action: 'issue',
        data: (row, _to, now) => ({ issuedAt: now, issuedLate: timing(row, now).late }),
        details: (row, now) => ({ late: timing(row, now).late, dueAt: timing(row, now).dueAt.toISOString() }),
        event: (row, now) => {
          const t = timing(row, now);
          const kept = includedEntries(row.entries);
          return {
            contract: meetings.scheduleIssued as never,
            data: {
              scheduleId: row.id,
              weekMonday: row.weekMonday,
              issuedAt: now.toISOString(),
              dueAt: t.dueAt.toISOString(),
              late: t.late,
              entryCount: kept.length,
              leaderIds: [...new Set(kept.flatMap((e) => [...e.leaderIds]))].sort(),
              hostUnits: [...new Set(kept.map((e) => e.hostUnit))].sort(),
              issuedBy: context.actor.id,
            },
          };
        },
      },
      context,
    );
  }
}

/**
 * 更改 (seed 000 L40; L136 跟会科室): entries added, changed or removed on an issued table; everyone concerned
 * is named in `gov.meetings.schedule.amended`. An amendment that changes nothing is BAD_USER_INPUT; one that
 * makes a leader's times clash is CONFLICT. No new approval (RULES.md D10).
 */
@Injectable()
export class AmendWeeklySchedule {
  constructor(
    private readonly steps: ScheduleTransitions,
    @Inject(DATABASE) private readonly db: InstanceType<typeof MeetingsDatabase>,
  ) {}
  async execute(input: z.infer<typeof meetings.amendSchedule.input>, context: RequestContext): Promise<View> {
    let after: WeeklyScheduleEntry[] = [];
    let added: Prisma.WeeklyScheduleEntryCreateManyInput[] = [];
    let notices: ReturnType<typeof amendmentNotices> | undefined;
    const requests = input.addRequestIds.length
      ? await this.db.meetingRequest.findMany({ where: { id: { in: input.addRequestIds } } })
      : [];
    const prepare = (row: Row, now: Date) => {
      const notApproved = input.addRequestIds.filter((rid) => !requests.some((r) => r.id === rid && APPROVED_REQUEST_STATES.includes(r.state) && r.startsAt));
      if (notApproved.length) throw GovError.badInput('only approved requests with a time join the table', { requestIds: notApproved });
      const present = requests.filter((r) => row.entries.some((e) => e.requestId === r.id)).map((r) => r.id);
      if (present.length) throw GovError.conflict('these requests are already in the table', { requestIds: present });
      added = [...input.add.map((e) => entryRow(row.id, e, now)), ...requests.map((r) => requestEntryRow(row.id, r, now))];
      assertEntriesComplete(added.map((e) => ({ ...(e as unknown as ScheduleEntry), leaderIds: e.leaderIds as string[] })));
      after = applyChanges(row.entries, input.changes);
      const addedEntries = added.map((e) => ({ ...e, excluded: false, excludedReason: null }) as unknown as WeeklyScheduleEntry);
      const afterIncluded = includedEntries([...after, ...addedEntries]);
      assertEntriesInWeek(afterIncluded, row.weekMonday);
      notices = amendmentNotices(includedEntries(row.entries), afterIncluded);
      if (notices.changes.length === 0) throw GovError.badInput('the amendment changes nothing');
      const conflicts = detectConflicts(afterIncluded, this.steps.settings.schedule).filter((c) => c.kind === 'leader-time');
      if (conflicts.length) throw GovError.conflict('the amendment makes a leader’s times clash', { conflicts: conflicts.map(toConflictView) });
    };
    return this.steps.run(
      input.id,
      {
        action: 'amend',
        reason: input.reason,
        guard: (row, now) => prepare(row, now),
        data: () => ({ amendmentCount: { increment: 1 } }),
        write: async (tx, row) => {
          await writeEntryChanges(tx, row.entries, after);
          if (added.length) await tx.weeklyScheduleEntry.createMany({ data: added });
        },
        details: (row) => ({ amendmentNo: row.amendmentCount + 1, changes: notices!.changes }),
        event: (row, now) => ({
          contract: meetings.scheduleAmended as never,
          data: {
            scheduleId: row.id,
            weekMonday: row.weekMonday,
            amendmentNo: row.amendmentCount + 1,
            changes: notices!.changes,
            notifyLeaderIds: notices!.leaders,
            notifyUnits: notices!.units,
            notifySections: notices!.sections,
            amendedAt: now.toISOString(),
            amendedBy: context.actor.id,
          },
        }),
      },
      context,
    );
  }
}
