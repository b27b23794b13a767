import { Module } from '@nestjs/common';
import { RecordSourceDocument } from './record-source-document.consumer.js';
import { SourceDocumentHandlers } from './source-documents.handlers.js';
import { GetSourceDocument, ListSourceDocuments } from './read-source-documents.use-case.js';

/** 督办来源文件: documents registered by the documents section, as supervision knows them. */
@Module({
  controllers: [SourceDocumentHandlers],
  providers: [RecordSourceDocument, GetSourceDocument, ListSourceDocuments],
})
export class SourceDocumentsModule {}
