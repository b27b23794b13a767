import { Catch, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import type { GraphQLFormattedError } from 'graphql';
import { GovError, type GovErrorPayload } from '@gov/contracts';
import { currentTrace, type JsonLogger } from '@gov/messaging';

/** GraphQL's own refusals of a request (before any resolver): all are the caller's input. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

function asGovError(value: unknown): GovErrorPayload | undefined {
  if (value instanceof GovError) return value;
  // Across module copies instanceof can fail; the shape is the contract.
  if (value && typeof value === 'object' && (value as Error).name === 'GovError' && GovError.isPayload(value)) return value;
  return undefined;
}

/**
 * The only place platform errors become GraphQL errors: extensions.code is the platform code
 * (BAD_USER_INPUT, FORBIDDEN, NOT_FOUND, CONFLICT, DEADLINE_RULE, UNAUTHENTICATED…) with its details.
 * GraphQL's own refusals (syntax, validation, variable types) are BAD_USER_INPUT; anything else is
 * INTERNAL_SERVER_ERROR with nothing internal shown.
 */
export function formatError(logger: JsonLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    let original: unknown = error;
    while ((original as { originalError?: unknown })?.originalError) original = (original as { originalError: unknown }).originalError;
    const gov = asGovError(original);
    if (gov) {
      return {
        message: gov.message,
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: gov.code, ...(gov.details ? { details: gov.details } : {}) },
      };
    }
    const code = formatted.extensions?.code;
    const isRequestError =
      (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) ||
      // Variable coercion errors carry no path and nothing but GraphQL errors underneath.
      (!formatted.path && (original as Error)?.name === 'GraphQLError');
    if (isRequestError) {
      return { message: formatted.message, ...(formatted.locations ? { locations: formatted.locations } : {}), extensions: { code: 'BAD_USER_INPUT', ...(typeof code === 'string' && code !== 'BAD_USER_INPUT' ? { graphqlCode: code } : {}) } };
    }
    logger.error('unexpected error in a resolver', {
      error: String((original as Error)?.message ?? original),
      traceId: currentTrace()?.traceId,
    });
    return { message: 'internal error', ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

/** Hands GovErrors to Apollo untouched (Nest would otherwise log each refusal as an unhandled exception). */
@Catch(GovError)
export class GovErrorFilter implements GqlExceptionFilter {
  catch(exception: GovError, _host: ArgumentsHost): GovError {
    return exception;
  }
}
