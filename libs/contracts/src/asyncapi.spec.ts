import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EVENT_CATALOG } from './catalog.js';
import { buildAsyncApi } from './asyncapi.js';
import { EventEnvelopeSchema } from './envelope.js';

describe('the AsyncAPI event catalogue', () => {
  const doc = buildAsyncApi();

  it('documents every event of the catalogue with its payload schema and an example', () => {
    expect(doc.asyncapi).toBe('3.0.0');
    for (const event of EVENT_CATALOG) {
      expect(doc.channels).toHaveProperty([event.type]);
      const message = (doc.components.messages as Record<string, any>)[event.type];
      expect(message.examples[0].payload.type).toBe(event.type);
      // The example is a valid envelope whose data satisfies the event's own schema.
      expect(EventEnvelopeSchema.safeParse(message.examples[0].payload).success).toBe(true);
      expect(event.data.safeParse(message.examples[0].payload.data).success).toBe(true);
    }
    const registered = (doc.components.schemas as Record<string, any>)['gov.documents.incoming.registered'];
    expect(registered.required).toEqual(expect.arrayContaining(['documentId', 'registerNumber', 'classification']));
  });

  it('is committed up to date in docs/events/asyncapi.json (run `npm run docs:events`)', () => {
    const committed = JSON.parse(readFileSync(path.join(process.cwd(), 'docs', 'events', 'asyncapi.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(doc)));
  });
});
