import { z } from 'zod';
import { EVENT_CATALOG } from './catalog.js';
import { EVENTS_STREAM, EVENT_ROOT } from './subjects.js';
import { createEnvelope, EventEnvelopeSchema } from './envelope.js';
import type { EventContract } from './define.js';

/**
 * The published event catalogue as an AsyncAPI 3.0 document, generated from the same zod schemas that
 * validate events at run time, so the documentation cannot drift from the wire. `npm run docs:events`
 * writes it to docs/events/asyncapi.json; a test fails when the committed file is out of date.
 */
export function buildAsyncApi(catalog: readonly EventContract<z.ZodType>[] = EVENT_CATALOG) {
  const envelopeSchema = z.toJSONSchema(EventEnvelopeSchema.omit({ data: true }), { target: 'draft-7' });
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = { CloudEventEnvelope: envelopeSchema };
  const messages: Record<string, unknown> = {};
  for (const event of [...catalog].sort((a, b) => a.type.localeCompare(b.type))) {
    schemas[event.type] = z.toJSONSchema(event.data, { target: 'draft-7' });
    messages[event.type] = {
      name: event.type,
      title: event.type,
      summary: event.description,
      contentType: 'application/cloudevents+json',
      headers: {
        type: 'object',
        properties: {
          'Nats-Msg-Id': { type: 'string', description: 'the event id; JetStream drops a repeat within its duplicate window' },
          traceparent: { type: 'string', description: 'W3C trace context of the request that caused the event' },
        },
      },
      payload: {
        allOf: [
          { $ref: '#/components/schemas/CloudEventEnvelope' },
          { type: 'object', properties: { type: { const: event.type }, data: { $ref: `#/components/schemas/${event.type}` } } },
        ],
      },
      examples: [
        {
          name: 'example',
          payload: createEnvelope({
            section: event.section,
            type: event.type,
            subject: String((event.example as Record<string, unknown>)[event.subjectKey]),
            data: event.example,
            id: '00000000-0000-4000-8000-000000000001',
            time: new Date('2026-11-20T02:00:00Z'),
            traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
          }),
        },
      ],
    };
    channels[event.type] = {
      address: event.type,
      description: `${event.description} (section ${event.section}, aggregate ${event.aggregate})`,
      messages: { [event.type]: { $ref: `#/components/messages/${event.type}` } },
    };
    operations[`receive ${event.type}`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${event.type}` },
      summary: `Integrators and other sections receive ${event.type}`,
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'District office platform events',
      version: '1.0.0',
      description: [
        `Every state change other sections or integrators may care about is published to the JetStream stream ${EVENTS_STREAM},`,
        `subjects ${EVENT_ROOT}.<section>.<aggregate>.<event>, as CloudEvents 1.0 structured JSON with a traceparent extension.`,
        'Events carry identifiers and non-classified metadata only: never the body, title or attachments of a classified item.',
        'Delivery is at least once: publish with Nats-Msg-Id = event id, and consumers keep an inbox of handled ids.',
      ].join(' '),
    },
    defaultContentType: 'application/cloudevents+json',
    servers: {
      production: {
        host: 'nats:4222',
        protocol: 'nats',
        description: `JetStream stream ${EVENTS_STREAM} capturing ${EVENT_ROOT}.>; integrators read it with the read-only integrator account (infra/nats).`,
      },
    },
    channels,
    operations,
    components: { schemas, messages },
  };
}
