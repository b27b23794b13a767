import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/**
 * CloudEvents 1.0 envelope (structured JSON) plus the W3C `traceparent` extension. Events carry identifiers
 * and non-classified metadata only: never the body, title or attachments of a classified item.
 */
export const EventEnvelopeSchema = z.object({
  specversion: z.literal('1.0'),
  id: z.string().uuid(),
  source: z.string().min(1),
  type: z.string().regex(/^gov\.[a-z-]+\.[a-z-]+\.[a-z-]+$/),
  time: z.string().datetime({ offset: true }),
  subject: z.string().min(1),
  datacontenttype: z.literal('application/json'),
  dataschema: z.string().optional(),
  traceparent: z.string().optional(),
  data: z.unknown(),
});
export type EventEnvelope<T = unknown> = Omit<z.infer<typeof EventEnvelopeSchema>, 'data'> & { data: T };

export function eventSource(section: string): string {
  return `/gov-office/${section}`;
}

export function createEnvelope<T>(args: {
  section: string;
  type: string;
  subject: string;
  data: T;
  traceparent?: string | undefined;
  id?: string;
  time?: Date;
}): EventEnvelope<T> {
  const envelope: EventEnvelope<T> = {
    specversion: '1.0',
    id: args.id ?? randomUUID(),
    source: eventSource(args.section),
    type: args.type,
    time: (args.time ?? new Date()).toISOString(),
    subject: args.subject,
    datacontenttype: 'application/json',
    dataschema: `#/components/schemas/${args.type}`,
    data: args.data,
  };
  if (args.traceparent) envelope.traceparent = args.traceparent;
  return envelope;
}
