import { Inject, Injectable } from '@nestjs/common';
import { legalReview, meetings, readEvent, type EventEnvelope } from '@gov/contracts';
import { childTrace, parseTraceparent } from '@gov/messaging';
import type { EventConsumer } from '@gov/service-kit';
import type { MeetingsTx } from '../database.js';
import { applyLegalReviewOutcome } from '../meetings/topic.rules.js';
import { MEETINGS_SETTINGS } from '../meetings/settings.module.js';
import type { MeetingsSettings } from '../meetings/settings.js';
import { changeTopic } from './topics.use-case.js';

/**
 * Legal-review's conclusion on a meeting topic (subject.section 'meetings', kind 'topic'): a passing outcome
 * (passed, passed with changes) lets the topic be deliberated; a failed one blocks it and emits
 * gov.meetings.topic.blocked. Runs in the consumer's transaction with the inbox row, so a redelivery changes
 * nothing; a conclusion for a topic that is not waiting for one (unknown, other request, already concluded)
 * is left alone.
 */
@Injectable()
export class ApplyTopicLegalReview implements EventConsumer {
  readonly durable = 'meetings-topic-legal-review';
  readonly eventTypes = [legalReview.reviewConcluded.type];

  constructor(@Inject(MEETINGS_SETTINGS) private readonly settings: MeetingsSettings) {}

  async handle(envelope: EventEnvelope, tx: MeetingsTx): Promise<void> {
    const { data } = readEvent(legalReview.reviewConcluded, envelope);
    if (data.subject.section !== 'meetings' || data.subject.kind !== 'topic') return;
    const topic = await tx.meetingTopic.findUnique({ where: { id: data.subject.id } });
    if (!topic || topic.legalReview !== 'pending' || topic.legalReviewRequestId !== data.requestId) return;
    const passes = legalReview.legalReviewPasses(data.outcome);
    const state = applyLegalReviewOutcome('pending', passes ? 'passed' : 'failed');
    const at = new Date(data.concludedAt);
    const trace = childTrace(parseTraceparent(envelope.traceparent));
    const context = {
      actor: { id: data.concludedBy, name: '合法性审查', username: 'legal-review', roles: [], unit: null, clearance: 'none', rank: null },
      traceId: trace.traceId,
      traceparent: trace.traceparent,
    } as never;
    await changeTopic(tx, this.settings, context, topic, {
      at,
      action: passes ? 'legal-review-passed' : 'legal-review-failed',
      to: passes ? topic.state : 'blocked',
      data: { legalReview: state, legalReviewOpinionNumber: data.opinionNumber },
      details: { reviewId: data.reviewId, outcome: data.outcome, opinionNumber: data.opinionNumber },
      ...(passes
        ? {}
        : {
            event: {
              contract: meetings.topicBlocked,
              data: { topicId: topic.id, meetingId: topic.meetingId, blocks: ['legal-review-failed' as const], opinionNumber: data.opinionNumber, blockedAt: at.toISOString() },
            },
          }),
    });
  }
}
