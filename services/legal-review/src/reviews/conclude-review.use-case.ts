import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { GovError, legalReview } from '@gov/contracts';
import type { Clock } from '@gov/calendar';
import { allocateYearNumber } from '@gov/persistence';
import { CLOCK, DATABASE, UNIT_OF_WORK, type RequestContext, type UnitOfWork, recordChange } from '@gov/service-kit';
import type { LegalReviewDatabase, LegalReviewTx } from '../database.js';
import { toReviewView } from './reviews.mapper.js';
import { assertOpinion, nextReviewState, OPINION_NUMBER_PREFIX, type ReviewState } from './review.rules.js';

type Input = z.infer<typeof legalReview.concludeReview.input>;

export const NO_SUCH_REVIEW = () => GovError.notFound('no such legal review');

/**
 * A legal officer's opinion (审查意见) on a requested review, numbered 法审〔YYYY〕N号, with its audit entry and the
 * `gov.legal-review.review.concluded` event that unblocks (or blocks) the asking document or topic.
 */
@Injectable()
export class ConcludeLegalReview {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof LegalReviewDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<LegalReviewTx>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(input: Input, context: RequestContext): Promise<legalReview.LegalReviewView> {
    const { actor } = context;
    const now = this.clock.now();
    const current = await this.db.legalReview.findUnique({ where: { id: input.id } });
    if (!current) throw NO_SUCH_REVIEW();
    const to = nextReviewState(current.state as ReviewState, 'conclude', actor);
    assertOpinion(input.outcome, input.summary);

    const row = await this.uow.run(async (tx) => {
      const number = await allocateYearNumber(tx, {
        prefix: OPINION_NUMBER_PREFIX,
        at: now,
        entityType: 'legal-review',
        entityId: current.id,
        issuedBy: actor.id,
      });
      const { count } = await tx.legalReview.updateMany({
        where: { id: current.id, version: current.version },
        data: {
          state: to,
          outcome: input.outcome,
          summary: input.summary ?? null,
          opinionNumber: number.formatted,
          concludedAt: now,
          concludedById: actor.id,
          concludedByName: actor.name,
          version: { increment: 1 },
        },
      });
      if (count !== 1) throw GovError.conflict('the review was concluded meanwhile; reload it');
      await recordChange(tx, context, {
        at: now,
        entityType: 'legal-review',
        entityId: current.id,
        action: 'legal-review.conclude',
        details: { outcome: input.outcome, opinionNumber: number.formatted },
        event: {
          contract: legalReview.reviewConcluded,
          data: {
            reviewId: current.id,
            requestId: current.requestId,
            subject: { section: current.subjectSection as 'documents', kind: current.subjectKind as 'outgoing', id: current.subjectId },
            outcome: input.outcome,
            opinionNumber: number.formatted,
            summary: input.summary ?? null,
            concludedAt: now.toISOString(),
            concludedBy: actor.id,
          },
        },
      });
      return tx.legalReview.findUniqueOrThrow({ where: { id: current.id } });
    });
    return toReviewView(row);
  }
}
