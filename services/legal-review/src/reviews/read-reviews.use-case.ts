import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { GovError, legalReview } from '@gov/contracts';
import { hasAnyRole, type Actor } from '@gov/auth';
import { DATABASE, type RequestContext } from '@gov/service-kit';
import type { LegalReviewDatabase } from '../database.js';
import { toReviewView } from './reviews.mapper.js';
import { NO_SUCH_REVIEW } from './conclude-review.use-case.js';

const READERS = ['legal-officer', 'director', 'deputy-director', 'auditor'] as const;

function assertReader(actor: Actor): void {
  if (!hasAnyRole(actor, READERS)) throw GovError.forbidden('you may not read legal reviews');
}

@Injectable()
export class GetLegalReview {
  constructor(@Inject(DATABASE) private readonly db: InstanceType<typeof LegalReviewDatabase>) {}

  async execute({ id }: { id: string }, { actor }: RequestContext): Promise<legalReview.LegalReviewView> {
    assertReader(actor);
    const row = await this.db.legalReview.findUnique({ where: { id } });
    if (!row) throw NO_SUCH_REVIEW();
    return toReviewView(row);
  }
}

type ListInput = z.infer<typeof legalReview.listReviews.input>;

/** The legal officers' queue: oldest request first. */
@Injectable()
export class ListLegalReviews {
  constructor(@Inject(DATABASE) private readonly db: InstanceType<typeof LegalReviewDatabase>) {}

  async execute(input: ListInput, { actor }: RequestContext): Promise<z.infer<typeof legalReview.listReviews.output>> {
    assertReader(actor);
    const where = input.state ? { state: input.state } : {};
    const [rows, total] = await Promise.all([
      this.db.legalReview.findMany({ where, orderBy: [{ requestedAt: 'asc' }, { id: 'asc' }], take: input.limit, skip: input.offset }),
      this.db.legalReview.count({ where }),
    ]);
    return { items: rows.map(toReviewView), total };
  }
}
