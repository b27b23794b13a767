import { toHistoryEntry, type meetings } from '@gov/contracts';
import type { WeeklySchedule, WeeklyScheduleEntry, WeeklyScheduleHistory } from '../generated/prisma/client.js';
import { detectConflicts, type EntrySource, type ScheduleConflict, type ScheduleEntry, type ScheduleSettings } from './weekly-schedule.rules.js';

type View = meetings.WeeklyScheduleView;

export function toRuleEntry(e: WeeklyScheduleEntry): ScheduleEntry {
  return {
    id: e.id,
    source: e.source as EntrySource,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    place: e.place,
    content: e.content,
    leaderIds: e.leaderIds,
    hostUnit: e.hostUnit,
    accompanyingSections: e.accompanyingSections,
  };
}

/** The entries that are in the table (not screened out), in time order. */
export function includedEntries(entries: readonly WeeklyScheduleEntry[]): ScheduleEntry[] {
  return entries
    .filter((e) => !e.excluded)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id))
    .map(toRuleEntry);
}

export function conflictsOf(entries: readonly WeeklyScheduleEntry[], settings: ScheduleSettings): ScheduleConflict[] {
  return detectConflicts(includedEntries(entries), settings);
}

export function toConflictView(c: ScheduleConflict): View['conflicts'][number] {
  return { kind: c.kind, subject: c.kind === 'leader-time' ? c.leaderId : c.place, entryIds: [...c.entryIds] };
}

export function toEntryView(e: WeeklyScheduleEntry): View['entries'][number] {
  return {
    id: e.id,
    source: e.source as View['entries'][number]['source'],
    requestId: e.requestId,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    place: e.place,
    content: e.content,
    leaderIds: e.leaderIds,
    hostUnit: e.hostUnit,
    accompanyingSections: e.accompanyingSections,
    excluded: e.excluded,
    excludedReason: e.excludedReason,
  };
}

export function toSummaryView(s: WeeklySchedule): Omit<View, 'history' | 'entries' | 'conflicts'> {
  return {
    id: s.id,
    weekMonday: s.weekMonday,
    state: s.state as View['state'],
    partySecretaryId: s.partySecretaryId,
    districtMayorId: s.districtMayorId,
    secretaryApprovedAt: s.secretaryApprovedAt?.toISOString() ?? null,
    mayorApprovedAt: s.mayorApprovedAt?.toISOString() ?? null,
    issueDueAt: s.issueDueAt.toISOString(),
    issuedAt: s.issuedAt?.toISOString() ?? null,
    issuedLate: s.issuedLate,
    amendmentCount: s.amendmentCount,
  };
}

export function toView(s: WeeklySchedule & { entries: WeeklyScheduleEntry[]; history: WeeklyScheduleHistory[] }, settings: ScheduleSettings): View {
  const entries = [...s.entries].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id));
  return {
    ...toSummaryView(s),
    entries: entries.map(toEntryView),
    conflicts: conflictsOf(entries, settings).map(toConflictView),
    history: s.history.map(toHistoryEntry),
  };
}

export const SCHEDULE_INCLUDE = { entries: true, history: { orderBy: { seq: 'asc' } } } as const;
