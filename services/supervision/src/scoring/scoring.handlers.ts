import { Controller } from '@nestjs/common';
import { Ctx, Payload, type NatsContext } from '@nestjs/microservices';
import { supervision } from '@gov/contracts';
import { CommandHandler, runCommand } from '@gov/service-kit';
import { RecordPosting, RecordScore } from './record-score.use-case.js';
import { GetPersonScore, GetSectionScore, GetUnitScores, GetYearEndRanking } from './read-scores.use-case.js';

/** NATS handlers of scoring: each validates its message and calls one use case. */
@Controller()
export class ScoringHandlers {
  constructor(
    private readonly recordScore: RecordScore,
    private readonly recordPosting: RecordPosting,
    private readonly sectionScore: GetSectionScore,
    private readonly personScore: GetPersonScore,
    private readonly ranking: GetYearEndRanking,
    private readonly unitScores: GetUnitScores,
  ) {}

  @CommandHandler(supervision.recordScore)
  record(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.recordScore, data, ctx, (input, c) => this.recordScore.execute(input, c));
  }

  @CommandHandler(supervision.recordPosting)
  post(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.recordPosting, data, ctx, (input, c) => this.recordPosting.execute(input, c));
  }

  @CommandHandler(supervision.sectionScore)
  section(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.sectionScore, data, ctx, (input, c) => this.sectionScore.execute(input, c));
  }

  @CommandHandler(supervision.personScore)
  person(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.personScore, data, ctx, (input, c) => this.personScore.execute(input, c));
  }

  @CommandHandler(supervision.yearEndRanking)
  rank(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.yearEndRanking, data, ctx, (input, c) => this.ranking.execute(input, c));
  }

  @CommandHandler(supervision.unitScores)
  units(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.unitScores, data, ctx, (input, c) => this.unitScores.execute(input, c));
  }
}
