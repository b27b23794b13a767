import { toHistoryEntry, type documents } from '@gov/contracts';
import type { IncomingDocument, IncomingDocumentHistory } from '../generated/prisma/client.js';

type View = documents.IncomingDocumentView;


export function toSummaryView(doc: IncomingDocument): Omit<View, 'history'> {
  return {
    id: doc.id,
    registerNumber: doc.registerNumber,
    title: doc.title,
    senderUnit: doc.senderUnit,
    senderDocNumber: doc.senderDocNumber,
    docType: doc.docType as View['docType'],
    urgency: doc.urgency as View['urgency'],
    classification: doc.classification as View['classification'],
    copies: doc.copies,
    pages: doc.pages,
    summary: doc.summary,
    receivedAt: doc.receivedAt.toISOString(),
    registeredAt: doc.registeredAt.toISOString(),
    status: doc.status as View['status'],
    holder: { id: doc.holderId, name: doc.holderName },
  };
}

export function toView(doc: IncomingDocument & { history: IncomingDocumentHistory[] }): View {
  return { ...toSummaryView(doc), history: doc.history.map(toHistoryEntry) };
}
