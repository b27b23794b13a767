import { Module } from '@nestjs/common';
import { MeetingsHandlers } from './meetings.handlers.js';
import { PlanMeeting } from './plan-meeting.use-case.js';
import { ApproveMeetingPlan, ApproveSeating, DistributeMaterials, IssueNotice, IssuePreNotice, ReviewMeetingPlan, SendBackMeetingPlan, SignOffMeetingPlan } from './meeting-steps.use-case.js';
import {
  HoldMeeting,
  IssueMeetingDocuments,
  MeetingDayDeps,
  RecordAbsenceReason,
  RecoverMeetingDocuments,
  RequestLeave,
  SignForNotice,
  SignIn,
} from './meeting-day.use-case.js';
import { AssignLeaderPost, ChairReport, GetMeeting, ListMeetings, MyMeetingWork, UnsignedNotices } from './read-meetings.use-case.js';
import { RunMeetingNotices } from './run-notices.use-case.js';
import { MeetingNoticeTimer } from './run-notices.timer.js';

/** 会议: meetings by type from plan and notice to sign-in and the meeting held (issue 4 §3). */
@Module({
  controllers: [MeetingsHandlers],
  providers: [
    PlanMeeting,
    ReviewMeetingPlan,
    ApproveMeetingPlan,
    SendBackMeetingPlan,
    SignOffMeetingPlan,
    ApproveSeating,
    IssuePreNotice,
    IssueNotice,
    DistributeMaterials,
    MeetingDayDeps,
    SignForNotice,
    SignIn,
    RequestLeave,
    RecordAbsenceReason,
    IssueMeetingDocuments,
    RecoverMeetingDocuments,
    HoldMeeting,
    GetMeeting,
    ListMeetings,
    ChairReport,
    UnsignedNotices,
    MyMeetingWork,
    AssignLeaderPost,
    RunMeetingNotices,
    MeetingNoticeTimer,
  ],
})
export class MeetingsModule {}
