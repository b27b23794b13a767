import { Controller } from '@nestjs/common';
import { Ctx, Payload, type NatsContext } from '@nestjs/microservices';
import { legalReview } from '@gov/contracts';
import { CommandHandler, runCommand } from '@gov/service-kit';
import { ConcludeLegalReview } from './conclude-review.use-case.js';
import { GetLegalReview, ListLegalReviews } from './read-reviews.use-case.js';

@Controller()
export class ReviewsHandlers {
  constructor(
    private readonly conclude: ConcludeLegalReview,
    private readonly getReview: GetLegalReview,
    private readonly listReviews: ListLegalReviews,
  ) {}

  @CommandHandler(legalReview.concludeReview)
  concludeReview(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(legalReview.concludeReview, data, ctx, (input, c) => this.conclude.execute(input, c));
  }

  @CommandHandler(legalReview.getReview)
  get(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(legalReview.getReview, data, ctx, (input, c) => this.getReview.execute(input, c));
  }

  @CommandHandler(legalReview.listReviews)
  list(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(legalReview.listReviews, data, ctx, (input, c) => this.listReviews.execute(input, c));
  }
}
