import { describe, expect, it } from '@jest/globals';
import { coveringSubject } from './consumer.js';

describe('coveringSubject: one filter subject for a consumer of several event types (NATS 2.9 has no filter_subjects)', () => {
  it.each([
    [['gov.documents.incoming.registered'], 'gov.documents.incoming.registered'],
    [['gov.documents.incoming.registered', 'gov.documents.incoming.routed'], 'gov.documents.incoming.*'],
    [['gov.documents.outgoing.legal-review-requested', 'gov.meetings.topic.legal-review-requested'], 'gov.*.*.legal-review-requested'],
    [['t1.gov.documents.incoming.routed', 't1.gov.meetings.minutes.issued', 't1.gov.petitions.case.referred'], 't1.gov.*.*.*'],
    [['a.b.c', 'a.b.c.d'], 'a.b.>'],
    [['a.b', 'x.y.z'], '>'],
  ])('%j → %s', (subjects, expected) => {
    expect(coveringSubject(subjects)).toBe(expected);
  });

  it('refuses an empty list', () => {
    expect(() => coveringSubject([])).toThrow('at least one event type');
  });
});
