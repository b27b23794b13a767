import { toHistoryEntry, type meetings } from '@gov/contracts';
import type {
  Meeting,
  MeetingAttendance,
  MeetingDocument,
  MeetingHistory,
  MeetingNoticeSignFor,
  MeetingTopic,
  Minutes,
} from '../generated/prisma/client.js';
import { arrivalDue, attendanceAt, meetingDayChecks } from './attendance.rules.js';
import { ARRIVAL_STAFF, planKindFor, type MeetingState } from './meeting-day.rules.js';
import { topicPlanRoute, type SignOffStep } from './meeting-plan.rules.js';
import { meetingType } from './meeting-types.js';
import { unsignedUnits } from './notice.rules.js';
import type { MeetingsSettings } from './settings.js';
import { topicBlocks } from '../topics/topic.mapper.js';
import { recorderFor } from '../minutes/meeting-record.rules.js';

type View = meetings.MeetingView;

export type MeetingRow = Meeting & {
  history: MeetingHistory[];
  signFors: MeetingNoticeSignFor[];
  attendance: MeetingAttendance[];
  documents: MeetingDocument[];
  topics: MeetingTopic[];
  minutes: Minutes | null;
};

/** What every meeting read and write returns. */
export const MEETING_INCLUDE = {
  history: { orderBy: { seq: 'asc' } },
  signFors: { orderBy: { signedAt: 'asc' } },
  attendance: true,
  documents: { orderBy: { documentId: 'asc' } },
  topics: { orderBy: { submittedAt: 'asc' } },
  minutes: true,
} as const;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const FAR_FUTURE = new Date('9999-12-31T00:00:00Z');

export function signInsOf(rows: MeetingAttendance[]) {
  return rows.filter((a) => a.signedInAt).map((a) => ({ attendeeId: a.attendeeId, at: a.signedInAt! }));
}

export function leavesOf(rows: MeetingAttendance[]) {
  return rows.filter((a) => a.leaveReason).map((a) => ({ attendeeId: a.attendeeId, reason: a.leaveReason!, approved: a.leaveApproved }));
}

export type MeetingSummary = Pick<View, 'id' | 'typeCode' | 'typeName' | 'title' | 'classification' | 'place' | 'startsAt' | 'endsAt' | 'state'>;

export function toMeetingSummary(m: Meeting): MeetingSummary {
  return {
    id: m.id,
    typeCode: m.typeCode,
    typeName: meetingType(m.typeCode).nameZh,
    title: m.title,
    classification: m.classification as View['classification'],
    place: m.place,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    state: m.state as View['state'],
  };
}

export interface PlanSignOff {
  step: string;
  signerId: string;
  signerName: string;
  at: string;
}

export function signOffLabel(s: SignOffStep): string {
  return 'role' in s ? `role:${s.role}` : `post:${s.post}`;
}

/** The 专题会议方案 route of a meeting, or null when its plan is not a topic-meeting plan. */
export function planRouteOf(m: Pick<Meeting, 'typeCode' | 'large' | 'districtHeadAttends' | 'districtHeadSigns'>): SignOffStep[] | null {
  if (planKindFor(m.typeCode, m.large) !== 'topic-meeting') return null;
  return topicPlanRoute(m.typeCode as 'district-head-topic-meeting' | 'deputy-head-topic-meeting', {
    districtHeadAttends: m.districtHeadAttends,
    districtHeadSigns: m.districtHeadSigns,
  });
}

export function toMeetingView(m: MeetingRow, settings: MeetingsSettings): View {
  const route = planRouteOf(m);
  const attendance = attendanceAt(m.attendees, signInsOf(m.attendance), leavesOf(m.attendance), FAR_FUTURE);
  const signedAt = new Map(m.attendance.filter((a) => a.signedInAt).map((a) => [a.attendeeId, a.signedInAt!]));
  const checks = meetingDayChecks(m.startsAt, settings.attendance);
  const arrivals = ARRIVAL_STAFF.flatMap((staff) => {
    const due = arrivalDue({ typeCode: m.typeCode, startsAt: m.startsAt, large: m.large }, staff, settings.attendance);
    return due ? [{ staff, dueAt: due.dueAt.toISOString(), lead: due.lead, source: due.source }] : [];
  });
  const noticeSent = m.noticeSentAt
    ? unsignedUnits(
        { id: m.id, sentAt: m.noticeSentAt, meetingStartsAt: m.startsAt, recipientUnits: m.recipientUnits },
        m.signFors.map((s) => ({ noticeId: m.id, unit: s.unit, at: s.signedAt })),
        FAR_FUTURE,
      )
    : [...m.recipientUnits].sort();
  return {
    ...toMeetingSummary(m),
    chair: m.chair,
    plan: (m.plan ?? {}) as Record<string, string>,
    attendees: m.attendees,
    recipientUnits: m.recipientUnits,
    large: m.large,
    majorIssues: m.majorIssues,
    cadreMatters: m.cadreMatters,
    adHoc: m.adHoc,
    urgent: m.urgent,
    state: m.state as MeetingState as View['state'],
    seatingApprovedBy: m.seatingApprovedBy,
    seatingApprovedAt: iso(m.seatingApprovedAt),
    recorderUnit: recorderFor(m.typeCode),
    planSignOff: route
      ? {
          route: route.map(signOffLabel),
          signed: (m.planSignOffs as unknown as PlanSignOff[]).map((x) => ({ step: x.step, signerName: x.signerName, at: x.at })),
          signedOffAt: iso(m.planSignedOffAt),
          nonCompliant: m.planSignOffNonCompliant,
        }
      : null,
    notice: {
      preNoticeSentAt: iso(m.preNoticeSentAt),
      preNoticeConsentBy: m.preNoticeConsentBy,
      sentAt: iso(m.noticeSentAt),
      basis: m.noticeBasis,
      lead: (m.noticeLead as View['notice']['lead']) ?? null,
      latestDate: m.noticeLatestDate,
      late: m.noticeLate,
      phoneAttendingLeaders: m.phoneAttendingLeaders,
      signed: m.signFors.map((s) => ({ unit: s.unit, signedAt: s.signedAt.toISOString(), signedBy: s.signedByName })),
      unsignedUnits: noticeSent,
    },
    materialsDistributedAt: iso(m.materialsDistributedAt),
    arrivals,
    attendance: {
      present: attendance.present.map((a) => ({ attendeeId: a, signedInAt: signedAt.get(a)!.toISOString() })),
      onLeave: attendance.onLeave,
      notArrived: attendance.notArrived,
      absenceReasons: m.attendance.filter((a) => a.absenceReason).map((a) => ({ attendeeId: a.attendeeId, reason: a.absenceReason! })),
      chairReportAt: checks.chairReportAt.toISOString(),
      chaseAbsenteesAt: checks.chaseAbsenteesAt.toISOString(),
    },
    documents: m.documents.map((d) => ({
      documentId: d.documentId,
      copiesIssued: d.copiesIssued,
      copiesRecovered: d.copiesRecovered,
      outstanding: d.copiesIssued - d.copiesRecovered,
    })),
    heldAt: iso(m.heldAt),
    topics: m.topics.map((t) => ({
      id: t.id,
      title: t.title,
      proposingUnit: t.proposingUnit,
      origin: t.origin as 'planned' | 'ad-hoc',
      state: t.state,
      legalReview: t.legalReview,
      blocks: topicBlocks(t, settings.topics, m.typeCode),
    })),
    minutes: m.minutes
      ? { id: m.minutes.id, state: m.minutes.state, number: m.minutes.number, draftDueAt: m.minutes.draftDueAt.toISOString(), issuedAt: iso(m.minutes.issuedAt) }
      : null,
    createdBy: { id: m.createdById, name: m.createdByName },
    history: m.history.map(toHistoryEntry),
  };
}
