import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Actor } from '@gov/auth';
import type { TraceContext } from '@gov/messaging';

/** Per-request GraphQL context: the raw Authorization header, the verified actor, the trace. */
export interface GatewayContext {
  authorization: string | undefined;
  actor?: Actor;
  trace: TraceContext;
}

/** What a resolver passes to the RpcClient: who acts and in which trace. */
export interface Caller {
  actor: Actor;
  traceparent: string;
}

export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const ctx = GqlExecutionContext.create(context).getContext<GatewayContext>();
  return { actor: ctx.actor!, traceparent: ctx.trace.traceparent };
});
