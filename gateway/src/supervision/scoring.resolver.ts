import { Inject } from '@nestjs/common';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { supervision } from '@gov/contracts';
import type { RpcClient } from '@gov/messaging';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentCaller, type Caller } from '../graphql/context.js';
import { withoutNulls } from '../graphql/scalars.js';
import { RPC } from '../tokens.js';
import {
  PersonPostingsType, PersonScoreType, RecordScoreInput, ScoreEntryType, SectionScoreType, UnitScoresType, YearEndRankingType,
} from './scoring.types.js';

const RECORDERS = ['supervisor', 'director'] as const;
const READERS = ['supervisor', 'director', 'deputy-director', 'auditor'] as const;

@Resolver(() => ScoreEntryType)
export class ScoringResolver {
  constructor(@Inject(RPC) private readonly rpc: RpcClient) {}

  @Mutation(() => ScoreEntryType, { description: 'A deduction or addition from seed 002\'s table, with its evidence (late evidence refused).' })
  @Roles(...RECORDERS)
  recordScore(@Args('input') input: RecordScoreInput, @CurrentCaller() caller: Caller) {
    const leaderMatter = input.leaderMatter ? withoutNulls({ ...input.leaderMatter }) : input.leaderMatter;
    return this.rpc.request(supervision.recordScore, withoutNulls({ ...input, leaderMatter }) as never, caller);
  }

  @Mutation(() => PersonPostingsType, { description: "A person's posting to a section from a day (调整工作岗位)." })
  @Roles(...RECORDERS)
  recordScorePosting(
    @Args('personId') personId: string,
    @Args('sectionId') sectionId: string,
    @Args('from') from: string,
    @CurrentCaller() caller: Caller,
  ) {
    return this.rpc.request(supervision.recordPosting, { personId, sectionId, from }, caller);
  }

  @Query(() => SectionScoreType, { description: "A section's score for a year, with its entries and postings." })
  @Roles(...READERS)
  sectionScore(@Args('sectionId') sectionId: string, @Args('year', { type: () => Int }) year: number, @CurrentCaller() caller: Caller) {
    return this.rpc.request(supervision.sectionScore, { sectionId, year }, caller);
  }

  @Query(() => PersonScoreType, { description: "A person's score for a year." })
  @Roles(...READERS)
  personScore(@Args('personId') personId: string, @Args('year', { type: () => Int }) year: number, @CurrentCaller() caller: Caller) {
    return this.rpc.request(supervision.personScore, { personId, year }, caller);
  }

  @Query(() => YearEndRankingType, { description: 'The year-end ranking of the sections.' })
  @Roles(...READERS)
  yearEndRanking(@Args('year', { type: () => Int }) year: number, @CurrentCaller() caller: Caller) {
    return this.rpc.request(supervision.yearEndRanking, { year }, caller);
  }

  @Query(() => UnitScoresType, { description: "Units' scores on the supervision items they lead (a unit liaison: its own unit)." })
  @Roles(...READERS, 'unit-liaison')
  unitScores(
    @Args('year', { type: () => Int }) year: number,
    @CurrentCaller() caller: Caller,
    @Args('asOf', { type: () => String, nullable: true }) asOf?: string | null,
    @Args('unit', { type: () => String, nullable: true }) unit?: string | null,
  ) {
    return this.rpc.request(supervision.unitScores, withoutNulls({ year, asOf, unit }) as never, caller);
  }
}
