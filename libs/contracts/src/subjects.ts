/**
 * NATS subjects. Commands and queries: `<section>.<aggregate>.<verb>`; events: `gov.<section>.<aggregate>.<event>`
 * on the JetStream stream GOV_EVENTS, which captures `gov.>` only (no request subject starts with `gov.`).
 *
 * A namespace (setting NATS_NAMESPACE) prefixes every subject and the stream name, so several platforms or
 * test runs can share one NATS server without answering each other's requests. Production uses none.
 */
export const SECTIONS = [
  'documents',
  'meetings',
  'supervision',
  'legal-review',
  'petitions',
  'secrecy',
  'archives',
  'foreign-affairs',
] as const;
export type Section = (typeof SECTIONS)[number];

export const EVENT_ROOT = 'gov';
export const EVENTS_STREAM = 'GOV_EVENTS';
export const CALENDAR_BUCKET = 'gov_calendar';

const TOKEN = /^[a-z][a-z0-9-]*$/;

export class SubjectSpace {
  readonly namespace: string;

  constructor(namespace = '') {
    if (namespace && !/^[a-z][a-z0-9_]*$/.test(namespace)) {
      throw new Error(`NATS namespace "${namespace}" must be lower-case letters, digits and underscores`);
    }
    this.namespace = namespace;
  }

  private prefix(subject: string): string {
    return this.namespace ? `${this.namespace}.${subject}` : subject;
  }

  /** Wire subject of a command or query, e.g. `documents.incoming.register`. */
  command(subject: string): string {
    return this.prefix(subject);
  }

  /** Wire subject of an event type, e.g. `gov.documents.incoming.registered`. */
  event(type: string): string {
    return this.prefix(type);
  }

  /** The event type back from a wire subject. */
  eventType(wireSubject: string): string {
    return this.namespace ? wireSubject.slice(this.namespace.length + 1) : wireSubject;
  }

  /** What the events stream captures: `gov.>` (namespaced in tests). */
  get streamSubjects(): string[] {
    return [this.prefix(`${EVENT_ROOT}.>`)];
  }

  get streamName(): string {
    return this.namespace ? `${EVENTS_STREAM}_${this.namespace}` : EVENTS_STREAM;
  }

  get calendarBucket(): string {
    return this.namespace ? `${CALENDAR_BUCKET}_${this.namespace}` : CALENDAR_BUCKET;
  }
}

export function commandSubject(section: Section, aggregate: string, verb: string): string {
  for (const t of [aggregate, verb]) if (!TOKEN.test(t)) throw new Error(`bad subject token "${t}"`);
  return `${section}.${aggregate}.${verb}`;
}

export function eventType(section: Section, aggregate: string, name: string): string {
  for (const t of [aggregate, name]) if (!TOKEN.test(t)) throw new Error(`bad subject token "${t}"`);
  return `${EVENT_ROOT}.${section}.${aggregate}.${name}`;
}
