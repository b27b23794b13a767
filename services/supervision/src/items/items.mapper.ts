import { toHistoryEntry, type supervision } from '@gov/contracts';
import type {
  Prisma,
  SupervisionItem,
  SupervisionItemAssignee,
  SupervisionItemHistory,
  SupervisionNotice,
  SupervisionReminder,
  SupervisionReport,
} from '../generated/prisma/client.js';

type View = supervision.SupervisionItemView;
type Row = SupervisionItem & { assignees: SupervisionItemAssignee[] };
type FullRow = Row & {
  history: SupervisionItemHistory[];
  reminders: SupervisionReminder[];
  notices: SupervisionNotice[];
  reports: SupervisionReport[];
};

/** The lead unit first, then the co-units by code. */
function assigneeViews(rows: SupervisionItemAssignee[]): View['assignees'] {
  return [...rows]
    .sort((a, b) => (a.role === b.role ? a.unit.localeCompare(b.unit) : a.role === 'lead' ? -1 : 1))
    .map((a) => ({ unit: a.unit, role: a.role as 'lead' | 'co', responsiblePerson: a.responsiblePerson }));
}

/** The source's own words for where the item came from (a manual entry's origin, else the event's reference). */
function sourceReference(source: unknown): string | null {
  const s = source as { origin?: string; reference?: string } | null;
  return s?.origin ?? s?.reference ?? null;
}

export function toSummaryView(item: Row): supervision.SupervisionItemSummary {
  return {
    id: item.id,
    registerNumber: item.registerNumber,
    title: item.title,
    content: item.content,
    sourceKind: item.sourceKind,
    sourceReference: sourceReference(item.source),
    class: item.itemClass as View['class'],
    deadlineTable: item.deadlineTable as View['deadlineTable'],
    suddenDays: item.suddenDays,
    needsSeparateNotice: item.needsSeparateNotice,
    classification: item.classification,
    state: item.state as View['state'],
    round: item.round,
    openedAt: item.openedAt.toISOString(),
    openedBy: { id: item.openedById, name: item.openedByName },
    admittedAt: item.admittedAt?.toISOString() ?? null,
    assignedAt: item.assignedAt?.toISOString() ?? null,
    handOverBy: item.handOverBy,
    assignedOn: item.assignedOn,
    dueOn: item.dueOn,
    dueSetBy: item.dueSetBy,
    colour: item.colour as View['colour'],
    stoppedOn: item.stoppedOn,
    closedAt: item.closedAt?.toISOString() ?? null,
    archivedAt: item.archivedAt?.toISOString() ?? null,
    archiveTransferOn: item.archiveTransferOn,
    assignees: assigneeViews(item.assignees),
  };
}

export function toView(item: FullRow): View {
  return {
    ...toSummaryView(item),
    history: item.history.map(toHistoryEntry),
    reminders: item.reminders.map((r) => ({
      id: r.id,
      round: r.round,
      at: r.at.toISOString(),
      sentOn: r.sentOn,
      method: r.method,
      content: r.content,
      contactPerson: r.contactPerson,
      approvedBy: r.approvedBy,
      by: { id: r.byId, name: r.byName },
      noticeKey: r.noticeKey,
    })),
    notices: item.notices.map((n) => ({
      round: n.round,
      key: n.key,
      scheduledOn: n.scheduledOn,
      sentOn: n.sentOn,
      colour: n.colour as View['colour'],
      recordedAt: n.recordedAt.toISOString(),
    })),
    reports: item.reports.map((r) => ({
      id: r.id,
      round: r.round,
      submittedAt: r.submittedAt.toISOString(),
      submittedBy: { id: r.submittedById, name: r.submittedByName },
      fromUnit: r.fromUnit,
      form: r.form,
      signedByUnitHead: r.signedByUnitHead,
      sealed: r.sealed,
      summary: r.summary,
      outcome: r.outcome as 'submitted' | 'returned' | 'accepted',
      reasons: r.reasons as { code: string; note?: string }[],
      reviewedAt: r.reviewedAt?.toISOString() ?? null,
    })),
  };
}

/** What every read and write returns: the item with its units, history, reminders, notices and reports in order. */
export const ITEM_INCLUDE = {
  assignees: true,
  history: { orderBy: { seq: 'asc' } },
  reminders: { orderBy: { at: 'asc' } },
  notices: { orderBy: [{ round: 'asc' }, { scheduledOn: 'asc' }, { recordedAt: 'asc' }] },
  reports: { orderBy: { submittedAt: 'asc' } },
} satisfies Prisma.SupervisionItemInclude;
