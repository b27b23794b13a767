import { toHistoryEntry, type documents } from '@gov/contracts';
import { toIsoDate, type IsoDate } from '@gov/calendar';
import type {
  IncomingDocument,
  IncomingDocumentHistory,
  IncomingInstruction,
  IncomingSectionOpinion,
} from '../generated/prisma/client.js';
import { chaseStatus } from '../incoming-review/initial-review.rules.js';
import { nextSigners, type RankedLeader } from '../incoming-review/leader-order.js';
import { INCOMING_RETURN_GROUNDS, returnNoticeLines, type GivenGround } from '../incoming-review/return-grounds.js';
import { DEFAULT_INCOMING_REVIEW_SETTINGS } from '../incoming-review/incoming-review.settings.js';

type View = documents.IncomingDocumentView;

/** A document row with the relations the full view shows (each optional for list rows). */
export type IncomingRow = IncomingDocument & {
  history?: IncomingDocumentHistory[];
  opinions?: IncomingSectionOpinion[];
  instructions?: IncomingInstruction[];
};

/** Relations every reading or writing use case loads for the full view. */
export const FULL_VIEW = {
  history: { orderBy: { seq: 'asc' } },
  opinions: { orderBy: { at: 'asc' } },
  instructions: { orderBy: { signedAt: 'asc' } },
} as const;

const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

export function plannedLeaders(doc: IncomingDocument): RankedLeader[] {
  return (doc.leaders as unknown as RankedLeader[]) ?? [];
}

function notice(grounds: GivenGround[]): string[] {
  if (grounds.length === 0) return [];
  try {
    return returnNoticeLines(grounds, INCOMING_RETURN_GROUNDS);
  } catch {
    return [];
  }
}

export function toSummaryView(doc: IncomingRow, today: IsoDate): Omit<View, 'history'> {
  const grounds = (doc.returnGrounds as unknown as GivenGround[]) ?? [];
  const leaders = plannedLeaders(doc);
  const signed = (doc.instructions ?? []).map((i) => i.leaderId);
  return {
    id: doc.id,
    registerNumber: doc.registerNumber,
    title: doc.title,
    senderUnit: doc.senderUnit,
    senderDocNumber: doc.senderDocNumber,
    docType: doc.docType as View['docType'],
    urgency: doc.urgency as View['urgency'],
    classification: doc.classification as View['classification'],
    copies: doc.copies,
    pages: doc.pages,
    summary: doc.summary,
    receivedAt: doc.receivedAt.toISOString(),
    registeredAt: doc.registeredAt.toISOString(),
    status: doc.status as View['status'],
    holder: { id: doc.holderId, name: doc.holderName },
    inTransitTo: person(doc.inTransitToId, doc.inTransitToName),
    returnGrounds: grounds.map((g) => ({ ground: g.ground, text: g.text ?? null })),
    returnNotice: notice(grounds),
    proposal: doc.proposal,
    involvesLegalMatters: doc.involvesLegalMatters,
    involvesForeignAffairs: doc.involvesForeignAffairs,
    needsPrincipalLeader: doc.needsPrincipalLeader,
    sectionOpinions: (doc.opinions ?? []).map((o) => ({ section: o.section, text: o.text, by: { id: o.byId, name: o.byName }, at: o.at.toISOString() })),
    leaders: leaders.map((l) => ({ id: l.id, name: l.name, rank: l.rank })),
    nextSigners:
      doc.status === 'with-leaders' && leaders.length > 0
        ? nextSigners(leaders, signed, DEFAULT_INCOMING_REVIEW_SETTINGS.coSigningOrder).map((l) => ({ id: l.id, name: l.name }))
        : [],
    tracker: person(doc.trackerId, doc.trackerName),
    instructions: (doc.instructions ?? []).map((i) => ({
      id: i.id,
      leader: { id: i.leaderId, name: i.leaderName },
      rank: i.rank,
      text: i.text,
      stance: i.stance as 'agree' | 'disagree' | 'other',
      signedAt: i.signedAt.toISOString(),
      routes: ((i.routes as unknown as { to: string }[]) ?? []).map((r) => r.to),
    })),
    leadUnit: doc.leadUnit,
    coUnits: doc.coUnits,
    important: doc.important,
    deadline: doc.deadline,
    chaser: person(doc.chaserId, doc.chaserName),
    // once finished, the item is judged on the day it was finished, not today
    chaseStatus: chaseStatus(doc.deadline as IsoDate | null, doc.completedAt ? toIsoDate(doc.completedAt) : today),
    replyRequired: doc.replyRequired,
    reply: doc.reply,
    repliedAt: doc.repliedAt?.toISOString() ?? null,
    archivedAt: doc.archivedAt?.toISOString() ?? null,
    readers: (doc.readers as unknown as { id: string; name: string; kind: string }[]) ?? [],
  };
}

export function toView(doc: IncomingRow, today: IsoDate): View {
  return { ...toSummaryView(doc, today), history: (doc.history ?? []).map(toHistoryEntry) };
}
