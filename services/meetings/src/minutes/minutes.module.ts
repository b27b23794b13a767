import { Module } from '@nestjs/common';
import { MinutesHandlers } from './minutes.handlers.js';
import { CompleteMinutesSigning, DraftMinutes, GetMinutes, IssueMinutes, RegisterMinutes, ReviewMinutes, SendBackMinutes, SignMinutes } from './minutes.use-case.js';

/** 纪要: minutes from the draft to the issue and gov.meetings.minutes.issued (issue 4 §5). */
@Module({
  controllers: [MinutesHandlers],
  providers: [DraftMinutes, ReviewMinutes, SendBackMinutes, RegisterMinutes, SignMinutes, CompleteMinutesSigning, IssueMinutes, GetMinutes],
})
export class MinutesModule {}
