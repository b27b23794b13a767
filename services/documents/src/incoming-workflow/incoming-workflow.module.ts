import { Module } from '@nestjs/common';
import { DEFAULT_INCOMING_REVIEW_SETTINGS } from '../incoming-review/incoming-review.settings.js';
import { IncomingWorkflowHandlers } from './incoming-workflow.handlers.js';
import { IncomingWorkflow } from './incoming-workflow.use-cases.js';
import { INCOMING_REVIEW_SETTINGS, IncomingSteps } from './incoming-steps.js';
import { GetIncomingInbox } from './inbox.use-case.js';

/** 收文办理: the steps after registration (初审 … 归档) and the clerk's inbox. */
@Module({
  controllers: [IncomingWorkflowHandlers],
  providers: [
    IncomingSteps,
    IncomingWorkflow,
    GetIncomingInbox,
    // The defaults of incoming-review.settings.ts (stricter reading where seeds disagree; RULES.md D1–D8, D33).
    { provide: INCOMING_REVIEW_SETTINGS, useValue: DEFAULT_INCOMING_REVIEW_SETTINGS },
  ],
})
export class IncomingWorkflowModule {}
