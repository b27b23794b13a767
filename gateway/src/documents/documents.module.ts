import { Module } from '@nestjs/common';
import { IncomingDocumentsResolver } from './incoming.resolver.js';

/** The documents section on the GraphQL surface. */
@Module({ providers: [IncomingDocumentsResolver] })
export class DocumentsGraphqlModule {}
