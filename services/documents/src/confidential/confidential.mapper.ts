import { toHistoryEntry, type Classification, type documents } from '@gov/contracts';
import type { Role } from '@gov/auth';
import type { IsoDate } from '@gov/calendar';
import type { ConfidentialDocument, ConfidentialDocumentHistory } from '../generated/prisma/client.js';
import { returnStatus, type ConfidentialDocument as RuleDocument, type ConfidentialState } from './confidential.rules.js';

export type ConfidentialRow = ConfidentialDocument & { history?: ConfidentialDocumentHistory[] };

export interface StoredInstruction {
  text: string;
  byId: string;
  byName: string;
  at: string;
}

export function storedInstructions(row: ConfidentialDocument): StoredInstruction[] {
  return Array.isArray(row.instructions) ? (row.instructions as unknown as StoredInstruction[]) : [];
}

/** The row as the pure rules see it. */
export function toRuleDocument(row: ConfidentialDocument): RuleDocument {
  return {
    classification: row.classification as Classification,
    needToKnow: row.needToKnow,
    proposal:
      row.proposalText && row.proposalById && row.proposalAt
        ? { text: row.proposalText, byId: row.proposalById, byRoles: row.proposalByRoles as Role[], at: row.proposalAt }
        : null,
    mustReturn: row.mustReturn,
    returnDue: row.returnDue as IsoDate | null,
    returnedAt: row.returnedAt,
    designatedHandlerId: row.designatedHandlerId,
  };
}

type Summary = Omit<documents.ConfidentialDocumentView, 'history'>;

export function toSummaryView(row: ConfidentialDocument, today: IsoDate): Summary {
  return {
    id: row.id,
    registerNumber: row.registerNumber,
    kind: row.kind as Summary['kind'],
    channel: (row.channel as Summary['channel']) ?? null,
    telegramNumber: row.telegramNumber,
    title: row.title,
    senderUnit: row.senderUnit,
    senderDocNumber: row.senderDocNumber,
    classification: row.classification as Classification,
    urgency: row.urgency as Summary['urgency'],
    deadline: row.deadline,
    items: row.items,
    pages: row.pages,
    copiesMade: row.copiesMade,
    receivedAt: row.receivedAt.toISOString(),
    registeredAt: row.registeredAt.toISOString(),
    state: row.state as ConfidentialState,
    holder: { id: row.holderId, name: row.holderName },
    proposal: row.proposalText && row.proposalAt ? { text: row.proposalText, byName: row.proposalByName ?? '', at: row.proposalAt.toISOString() } : null,
    instructions: storedInstructions(row).map((i) => ({ text: i.text, byName: i.byName, at: i.at })),
    mustReturn: row.mustReturn,
    returnDue: row.returnDue,
    returnedAt: row.returnedAt?.toISOString() ?? null,
    returnStatus: returnStatus({ mustReturn: row.mustReturn, returnDue: row.returnDue as IsoDate | null, returnedAt: row.returnedAt }, today),
  };
}

export function toView(row: ConfidentialRow, today: IsoDate): documents.ConfidentialDocumentView {
  return { ...toSummaryView(row, today), history: (row.history ?? []).map(toHistoryEntry) };
}
