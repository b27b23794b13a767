import { Module } from '@nestjs/common';
import { IncomingHandlers } from './incoming.handlers.js';
import { RegisterIncomingDocument } from './register-incoming.use-case.js';
import { GetIncomingDocument, ListIncomingDocuments } from './read-incoming.use-case.js';

/** 收文: incoming documents. */
@Module({
  controllers: [IncomingHandlers],
  providers: [RegisterIncomingDocument, GetIncomingDocument, ListIncomingDocuments],
})
export class IncomingModule {}
