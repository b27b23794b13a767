import { Controller } from '@nestjs/common';
import { Ctx, Payload, type NatsContext } from '@nestjs/microservices';
import { documents } from '@gov/contracts';
import { CommandHandler, runCommand } from '@gov/service-kit';
import { RegisterIncomingDocument } from './register-incoming.use-case.js';
import { GetIncomingDocument, ListIncomingDocuments } from './read-incoming.use-case.js';

/** NATS handlers of incoming documents: each turns a message into a validated command and calls one use case. */
@Controller()
export class IncomingHandlers {
  constructor(
    private readonly registerIncoming: RegisterIncomingDocument,
    private readonly getIncoming: GetIncomingDocument,
    private readonly listIncoming: ListIncomingDocuments,
  ) {}

  @CommandHandler(documents.registerIncoming)
  register(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.registerIncoming, data, ctx, (input, c) => this.registerIncoming.execute(input, c));
  }

  @CommandHandler(documents.getIncoming)
  get(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.getIncoming, data, ctx, (input, c) => this.getIncoming.execute(input, c));
  }

  @CommandHandler(documents.listIncoming)
  list(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(documents.listIncoming, data, ctx, (input, c) => this.listIncoming.execute(input, c));
  }
}
