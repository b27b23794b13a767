import { GovError } from '@gov/contracts';
import type { Actor } from './actor.js';
import { CLEARANCE_NAMES_ZH, clearanceAtLeast, type Clearance } from './clearance.js';
import type { Role } from './roles.js';

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.roles.includes(role);
}

export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return roles.some((r) => actor.roles.includes(r));
}

/** Throws GovError FORBIDDEN unless the actor holds at least one of `roles`. */
export function requireRole(actor: Actor, roles: readonly Role[]): void {
  if (!hasAnyRole(actor, roles)) {
    throw GovError.forbidden(`requires one of the roles: ${roles.join(', ')}`, { requiredRoles: [...roles] });
  }
}

/** What a service knows about an item when deciding whether someone may read it. */
export interface ReadableItem {
  /** 密级 of the item; 'none' for unclassified items. */
  classification: Clearance;
  /**
   * 知悉范围: user ids and/or unit codes allowed to know a classified item. Ignored for unclassified
   * items. When absent or empty on a classified item, the scope is the owner unit alone; with neither,
   * nobody is in scope.
   */
  needToKnow?: readonly string[];
  /** Unit that owns (produced or holds) the item. */
  ownerUnit?: string;
}

export type ReadReason =
  | 'unclassified'
  | 'on-need-to-know'
  | 'owner-unit'
  | 'clearance-too-low'
  | 'not-on-need-to-know'
  | 'no-need-to-know-scope';

export type ReadDecision =
  | { allowed: true; reason: 'unclassified' | 'on-need-to-know' | 'owner-unit'; message: string }
  | { allowed: false; reason: 'clearance-too-low' | 'not-on-need-to-know' | 'no-need-to-know-scope'; message: string };

/**
 * Record-level read decision for a classified or unclassified item:
 * 1. the actor's clearance must be at least the item's classification;
 * 2. for classified items only, the actor (by user id or unit code) must be within the need-to-know
 *    scope, which defaults to the owner unit when the item names no scope.
 * Role checks and workflow state (who may act now) are the caller's job; this answers "may read".
 */
export function canRead(actor: Actor, item: ReadableItem): ReadDecision {
  if (!clearanceAtLeast(actor.clearance, item.classification)) {
    return {
      allowed: false,
      reason: 'clearance-too-low',
      message: `clearance ${actor.clearance} is below the item's classification ${item.classification} (${CLEARANCE_NAMES_ZH[item.classification]})`,
    };
  }
  if (item.classification === 'none') {
    return { allowed: true, reason: 'unclassified', message: 'item is not classified' };
  }
  const listed = (item.needToKnow ?? []).filter((entry) => entry.length > 0);
  if (listed.length > 0) {
    if (listed.includes(actor.id) || listed.includes(actor.unit)) {
      return { allowed: true, reason: 'on-need-to-know', message: 'actor is within the need-to-know scope' };
    }
    return { allowed: false, reason: 'not-on-need-to-know', message: 'actor is not within the need-to-know scope (知悉范围)' };
  }
  if (item.ownerUnit) {
    if (item.ownerUnit === actor.unit) {
      return { allowed: true, reason: 'owner-unit', message: 'no need-to-know list; actor belongs to the owner unit' };
    }
    return { allowed: false, reason: 'not-on-need-to-know', message: 'no need-to-know list and actor is not in the owner unit' };
  }
  return { allowed: false, reason: 'no-need-to-know-scope', message: 'classified item has no need-to-know scope and no owner unit' };
}

/** canRead, throwing GovError FORBIDDEN (details.reason) when reading is not allowed. */
/**
 * Throws what an unknown id would get (NOT_FOUND, no details) when the actor may not read a classified item,
 * so the refusal reveals nothing about it (docs/decisions.md). The reason stays with the caller, for the audit
 * entry of the refused read: use canRead for that.
 */
export function assertCanRead(actor: Actor, item: ReadableItem, notFoundMessage = 'no such item'): void {
  if (!canRead(actor, item).allowed) throw GovError.notFound(notFoundMessage);
}
