import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { KeycloakTokenVerifier, Role } from '@gov/auth';
import { GovError } from '@gov/contracts';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator.js';
import { VERIFIER } from '../tokens.js';
import type { GatewayContext } from '../graphql/context.js';

/**
 * Every GraphQL operation passes here: the bearer token is verified through keycloak-connect (offline, against
 * the realm's keys), turned into the Actor, and checked against the operation's roles. Record-level rules
 * (state, clearance, 知悉范围, unit) are the services' to decide.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(VERIFIER) private readonly verifier: KeycloakTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    if (context.getType<string>() !== 'graphql') throw GovError.forbidden('not a public endpoint');
    const ctx = GqlExecutionContext.create(context).getContext<GatewayContext>();
    ctx.actor ??= await this.verifier.verify(ctx.authorization);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles?.length) throw GovError.forbidden('this operation is not open to any role');
    if (!ctx.actor.roles.some((r) => roles.includes(r))) {
      throw GovError.forbidden(`this operation needs one of the roles: ${roles.join(', ')}`, { requiredRoles: roles });
    }
    return true;
  }
}
