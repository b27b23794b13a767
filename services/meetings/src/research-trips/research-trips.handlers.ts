import { Controller } from '@nestjs/common';
import { Ctx, Payload, type NatsContext } from '@nestjs/microservices';
import { meetings } from '@gov/contracts';
import { CommandHandler, runCommand } from '@gov/service-kit';
import { IssueResearchTripSupervisionForm } from './research-trips.use-case.js';

/** NATS handlers of the research-trip 《督办事项交办单》. */
@Controller()
export class ResearchTripsHandlers {
  constructor(private readonly issueForm: IssueResearchTripSupervisionForm) {}

  @CommandHandler(meetings.issueResearchTripSupervisionForm)
  issue(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.issueResearchTripSupervisionForm, data, ctx, (i, c) => this.issueForm.execute(i, c));
  }
}
