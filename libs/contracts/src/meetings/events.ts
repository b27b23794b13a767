import { minutesIssued } from './minutes.js';
import { topicLegalReviewRequested } from './legal-review.js';
import { foreignAffairsOpinionRequested, requestAdmitted, requestApproved, requestReplied, requestReturned } from './requests.js';
import { scheduleAmended, scheduleIssued } from './schedule.js';
import { meetingHeld, noticeIssued } from './meetings.js';
import { topicBlocked } from './topics.js';
import { meetingAttendanceReported, noticeUnsignedListed } from './notices.js';
import { researchTripSupervisionFormIssued } from './research-trips.js';

/** Every event the meetings section publishes (add new ones here; catalog.ts collects the sections). */
export const MEETINGS_EVENTS = [minutesIssued, topicLegalReviewRequested, requestAdmitted, requestReturned, requestApproved, requestReplied, foreignAffairsOpinionRequested, scheduleIssued, scheduleAmended, noticeIssued, meetingHeld, topicBlocked, meetingAttendanceReported, noticeUnsignedListed, researchTripSupervisionFormIssued] as const;
