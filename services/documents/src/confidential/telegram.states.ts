import { applyTransition, type Actor, type Role, type TransitionRow } from '@gov/auth';

/**
 * Outgoing telegrams (发电): the state table. Drafted by the sending unit or office, signed by its leader (区委/区政府
 * telegrams by a district leader personally, seed 000 L1074), or approved by phone as the confidential clerk records
 * (the signature follows, 事后补签), then accepted, registered and numbered by the confidential clerk (seed 000
 * L1076–1078). A later signature may arrive after acceptance.
 */
export type OutgoingTelegramState = 'drafted' | 'accepted';
export type OutgoingTelegramAction = 'draft' | 'sign' | 'record-phone-approval' | 'accept' | 'sign-later';

const DRAFTERS: readonly Role[] = ['clerk', 'confidential-clerk', 'section-chief', 'deputy-director', 'director', 'unit-liaison'];
/** Leaders who sign: a district leader for 区委/区政府, the unit's own leader (here the office's director or deputy) otherwise. */
const SIGNERS: readonly Role[] = ['district-leader', 'director', 'deputy-director'];

export const OUTGOING_TELEGRAM_TRANSITIONS: readonly (TransitionRow<OutgoingTelegramState, OutgoingTelegramAction> & { source: string })[] = [
  { from: null, action: 'draft', roles: DRAFTERS, to: 'drafted', source: 'seed 000 L1072 (电报版头)' },
  { from: 'drafted', action: 'sign', roles: SIGNERS, to: 'drafted', source: 'seed 000 L1074 (领导签发)' },
  { from: 'drafted', action: 'record-phone-approval', roles: ['confidential-clerk'], to: 'drafted', source: 'seed 000 L1074 (电话请示同意)' },
  { from: 'drafted', action: 'accept', roles: ['confidential-clerk'], to: 'accepted', source: 'seed 000 L1074–1078 (受理、登记、编号)' },
  { from: 'accepted', action: 'sign-later', roles: SIGNERS, to: 'accepted', source: 'seed 000 L1074 (事后补签)' },
];

export function nextTelegramState(from: OutgoingTelegramState | null, action: OutgoingTelegramAction, actor: Actor): OutgoingTelegramState {
  return applyTransition(OUTGOING_TELEGRAM_TRANSITIONS, from, action, actor, { what: 'a telegram', absent: 'not yet drafted' });
}
