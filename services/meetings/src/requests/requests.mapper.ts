import { toHistoryEntry, type meetings } from '@gov/contracts';
import type { MeetingRequest as Row, MeetingRequestHistory } from '../generated/prisma/client.js';
import {
  ADMISSION_CHECK_NAMES_ZH,
  type AdmissionFailure,
  type MeetingRequest,
  type ReplyTask,
  type RequestType,
} from './meeting-request.rules.js';

type View = meetings.MeetingRequestView;

/** The rules' view of a stored request (the admission review reads it). */
export function toRuleRequest(row: Row): MeetingRequest {
  return {
    type: row.requestType as RequestType,
    receivedAt: row.receivedAt,
    startsAt: row.startsAt,
    place: row.place,
    scale: row.scale,
    content: row.content,
    participants: row.participants,
    agenda: row.agenda,
    matterCount: row.matterCount,
    affectedDepartments: row.affectedDepartments,
    consultedDepartments: row.consultedDepartments,
    declaredAttachments: row.declaredAttachments,
    attachedAttachments: row.attachedAttachments,
    leaderToSpeak: row.leaderToSpeak,
    speechDraftAttached: row.speechDraftAttached,
    irregularities: row.irregularities,
    foreignRelated: row.foreignRelated,
  };
}

/** A failed check as the wire carries it: the items it names (fields, departments, attachments, notes). */
export function toReason(f: AdmissionFailure): meetings.AdmissionReason {
  const base = { check: f.check, description: ADMISSION_CHECK_NAMES_ZH[f.check], latestDate: null, workingDaysAhead: null };
  switch (f.check) {
    case 'complete':
      return { ...base, items: [...f.missing] };
    case 'consulted':
      return { ...base, items: [...f.notConsulted] };
    case 'one-matter':
      return { ...base, items: [String(f.matterCount)] };
    case 'lead-time':
      return {
        ...base,
        items: [`${f.required.amount} ${f.required.unit} days`],
        latestDate: f.latestDate,
        workingDaysAhead: f.actual,
      };
    case 'attachments':
      return { ...base, items: [...f.missing] };
    case 'speech-draft':
      return { ...base, items: [] };
    case 'irregular':
      return { ...base, items: [...f.notes] };
  }
}

export function failuresOf(row: Row): AdmissionFailure[] {
  return (row.admissionFailures ?? []) as unknown as AdmissionFailure[];
}

export function toSummaryView(row: Row): Omit<View, 'history'> {
  return {
    id: row.id,
    registerNumber: row.registerNumber,
    type: row.requestType as View['type'],
    title: row.title,
    requestingUnit: row.requestingUnit,
    receivedAt: row.receivedAt.toISOString(),
    startsAt: row.startsAt?.toISOString() ?? null,
    endsAt: row.endsAt?.toISOString() ?? null,
    place: row.place,
    scale: row.scale,
    content: row.content,
    participants: row.participants,
    agenda: row.agenda,
    matterCount: row.matterCount,
    affectedDepartments: row.affectedDepartments,
    consultedDepartments: row.consultedDepartments,
    leaderToSpeak: row.leaderToSpeak,
    speechDraftAttached: row.speechDraftAttached,
    foreignRelated: row.foreignRelated,
    admitted: row.admitted,
    reasons: failuresOf(row).map(toReason),
    state: row.state as View['state'],
    opinion: row.opinion === null || row.opinion === undefined ? null : JSON.stringify(row.opinion),
    proposedLeaderIds: row.proposedLeaderIds,
    foreignAffairsOpinion: row.foreignAffairsOpinion,
    replyTasks: ((row.replyTasks ?? []) as unknown as ReplyTask[]).map((t) => ({ to: t.to, what: t.what })),
    registeredBy: { id: row.registeredById, name: row.registeredByName },
    approvedAt: row.approvedAt?.toISOString() ?? null,
  };
}

export function toView(row: Row & { history: MeetingRequestHistory[] }): View {
  return { ...toSummaryView(row), history: row.history.map(toHistoryEntry) };
}

export const REQUEST_INCLUDE = { history: { orderBy: { seq: 'asc' } } } as const;
