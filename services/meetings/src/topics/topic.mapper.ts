import { toHistoryEntry, type meetings } from '@gov/contracts';
import type { MeetingTopic, MeetingTopicHistory } from '../generated/prisma/client.js';
import { deliberationBlocks, legalOfficeSitsIn, needsIndustryOpinion, type LegalReviewState, type Topic, type TopicSettings } from '../meetings/topic.rules.js';

/** A stored topic as the pure rules read it (topic.rules.ts `Topic`). */
export function toRuleTopic(t: MeetingTopic, meetingTypeCode: string): Topic {
  return {
    id: t.id,
    meetingTypeCode,
    origin: t.origin as Topic['origin'],
    major: t.major,
    urgent: t.urgent,
    submittedAt: t.submittedAt,
    materialsAttached: t.materialsAttached,
    materialsSignedByLeader: t.materialsSignedByLeader,
    attendeeListAttached: t.attendeeListAttached,
    normativeDocument: t.normativeDocument,
    majorAdministrativeDecision: t.majorAdministrativeDecision,
    involvesLegalProvisions: t.involvesLegalProvisions,
    exemptSubject: t.exemptSubject as Topic['exemptSubject'],
    legalReview: t.legalReview as LegalReviewState,
    industrialLand: t.industrialLand,
    planning: t.planning,
    industryCommissionOpinion: t.industryOpinion !== null,
    adHocApprovals: {
      director: t.approvedByDirector,
      principalLeader: t.approvedByPrincipalLeader,
      districtMayor: t.approvedByDistrictMayor,
    },
  };
}

/** Why the topic may not be deliberated now (empty once deliberated). */
export function topicBlocks(t: MeetingTopic, settings: TopicSettings, meetingTypeCode = 'executive-meeting'): meetings.TopicView['blocks'] {
  if (t.state === 'deliberated') return [];
  return deliberationBlocks(toRuleTopic(t, meetingTypeCode), settings);
}

export const TOPIC_INCLUDE = { history: { orderBy: { seq: 'asc' } }, meeting: { select: { typeCode: true } } } as const;

export function toTopicView(
  t: MeetingTopic & { history: MeetingTopicHistory[]; meeting: { typeCode: string } },
  settings: TopicSettings,
): meetings.TopicView {
  const rule = toRuleTopic(t, t.meeting.typeCode);
  return {
    id: t.id,
    meetingId: t.meetingId,
    meetingTypeCode: t.meeting.typeCode,
    title: t.title,
    proposingUnit: t.proposingUnit,
    origin: rule.origin,
    major: t.major,
    urgent: t.urgent,
    submittedAt: t.submittedAt.toISOString(),
    submissionLatestDate: t.submissionLatestDate,
    materialsAttached: t.materialsAttached,
    normativeDocument: t.normativeDocument,
    majorAdministrativeDecision: t.majorAdministrativeDecision,
    legalOfficeSitsIn: legalOfficeSitsIn(rule),
    legalReview: rule.legalReview,
    legalReviewRequestId: t.legalReviewRequestId,
    legalReviewOpinionNumber: t.legalReviewOpinionNumber,
    industrialLand: t.industrialLand,
    planning: t.planning,
    industryOpinionNeeded: needsIndustryOpinion(rule, settings),
    industryCommissionOpinion: rule.industryCommissionOpinion,
    adHocApprovals: rule.adHocApprovals,
    state: t.state as meetings.TopicView['state'],
    blocks: topicBlocks(t, settings, t.meeting.typeCode),
    deliberatedAt: t.deliberatedAt?.toISOString() ?? null,
    history: t.history.map(toHistoryEntry),
  };
}
