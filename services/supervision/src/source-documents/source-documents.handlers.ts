import { Controller } from '@nestjs/common';
import { Ctx, Payload, type NatsContext } from '@nestjs/microservices';
import { supervision } from '@gov/contracts';
import { CommandHandler, runCommand } from '@gov/service-kit';
import { GetSourceDocument, ListSourceDocuments } from './read-source-documents.use-case.js';

@Controller()
export class SourceDocumentHandlers {
  constructor(
    private readonly getSource: GetSourceDocument,
    private readonly listSources: ListSourceDocuments,
  ) {}

  @CommandHandler(supervision.getSourceDocument)
  get(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.getSourceDocument, data, ctx, (input, c) => this.getSource.execute(input, c));
  }

  @CommandHandler(supervision.listSourceDocuments)
  list(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.listSourceDocuments, data, ctx, (input, c) => this.listSources.execute(input, c));
  }
}
