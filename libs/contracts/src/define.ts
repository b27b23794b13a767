import { z } from 'zod';
import { GovError } from './errors.js';
import { commandSubject, eventType, type Section } from './subjects.js';
import type { EventEnvelope } from './envelope.js';

/** A command or query on the wire: its subject and the schemas of what goes in and comes out. */
export interface CommandContract<I extends z.ZodType, O extends z.ZodType> {
  kind: 'command' | 'query';
  section: Section;
  subject: string;
  input: I;
  output: O;
  description: string;
}

export function defineCommand<I extends z.ZodType, O extends z.ZodType>(def: {
  kind?: 'command' | 'query';
  section: Section;
  aggregate: string;
  verb: string;
  input: I;
  output: O;
  description: string;
}): CommandContract<I, O> {
  return {
    kind: def.kind ?? 'command',
    section: def.section,
    subject: commandSubject(def.section, def.aggregate, def.verb),
    input: def.input,
    output: def.output,
    description: def.description,
  };
}

/** An event: its CloudEvents type (= subject without namespace), payload schema, and an example for the catalogue. */
export interface EventContract<D extends z.ZodType> {
  section: Section;
  aggregate: string;
  name: string;
  type: string;
  data: D;
  /** The field of `data` naming the aggregate; it is the envelope's CloudEvents `subject`. */
  subjectKey: string;
  description: string;
  example: z.infer<D>;
}

export function defineEvent<D extends z.ZodType>(def: {
  section: Section;
  aggregate: string;
  name: string;
  data: D;
  subjectKey: string;
  description: string;
  example: z.infer<D>;
}): EventContract<D> {
  return { ...def, type: eventType(def.section, def.aggregate, def.name) };
}

/** Validates input against a schema; failures are BAD_USER_INPUT with every issue listed. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what = 'input'): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
    throw GovError.badInput(`invalid ${what}: ${summary}`, { issues });
  }
  return result.data;
}

/** Narrows an envelope to an event contract's payload, validating it. */
export function readEvent<D extends z.ZodType>(contract: EventContract<D>, envelope: EventEnvelope): EventEnvelope<z.infer<D>> {
  if (envelope.type !== contract.type) throw GovError.badInput(`expected ${contract.type}, got ${envelope.type}`);
  return { ...envelope, data: parseInput(contract.data, envelope.data, `${contract.type} data`) };
}
