import { Module } from '@nestjs/common';
import { ScoringHandlers } from './scoring.handlers.js';
import { RecordPosting, RecordScore } from './record-score.use-case.js';
import { GetPersonScore, GetSectionScore, GetUnitScores, GetYearEndRanking } from './read-scores.use-case.js';

/** 考核: section and staff scoring (seed 002 W5) and units' scores on supervision items. */
@Module({
  controllers: [ScoringHandlers],
  providers: [RecordScore, RecordPosting, GetSectionScore, GetPersonScore, GetYearEndRanking, GetUnitScores],
})
export class ScoringModule {}
