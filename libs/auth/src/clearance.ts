/**
 * Clearance levels, lowest first. The same scale classifies items (密级) and clears people (涉密等级):
 * a person may read an item when their clearance is at least the item's classification.
 */
export const CLEARANCES = ['none', 'secret', 'confidential', 'top-secret'] as const;

export type Clearance = (typeof CLEARANCES)[number];

export const CLEARANCE_NAMES_ZH: Readonly<Record<Clearance, string>> = {
  none: '非密',
  secret: '秘密',
  confidential: '机密',
  'top-secret': '绝密',
};

export function isClearance(value: unknown): value is Clearance {
  return typeof value === 'string' && (CLEARANCES as readonly string[]).includes(value);
}

/** Position on the scale (none = 0 … top-secret = 3); -1 for anything that is not a clearance. */
export function clearanceLevel(value: Clearance): number {
  return (CLEARANCES as readonly string[]).indexOf(value);
}

/**
 * True when `has` is at least `needed`. Fails closed: an unknown value on either side (which the types
 * forbid, but data read from a database or a header might still carry) gives false.
 */
export function clearanceAtLeast(has: Clearance, needed: Clearance): boolean {
  const h = clearanceLevel(has);
  const n = clearanceLevel(needed);
  return h >= 0 && n >= 0 && h >= n;
}
