import { Module } from '@nestjs/common';
import { IncomingDocumentsResolver } from './incoming.resolver.js';
import { IncomingWorkflowResolver } from './incoming-workflow.resolver.js';
import { SpecialItemsResolver } from './special-items.resolver.js';
import { ConfidentialDocumentsResolver } from './confidential.resolver.js';
import { TelegramsResolver } from './telegrams.resolver.js';
import { SealsResolver } from './seals.resolver.js';
import { OutgoingDocumentsResolver } from './outgoing.resolver.js';

/** The documents section on the GraphQL surface. */
@Module({ providers: [IncomingDocumentsResolver, IncomingWorkflowResolver, SpecialItemsResolver, ConfidentialDocumentsResolver, TelegramsResolver, SealsResolver, OutgoingDocumentsResolver] })
export class DocumentsGraphqlModule {}
