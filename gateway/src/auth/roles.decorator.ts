import { SetMetadata } from '@nestjs/common';
import type { Role } from '@gov/auth';

export const ROLES_KEY = 'gov:roles';
export const PUBLIC_KEY = 'gov:public';

/** The roles that may call this operation (any one of them). Operations without it are refused. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
/** An operation that needs no token (none exists in the schema today besides introspection). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
