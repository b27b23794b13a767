/**
 * The one error type of the platform. Services throw it, the wire carries it as `{code, message, details}`,
 * and only the gateway turns it into a GraphQL error (extensions.code = code).
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT', // malformed or invalid input; nothing changed
  'UNAUTHENTICATED', // no, expired or untrusted token
  'FORBIDDEN', // the actor may not do this (role, clearance, need-to-know, state owner)
  'NOT_FOUND',
  'CONFLICT', // the aggregate is not in a state that allows the action, or a duplicate
  'DEADLINE_RULE', // a lead time or deadline rule refuses the action
  'CALENDAR_DATA_MISSING', // a working-day computation touched a year with no calendar data
  'UNAVAILABLE', // a dependency (service, broker) did not answer in time
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface GovErrorPayload {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export class GovError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'GovError';
  }

  toPayload(): GovErrorPayload {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static isPayload(value: unknown): value is GovErrorPayload {
    return (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as GovErrorPayload).code === 'string' &&
      (ERROR_CODES as readonly string[]).includes((value as GovErrorPayload).code) &&
      typeof (value as GovErrorPayload).message === 'string'
    );
  }

  static fromPayload(payload: GovErrorPayload): GovError {
    return new GovError(payload.code, payload.message, payload.details);
  }

  static badInput(message: string, details?: Record<string, unknown>): GovError {
    return new GovError('BAD_USER_INPUT', message, details);
  }
  static forbidden(message: string, details?: Record<string, unknown>): GovError {
    return new GovError('FORBIDDEN', message, details);
  }
  static notFound(message: string, details?: Record<string, unknown>): GovError {
    return new GovError('NOT_FOUND', message, details);
  }
  static conflict(message: string, details?: Record<string, unknown>): GovError {
    return new GovError('CONFLICT', message, details);
  }
}
