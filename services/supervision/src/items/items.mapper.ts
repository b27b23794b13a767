import { toHistoryEntry, type supervision } from '@gov/contracts';
import type { SupervisionItem, SupervisionItemAssignee, SupervisionItemHistory } from '../generated/prisma/client.js';

type View = supervision.SupervisionItemView;
type Row = SupervisionItem & { assignees: SupervisionItemAssignee[] };


/** The lead unit first, then the co-units by code. */
function assigneeViews(rows: SupervisionItemAssignee[]): View['assignees'] {
  return [...rows]
    .sort((a, b) => (a.role === b.role ? a.unit.localeCompare(b.unit) : a.role === 'lead' ? -1 : 1))
    .map((a) => ({ unit: a.unit, role: a.role as 'lead' | 'co', responsiblePerson: a.responsiblePerson }));
}

export function toSummaryView(item: Row): Omit<View, 'history'> {
  const source = item.source as { origin?: string } | null;
  return {
    id: item.id,
    registerNumber: item.registerNumber,
    title: item.title,
    content: item.content,
    sourceKind: item.sourceKind,
    sourceReference: source?.origin ?? null,
    class: item.itemClass as View['class'],
    state: item.state as View['state'],
    round: item.round,
    openedAt: item.openedAt.toISOString(),
    openedBy: { id: item.openedById, name: item.openedByName },
    admittedAt: item.admittedAt?.toISOString() ?? null,
    assignedAt: item.assignedAt?.toISOString() ?? null,
    assignedOn: item.assignedOn,
    dueOn: item.dueOn,
    dueSetBy: item.dueSetBy,
    assignees: assigneeViews(item.assignees),
  };
}

export function toView(item: Row & { history: SupervisionItemHistory[] }): View {
  return { ...toSummaryView(item), history: item.history.map(toHistoryEntry) };
}

/** What every read and write returns: the item with its units and its history in order. */
export const ITEM_INCLUDE = { assignees: true, history: { orderBy: { seq: 'asc' } } } as const;
