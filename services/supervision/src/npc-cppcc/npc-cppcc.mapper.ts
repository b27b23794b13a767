import { toHistoryEntry, type supervision } from '@gov/contracts';
import type { NpcCppccHistory, NpcCppccItem, NpcCppccUnit } from '../generated/prisma/client.js';

type View = supervision.NpcItemView;
type Row = NpcCppccItem & { units: NpcCppccUnit[] };

/** The lead unit first, then the co-units by code. */
function unitViews(rows: NpcCppccUnit[]): View['units'] {
  return [...rows]
    .sort((a, b) => (a.role === b.role ? a.unit.localeCompare(b.unit) : a.role === 'lead' ? -1 : 1))
    .map((u) => ({ unit: u.unit, role: u.role as 'lead' | 'co', responsiblePerson: u.responsiblePerson }));
}

export function toNpcSummary(row: Row): Omit<View, 'history'> {
  return {
    id: row.id,
    kind: row.kind as View['kind'],
    externalNumber: row.externalNumber,
    title: row.title,
    content: row.content,
    proposers: row.proposers as View['proposers'],
    state: row.state as View['state'],
    receivedOn: row.receivedOn,
    assignBy: row.assignBy,
    mode: row.mode as View['mode'],
    round: row.round,
    assignedOn: row.assignedOn,
    assignedLate: row.assignedLate,
    midpointCheckOn: row.midpointCheckOn,
    midpointCheckedOn: row.midpointCheckedOn,
    sendBackBy: row.sendBackBy,
    replyBy: row.replyBy,
    replyLatestBy: row.replyLatestBy,
    replyDueOn: row.replyDueOn,
    explainedOn: row.explainedOn,
    reopenedOn: row.reopenedOn,
    repliedOn: row.repliedOn,
    repliedLate: row.repliedLate,
    grade: row.grade as View['grade'],
    replyReference: row.replyReference,
    response: row.response as View['response'],
    closedAt: row.closedAt?.toISOString() ?? null,
    units: unitViews(row.units),
  };
}

export function toNpcView(row: Row & { history: NpcCppccHistory[] }): View {
  return { ...toNpcSummary(row), history: row.history.map(toHistoryEntry) };
}

export const NPC_INCLUDE = { units: true, history: { orderBy: { seq: 'asc' } } } as const;
