import { toHistoryEntry, type meetings } from '@gov/contracts';
import type { ActivityPlan, ActivityPlanHistory } from '../generated/prisma/client.js';

type View = meetings.ActivityPlanView;

export function toSummaryView(p: ActivityPlan): Omit<View, 'history'> {
  return {
    id: p.id,
    kind: p.kind as View['kind'],
    title: p.title,
    startsAt: p.startsAt.toISOString(),
    place: p.place,
    foreignRelated: p.foreignRelated,
    lead: (p.lead as View['lead']) ?? null,
    plan: JSON.stringify(p.plan),
    state: p.state as View['state'],
    approvals: p.approvals,
    leaderInChargeId: p.leaderInChargeId,
    principalLeaderId: p.principalLeaderId,
    foreignAffairsOpinion: p.foreignAffairsOpinion,
    venueSetBy: p.venueSetBy,
    staffOnPostAt: p.staffOnPostAt.toISOString(),
    noticeSentAt: p.noticeSentAt?.toISOString() ?? null,
    noticeLatestDate: p.noticeLatestDate,
    venueSetAt: p.venueSetAt?.toISOString() ?? null,
    heldAt: p.heldAt?.toISOString() ?? null,
    reimbursedAt: p.reimbursedAt?.toISOString() ?? null,
  };
}

export function toView(p: ActivityPlan & { history: ActivityPlanHistory[] }): View {
  return { ...toSummaryView(p), history: p.history.map(toHistoryEntry) };
}

export const PLAN_INCLUDE = { history: { orderBy: { seq: 'asc' } } } as const;
