import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { GovError, documents, type Classification } from '@gov/contracts';
import type { RequestContext } from '@gov/service-kit';
import { Prisma } from '../generated/prisma/client.js';
import { publicTitle } from '../incoming/incoming.rules.js';
import {
  assertJointReviewComplete,
  assertOutgoingDocumentType,
  assertReadyForCheck,
  chiefCheckOutcome,
  jointReviewRequired,
  legalReviewRequired,
} from './outgoing.rules.js';
import { jointOpinions, legalGrounds, legalOpinions, signingCase } from './outgoing.records.js';
import { OutgoingSteps, transition } from './outgoing.steps.js';
import { classifyOpinion, parseFullDate, renderOfficeReviewOpinion, signingPlan } from './signer.rules.js';

type View = documents.OutgoingDocumentView;

/**
 * 拟办 (seed 000 L204–210): the clerk sets the 文种 (one of the 15; 简报 is not one, SCENARIOS seed002 #29), the
 * issuing name (行文规格) and what the signing plan depends on (major, upward, portfolios, delegation), and the
 * rules decide whether 会稿 (L208) and 法制审核 (L210; seed 002 L284, L307; seed 004 L44) are required. The
 * signing plan is computed here once so that an impossible plan (a government document with no portfolio)
 * is refused at 拟办 rather than at signing.
 */
@Injectable()
export class ProposeOutgoingHandling {
  constructor(private readonly steps: OutgoingSteps) {}
  execute(input: z.infer<typeof documents.ProposeHandlingInputSchema>, context: RequestContext): Promise<View> {
    const settings = this.steps.settings;
    return this.steps.step(input.id, context, (draft) => {
      const to = transition(draft, 'propose-handling', context.actor);
      assertOutgoingDocumentType(input.docType);
      const portfolios = [...new Set(input.portfolios.map((p) => p.trim()))];
      signingPlan(
        { issuingName: input.issuingName, major: input.major, upward: input.upward, portfolios, delegatedToOffice: input.delegatedToOffice },
        settings,
      );
      const legal = legalReviewRequired(
        {
          normative: input.normative,
          effectiveSixMonthsOrLess: input.effectiveSixMonthsOrLess,
          involvesLegalMatters: input.involvesLegalMatters,
          topics: input.topics,
          majorAdministrativeDecision: input.majorAdministrativeDecision,
        },
        settings,
      );
      const joint = jointReviewRequired(input.jointReview);
      const units = [...new Set(input.jointReview.units)];
      if (joint && units.length === 0) {
        throw GovError.badInput('会稿 is required: name the units concerned', { field: 'jointReview.units' });
      }
      return {
        action: 'propose-handling',
        to,
        reason: input.opinion ?? null,
        details: { docType: input.docType, issuingName: input.issuingName, jointReviewRequired: joint, legalReview: legal },
        data: {
          docType: input.docType,
          issuingName: input.issuingName,
          major: input.major,
          upward: input.upward,
          portfolios,
          delegatedToOffice: input.delegatedToOffice,
          generalDistribution: input.generalDistribution,
          toCityGovernment: input.toCityGovernment,
          liaisonSecretaryId: input.liaisonSecretaryId ?? null,
          jointReviewRequired: joint,
          jointReviewUnits: units,
          legalReviewRequired: legal.required,
          legalReviewReasons: legal.reasons,
        },
      };
    });
  }
}

/** 会稿: a clean proof to the units concerned (seed 000 L208). */
@Injectable()
export class RequestOutgoingJointReview {
  constructor(private readonly steps: OutgoingSteps) {}
  execute(input: { id: string }, context: RequestContext): Promise<View> {
    return this.steps.step(input.id, context, (draft) => {
      const to = transition(draft, 'request-joint-review', context.actor);
      if (draft.jointReviewUnits.length === 0) throw GovError.conflict('no units are named for 会稿 (set them at 拟办)');
      return { action: 'request-joint-review', to, details: { units: draft.jointReviewUnits } };
    });
  }
}

/**
 * One unit's 会稿 opinion: it must say agree or disagree, with a name and a full date (seed 002 L381: otherwise
 * it is re-sent). The unit must be one of those asked.
 */
@Injectable()
export class RecordOutgoingJointOpinion {
  constructor(private readonly steps: OutgoingSteps) {}
  execute(input: z.infer<typeof documents.recordOutgoingJointOpinion.input>, context: RequestContext): Promise<View> {
    return this.steps.step(input.id, context, async (draft, tx, now) => {
      const to = transition(draft, 'record-joint-opinion', context.actor);
      if (!draft.jointReviewUnits.includes(input.unit)) {
        throw GovError.badInput(`${input.unit} was not asked for 会稿`, { field: 'unit', units: draft.jointReviewUnits });
      }
      const decision = classifyOpinion(input.opinion);
      if (!decision) throw GovError.badInput(`the opinion of ${input.unit} must say agree or disagree; re-send it (重新送签)`, { field: 'opinion' });
      parseFullDate(input.signedAt);
      await tx.outgoingOpinion.create({
        data: {
          documentId: draft.id,
          kind: 'joint',
          unit: input.unit,
          opinion: input.opinion,
          signedName: input.signedName,
          signedAt: input.signedAt,
          outcome: decision,
          recordedById: context.actor.id,
          recordedAt: now,
        },
      });
      return { action: 'record-joint-opinion', to, details: { unit: input.unit, decision } };
    });
  }
}

/** 会稿 closed: every unit answered; a disagreement needs the leaders' ruling (seed 001 L163). */
@Injectable()
export class CloseOutgoingJointReview {
  constructor(private readonly steps: OutgoingSteps) {}
  execute(input: z.infer<typeof documents.closeOutgoingJointReview.input>, context: RequestContext): Promise<View> {
    return this.steps.step(input.id, context, (draft, _tx, now) => {
      const to = transition(draft, 'close-joint-review', context.actor);
      const ruling = input.ruling ? { by: input.ruling.by, at: now } : null;
      assertJointReviewComplete(draft.jointReviewUnits, jointOpinions(draft), ruling);
      return {
        action: 'close-joint-review',
        to,
        details: { ruling: input.ruling ?? null },
        data: input.ruling ? { jointRuling: { ...input.ruling, at: now.toISOString() } } : { jointRuling: Prisma.DbNull },
      };
    });
  }
}

/**
 * 法制审核 (seed 000 L210, L294–296; seed 004 L44): the deputy director sends the draft to the legal office
 * through `documents.outgoingLegalReviewRequested`; the draft waits in `legal-review` until legal-review's
 * conclusion arrives (LegalReviewConcluded consumer). Title null when classified.
 */
@Injectable()
export class RequestOutgoingLegalReview {
  constructor(private readonly steps: OutgoingSteps) {}
  execute(input: { id: string }, context: RequestContext): Promise<View> {
    return this.steps.step(input.id, context, (draft, _tx, now) => {
      const to = transition(draft, 'request-legal-review', context.actor);
      const requestId = randomUUID();
      const grounds = legalGrounds(draft.legalReviewReasons);
      return {
        action: 'request-legal-review',
        to,
        details: { requestId, grounds },
        data: { legalRequestId: requestId },
        event: {
          contract: documents.outgoingLegalReviewRequested,
          data: {
            requestId,
            subject: { section: 'documents', kind: 'outgoing', id: draft.id },
            title: publicTitle({ classification: draft.classification as Classification, title: draft.title }),
            grounds,
            requestedAt: now.toISOString(),
            requestedBy: context.actor.id,
          },
        },
      };
    });
  }
}

/**
 * 送核稿: only when the type is one of the 15, 会稿 is complete when required, and the latest legal opinion
 * has passed when legal review is required (assertReadyForCheck; SCENARIOS seed002 #13).
 */
@Injectable()
export class SubmitOutgoingForCheck {
  constructor(private readonly steps: OutgoingSteps) {}
  execute(input: { id: string }, context: RequestContext): Promise<View> {
    return this.steps.step(input.id, context, (draft) => {
      const to = transition(draft, 'submit-for-check', context.actor);
      const ruling = draft.jointRuling as { by: string; at: string } | null;
      assertReadyForCheck({
        docType: draft.docType ?? '',
        jointReview: {
          required: draft.jointReviewRequired,
          units: draft.jointReviewUnits,
          opinions: jointOpinions(draft),
          ruling: ruling ? { by: ruling.by, at: new Date(ruling.at) } : null,
        },
        legalReview: { required: draft.legalReviewRequired, opinions: legalOpinions(draft) },
      });
      return { action: 'submit-for-check', to };
    });
  }
}

/** 核稿 by the section chief (seed 000 L216–224): content, format and wording; any failure returns it. */
@Injectable()
export class CheckOutgoing {
  constructor(private readonly steps: OutgoingSteps) {}
  execute(input: z.infer<typeof documents.checkOutgoing.input>, context: RequestContext): Promise<View> {
    return this.steps.step(input.id, context, (draft) => {
      const action = chiefCheckOutcome(input);
      const to = transition(draft, action, context.actor);
      return {
        action,
        to,
        reason: input.remarks ?? null,
        details: { content: input.content, format: input.format, wording: input.wording },
        ...(action === 'return-for-revision' ? { holder: { id: draft.draftedById, name: draft.draftedByName } } : {}),
      };
    });
  }
}

/** The revised draft goes back to the section chief (seed 000 L224). */
@Injectable()
export class ResubmitOutgoing {
  constructor(private readonly steps: OutgoingSteps) {}
  execute(input: { id: string; changes: string }, context: RequestContext): Promise<View> {
    return this.steps.step(input.id, context, (draft) => ({ action: 'resubmit', to: transition(draft, 'resubmit', context.actor), reason: input.changes }));
  }
}

/**
 * 办公室分管领导审核 (seed 000 L226): an explicit opinion (a bare "已核" is refused, seed 002 L381); an agreement
 * is written "拟同意" (L382, SCENARIOS seed002 #14). Sending for signature opens a new signing round.
 */
@Injectable()
export class ReviewOutgoingAsDeputy {
  constructor(private readonly steps: OutgoingSteps) {}
  execute(input: z.infer<typeof documents.reviewOutgoingAsDeputy.input>, context: RequestContext): Promise<View> {
    const settings = this.steps.settings;
    return this.steps.step(input.id, context, (draft) => {
      const to = transition(draft, input.decision, context.actor);
      const decision = classifyOpinion(input.opinion);
      if (input.decision === 'submit-for-signature') {
        if (decision !== 'agree') {
          throw GovError.badInput('sending for signature needs an explicit agreement; "已核", "已阅" or a bare name is not an opinion', { field: 'opinion' });
        }
        const plan = signingPlan(signingCase(draft), settings);
        return {
          action: 'submit-for-signature',
          to,
          reason: renderOfficeReviewOpinion(input.opinion),
          details: { plan: plan.map((s) => s.id), round: draft.signingRound + 1 },
          data: { signingRound: draft.signingRound + 1 },
        };
      }
      return { action: 'return-for-revision', to, reason: input.opinion, holder: { id: draft.draftedById, name: draft.draftedByName } };
    });
  }
}
