import { Controller } from '@nestjs/common';
import { Ctx, Payload, type NatsContext } from '@nestjs/microservices';
import { meetings } from '@gov/contracts';
import { CommandHandler, runCommand } from '@gov/service-kit';
import { CheckDecisionMethod, DecideOfficeItem, ListOfficeItems } from './office-meetings.use-case.js';

/** NATS handlers of the 室务会. */
@Controller()
export class OfficeMeetingsHandlers {
  constructor(
    private readonly decide: DecideOfficeItem,
    private readonly list: ListOfficeItems,
    private readonly check: CheckDecisionMethod,
  ) {}

  @CommandHandler(meetings.decideOfficeItem)
  decideItem(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.decideOfficeItem, data, ctx, (i, c) => this.decide.execute(i, c));
  }
  @CommandHandler(meetings.listOfficeItems)
  items(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.listOfficeItems, data, ctx, (i, c) => this.list.execute(i, c));
  }
  @CommandHandler(meetings.checkDecisionMethod)
  checkMethod(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(meetings.checkDecisionMethod, data, ctx, (i, c) => this.check.execute(i, c));
  }
}
