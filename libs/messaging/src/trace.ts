import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

/**
 * W3C trace context, carried gateway → NATS header → service → event envelope, so one trace id names a
 * request in every JSON log line it causes.
 */
export interface TraceContext {
  traceId: string;
  spanId: string;
  traceparent: string;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;

export function newTraceparent(traceId = randomBytes(16).toString('hex')): string {
  return `00-${traceId}-${randomBytes(8).toString('hex')}-01`;
}

export function parseTraceparent(value: string | undefined | null): TraceContext | undefined {
  const m = value ? TRACEPARENT.exec(value) : null;
  return m ? { traceId: m[1]!, spanId: m[2]!, traceparent: value! } : undefined;
}

/** A child span of the current trace (or a new trace). */
export function childTrace(parent?: TraceContext): TraceContext {
  const traceparent = newTraceparent(parent?.traceId);
  return parseTraceparent(traceparent)!;
}

const storage = new AsyncLocalStorage<TraceContext>();

export function runInTrace<T>(trace: TraceContext, fn: () => T): T {
  return storage.run(trace, fn);
}

export function currentTrace(): TraceContext | undefined {
  return storage.getStore();
}
