import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { hasAnyRole } from '@gov/auth';
import { allocateYearNumber, voidNumber } from '@gov/persistence';
import { GovError, documents, type Classification } from '@gov/contracts';
import type { RequestContext } from '@gov/service-kit';
import type { Prisma } from '../generated/prisma/client.js';
import { publicTitle } from '../incoming/incoming.rules.js';
import {
  archiveOriginalHolder,
  assertDistributionRoute,
  assertPrintSite,
  assertProofMark,
  assertProofsComplete,
  copyNumbers,
  distributionDue,
  distributionStatus,
  documentNumberPrefix,
  proofreaderWarnings,
  sealMode,
  sealsForIssuingName,
} from './outgoing.rules.js';
import { docTypeOf } from './outgoing.records.js';
import { assertEDocumentName, eDocumentName } from './e-document-name.rules.js';
import { assertSealRegisterEntryFor } from './seal-register-link.js';
import { ENTITY, OutgoingSteps, transition } from './outgoing.steps.js';
import type { IssuingName } from './signer.rules.js';

type View = documents.OutgoingDocumentView;

/**
 * 编号 (seed 000 L230; seed 003 L13@c8982; GB/T 9704): only after 复核 passed (the table has no other way into
 * `numbered`). The 文号 is `<代字>〔YYYY〕N号`, gap-free per 代字 and Beijing year, allocated in this transaction.
 * A draft that comes back after a substantive change keeps the number it already has, so the sequence stays
 * gap-free.
 */
@Injectable()
export class NumberOutgoing {
  constructor(private readonly steps: OutgoingSteps) {}
  execute(input: { id: string }, context: RequestContext): Promise<View> {
    const settings = this.steps.settings;
    return this.steps.step(input.id, context, async (draft, tx, now) => {
      const to = transition(draft, 'assign-number', context.actor);
      const issuingName = draft.issuingName as IssuingName;
      let number = draft.documentNumber
        ? { formatted: draft.documentNumber, prefix: draft.numberPrefix!, year: draft.numberYear!, value: draft.numberSeq! }
        : null;
      const kept = number !== null;
      if (!number) {
        const prefix = documentNumberPrefix(issuingName, docTypeOf(draft), settings);
        number = await allocateYearNumber(tx, { prefix, at: now, entityType: ENTITY, entityId: draft.id, issuedBy: context.actor.id });
      }
      return {
        action: 'assign-number',
        to,
        details: { documentNumber: number.formatted, kept },
        data: { documentNumber: number.formatted, numberPrefix: number.prefix, numberYear: number.year, numberSeq: number.value, numberedAt: draft.numberedAt ?? now },
        event: {
          contract: documents.outgoingNumbered,
          data: {
            documentId: draft.id,
            documentNumber: number.formatted,
            prefix: number.prefix,
            year: number.year,
            sequence: number.value,
            title: publicTitle({ classification: draft.classification as Classification, title: draft.title }),
            docType: draft.docType,
            issuingName,
            classification: draft.classification,
            numberedAt: now.toISOString(),
            numberedBy: context.actor.id,
          },
        },
      };
    });
  }
}

/** Withdrawal before distribution: the 文号 is voided with the reason and stays on the number register. */
@Injectable()
export class WithdrawOutgoing {
  constructor(private readonly steps: OutgoingSteps) {}
  execute(input: { id: string; reason: string }, context: RequestContext): Promise<View> {
    return this.steps.step(input.id, context, async (draft, tx, now) => {
      const to = transition(draft, 'withdraw', context.actor);
      if (!draft.documentNumber) throw GovError.conflict('the draft has no 文号 to void');
      await voidNumber(tx, { formatted: draft.documentNumber, reason: input.reason, voidedBy: context.actor.id });
      return {
        action: 'withdraw',
        to,
        reason: input.reason,
        details: { documentNumber: draft.documentNumber },
        data: { withdrawnReason: input.reason },
        event: {
          contract: documents.outgoingNumberVoided,
          data: { documentId: draft.id, documentNumber: draft.documentNumber, reason: input.reason, voidedAt: now.toISOString(), voidedBy: context.actor.id },
        },
      };
    });
  }
}

/** 校对 (seed 000 L234; seed 002 L383): the mark "已校核。此稿付印存档。" with the proofreader's name and time. */
@Injectable()
export class ProofreadOutgoing {
  constructor(private readonly steps: OutgoingSteps) {}
  execute(input: z.infer<typeof documents.proofreadOutgoing.input>, context: RequestContext): Promise<View> {
    return this.steps.step(input.id, context, (draft, _tx, now) => {
      const to = transition(draft, 'proofread', context.actor);
      const mark = { text: input.text.trim(), proofreaderId: context.actor.id, proofreaderName: input.proofreaderName, at: now };
      assertProofMark(mark);
      // a warning, not a refusal: the liaison secretary "原则上" does not proofread the line's documents (seed 002 L369)
      const warnings = proofreaderWarnings(context.actor.id, draft.liaisonSecretaryId);
      return {
        action: 'proofread',
        to,
        reason: mark.text,
        details: { proofreaderName: mark.proofreaderName, warnings },
        data: { proofMark: { ...mark, at: now.toISOString(), warnings } },
      };
    });
  }
}

/**
 * 二校 by the 研究室 director for a document to the city government (seed 002 L317; SCENARIOS seed002 #15): recorded
 * after the first proofreading and before printing; the state does not change.
 */
@Injectable()
export class SecondProofreadOutgoing {
  constructor(private readonly steps: OutgoingSteps) {}
  execute(input: { id: string; byName: string }, context: RequestContext): Promise<View> {
    return this.steps.step(input.id, context, (draft, _tx, now) => {
      if (draft.status !== 'proofread') throw GovError.conflict(`the second proofreading follows the first; this draft is ${draft.status}`);
      if (!hasAnyRole(context.actor, ['section-chief', 'director', 'deputy-director'])) {
        throw GovError.forbidden('the second proofreading is done by the 研究室 director');
      }
      return {
        action: 'second-proofread',
        to: 'proofread',
        details: { byName: input.byName },
        holder: { id: draft.holderId, name: draft.holderName },
        data: { secondProof: { byId: context.actor.id, byName: input.byName, at: now.toISOString() } },
      };
    });
  }
}

/**
 * 印制 (seed 003 L13@c9019, c9038): proofs complete (and the second one for the city government), classified only
 * at premises meeting the secrecy rules, 份号 on every copy (GB/T 9704 7.2.1; `copyNumbersFor`).
 */
@Injectable()
export class PrintOutgoing {
  constructor(private readonly steps: OutgoingSteps) {}
  execute(input: z.infer<typeof documents.printOutgoing.input>, context: RequestContext): Promise<View> {
    const settings = this.steps.settings;
    return this.steps.step(input.id, context, (draft, _tx, now) => {
      const to = transition(draft, 'print', context.actor);
      const proof = draft.proofMark as { text: string; proofreaderId: string; proofreaderName: string; at: string } | null;
      const second = draft.secondProof as { byName: string; at: string } | null;
      assertProofsComplete(
        {
          toCityGovernment: draft.toCityGovernment,
          proof: proof ? { ...proof, at: new Date(proof.at) } : null,
          secondProof: second ? { byName: second.byName, at: new Date(second.at) } : null,
        },
        settings,
      );
      const classification = draft.classification as Classification;
      assertPrintSite(classification, input.siteMeetsSecrecyRules);
      const numbers = copyNumbers(input.copies, classification, settings);
      return {
        action: 'print',
        to,
        details: { copies: input.copies, firstCopy: numbers[0] ?? null, lastCopy: numbers[numbers.length - 1] ?? null },
        data: { copies: input.copies, copyNumbers: numbers, printedAt: now },
      };
    });
  }
}

/**
 * 用印 (seed 000 L236): general-distribution documents have the seal printed on (套印), others are stamped by the
 * seal keeper, whose use is in the seal register (kept by the seals workflow). The entry is checked here in the
 * step's transaction (`assertSealRegisterEntryFor`: exists, a 公文 use of this document's seal naming this
 * document, not spent on another draft; DO1–DO3); 纪要 carry none. A classified document is then handed to the secrecy section for distribution.
 */
@Injectable()
export class SealOutgoing {
  constructor(private readonly steps: OutgoingSteps) {}
  execute(input: z.infer<typeof documents.sealOutgoing.input>, context: RequestContext): Promise<View> {
    const settings = this.steps.settings;
    return this.steps.step(input.id, context, async (draft, tx, now) => {
      const to = transition(draft, 'apply-seal', context.actor);
      const mode = sealMode({ docType: docTypeOf(draft), generalDistribution: draft.generalDistribution });
      const seals = mode === 'none' ? [] : sealsForIssuingName(draft.issuingName as IssuingName);
      let link: { entryId: string; requestId: string } | null = null;
      if (mode === 'stamped') {
        if (!input.sealRegisterRef) throw GovError.badInput('a stamped seal is recorded with its seal-register entry (用印登记)', { field: 'sealRegisterRef' });
        // DO1–DO3: the entry exists, is a 公文 use of one of this document's seals, names this document, and is unspent
        link = await assertSealRegisterEntryFor(tx, input.sealRegisterRef, { id: draft.id, title: draft.title, documentNumber: draft.documentNumber, seals });
      }
      // a printed-on seal or a 纪要 has no register entry: a reference sent with it is not recorded (DO3)
      const sealRegisterRef = link?.entryId ?? null;
      const seal = { mode, seals, at: now.toISOString(), byId: context.actor.id, sealRegisterRef, sealRequestId: link?.requestId ?? null };
      const classified = draft.classification !== 'none';
      return {
        action: 'apply-seal',
        to,
        details: { mode, seals, sealRegisterRef, sealRequestId: link?.requestId ?? null, toSecrecySection: classified },
        data: { seal: seal as Prisma.InputJsonValue },
        ...(classified
          ? {
              event: {
                contract: documents.outgoingSecrecyDistributionRequested,
                data: {
                  documentId: draft.id,
                  documentNumber: draft.documentNumber!,
                  classification: draft.classification,
                  copies: draft.copies ?? 0,
                  copyNumbers: draft.copyNumbers,
                  dueAt: distributionDue({ printedAt: draft.printedAt, numberedAt: draft.numberedAt }, settings).toISOString(),
                  requestedAt: now.toISOString(),
                },
              },
            }
          : {}),
      };
    });
  }
}

/**
 * 分发 (seed 000 L238; seed 003 L13@c9057–9119): classified documents only by the secrecy section and only on
 * confidential channels (SCENARIOS seed000-a #13, seed003 #11); "一般应24小时内发出" is a norm, so a late
 * distribution is flagged `late`, not refused.
 */
@Injectable()
export class DistributeOutgoing {
  constructor(private readonly steps: OutgoingSteps) {}
  execute(input: z.infer<typeof documents.distributeOutgoing.input>, context: RequestContext): Promise<View> {
    const settings = this.steps.settings;
    return this.steps.step(input.id, context, (draft, _tx, now) => {
      const to = transition(draft, 'distribute', context.actor);
      const classification = draft.classification as Classification;
      assertDistributionRoute(classification, input.channel, context.actor);
      const status = distributionStatus({ printedAt: draft.printedAt, numberedAt: draft.numberedAt, distributedAt: now }, now, settings);
      return {
        action: 'distribute',
        to,
        details: { channel: input.channel, recipients: input.recipients, status },
        data: { distributionChannel: input.channel, recipients: input.recipients, distributedAt: now, distributionStatus: status },
        event: {
          contract: documents.outgoingIssued,
          data: {
            documentId: draft.id,
            documentNumber: draft.documentNumber!,
            title: publicTitle({ classification, title: draft.title }),
            docType: draft.docType,
            issuingName: draft.issuingName,
            classification,
            channel: input.channel,
            recipients: input.recipients,
            distributedAt: now.toISOString(),
            onTime: status === 'on-time',
            distributedBy: context.actor.id,
          },
        },
      };
    });
  }
}

/**
 * 归档 (seed 000 L240; seed 004 L52): the lead organ keeps the original of a joint document (seed 003 L13@c9261).
 * The electronic document is named `文号-文种-标题(yyyy.mm.dd)` (seed 002 L399–401; README DO5–DO7): the name is
 * built from the numbered draft and its 发文 (distribution) day and recorded; a file name the caller sends must be
 * that name (BAD_USER_INPUT otherwise, nothing written).
 */
@Injectable()
export class ArchiveOutgoing {
  constructor(private readonly steps: OutgoingSteps) {}
  execute(input: { id: string; eDocumentName?: string }, context: RequestContext): Promise<View> {
    return this.steps.step(input.id, context, (draft, _tx, now) => {
      const to = transition(draft, 'archive', context.actor);
      const originalHeldBy = archiveOriginalHolder(draft.issuingName as IssuingName);
      const name = eDocumentName({ docNumber: draft.documentNumber, docType: draft.docType, title: draft.title, date: draft.distributedAt ?? now });
      if (input.eDocumentName !== undefined) {
        assertEDocumentName(input.eDocumentName);
        if (input.eDocumentName !== name) {
          throw GovError.badInput(`e-document name: the file is named ${JSON.stringify(input.eDocumentName)}, the document's name is ${JSON.stringify(name)}`, {
            field: 'eDocumentName',
            reason: 'mismatch',
            expected: name,
          });
        }
      }
      return {
        action: 'archive',
        to,
        // The name carries the 标题: withheld from the history/audit details of a classified draft (the view shows
        // it to those who may read the draft).
        details: { originalHeldBy, eDocumentName: publicTitle({ classification: draft.classification as Classification, title: draft.title }) === null ? null : name },
        data: { archivedAt: now },
        event: {
          contract: documents.outgoingArchived,
          data: { documentId: draft.id, documentNumber: draft.documentNumber!, classification: draft.classification, originalHeldBy, archivedAt: now.toISOString(), archivedBy: context.actor.id },
        },
      };
    });
  }
}
