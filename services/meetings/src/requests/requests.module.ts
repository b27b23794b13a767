import { Module } from '@nestjs/common';
import { RequestsHandlers } from './requests.handlers.js';
import { RegisterMeetingRequest } from './register-request.use-case.js';
import {
  AdvanceMeetingRequest,
  DraftRequestOpinion,
  GiveRequestForeignAffairsOpinion,
  ProposeRequestReturn,
  ReplyToMeetingRequest,
  RequestTransitions,
} from './request-steps.use-case.js';
import { GetMeetingRequest, ListMeetingRequests, MyMeetingTasks } from './read-requests.use-case.js';

/** 会议、活动收文: meeting and activity requests for the weekly schedule (登记, 审核, 拟办, 送审, 呈批, 办复). */
@Module({
  controllers: [RequestsHandlers],
  providers: [
    RegisterMeetingRequest,
    RequestTransitions,
    ProposeRequestReturn,
    DraftRequestOpinion,
    AdvanceMeetingRequest,
    GiveRequestForeignAffairsOpinion,
    ReplyToMeetingRequest,
    GetMeetingRequest,
    ListMeetingRequests,
    MyMeetingTasks,
  ],
})
export class RequestsModule {}
