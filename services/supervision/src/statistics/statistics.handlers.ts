import { Controller } from '@nestjs/common';
import { Ctx, Payload, type NatsContext } from '@nestjs/microservices';
import { supervision } from '@gov/contracts';
import { CommandHandler, runCommand } from '@gov/service-kit';
import { GetSupervisionReport } from './statistics.use-case.js';

/** NATS handler of the supervision statistics. */
@Controller()
export class StatisticsHandlers {
  constructor(private readonly report: GetSupervisionReport) {}

  @CommandHandler(supervision.supervisionReport)
  get(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.supervisionReport, data, ctx, (input, c) => this.report.execute(input, c));
  }
}
