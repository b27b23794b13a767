import { applyTransition, type Actor, type Role, type TransitionRow } from '@gov/auth';

/**
 * Seal-use requests (用印申请): the state table. A request names the seal, purpose and impressions; a leader
 * approves in writing; the seal's keeper checks it against the approval table (seal-use.rules.ts) and stamps
 * (entering the register), refuses with every reason, or queries an office leader when in doubt (seed 001
 * L229–235). Which leader may approve which seal and purpose is the keeper's check, not the approver's role.
 */
export type SealRequestState = 'requested' | 'approved' | 'queried' | 'confirmed' | 'stamped' | 'refused';
export type SealRequestAction = 'request' | 'approve' | 'stamp' | 'refuse' | 'query' | 'confirm';

/** Office staff who may ask for a seal (the handler, 经办人). */
export const SEAL_REQUESTERS: readonly Role[] = [
  'clerk', 'section-chief', 'deputy-director', 'director', 'confidential-clerk', 'supervisor', 'legal-officer',
  'petition-officer', 'secrecy-officer', 'archivist', 'foreign-affairs-officer', 'unit-liaison',
];
/** Leaders who write approvals; the table of seal-use.rules.ts decides whether theirs counts for the seal and purpose. */
export const SEAL_APPROVERS: readonly Role[] = ['district-leader', 'director', 'deputy-director'];
/**
 * Posts that may be a seal's keeper (秘书科专人, seed 001 L219). The keeper itself is the person the seal record
 * names (`Seal.keeperIds`), because the realm has no keeper attribute (confidential/README.md C3).
 */
export const SEAL_KEEPER_POSTS: readonly Role[] = ['clerk', 'section-chief'];
const OFFICE_LEADERS: readonly Role[] = ['director', 'deputy-director'];

type Row = TransitionRow<SealRequestState, SealRequestAction> & { source: string };

export const SEAL_REQUEST_TRANSITIONS: readonly Row[] = [
  { from: null, action: 'request', roles: SEAL_REQUESTERS, to: 'requested', source: 'seed 001 L229 (用印申请); seed 000 L466, L790' },
  { from: 'requested', action: 'approve', roles: SEAL_APPROVERS, to: 'approved', source: 'seed 001 L223–227 (批准)' },
  { from: 'requested', action: 'refuse', roles: SEAL_KEEPER_POSTS, to: 'refused', source: 'seed 001 L229 (无领导批准字样…应拒绝盖章)' },
  { from: 'approved', action: 'stamp', roles: SEAL_KEEPER_POSTS, to: 'stamped', source: 'seed 001 L231–235 (用印, 登记)' },
  { from: 'approved', action: 'refuse', roles: SEAL_KEEPER_POSTS, to: 'refused', source: 'seed 001 L229' },
  { from: 'approved', action: 'query', roles: SEAL_KEEPER_POSTS, to: 'queried', source: 'seed 001 L233 (有疑问…向办公室领导确认)' },
  { from: 'queried', action: 'confirm', roles: OFFICE_LEADERS, to: 'confirmed', source: 'seed 001 L233' },
  { from: 'confirmed', action: 'stamp', roles: SEAL_KEEPER_POSTS, to: 'stamped', source: 'seed 001 L233–235' },
  { from: 'confirmed', action: 'refuse', roles: SEAL_KEEPER_POSTS, to: 'refused', source: 'seed 001 L229' },
];

export function nextSealState(from: SealRequestState | null, action: SealRequestAction, actor: Actor): SealRequestState {
  return applyTransition(SEAL_REQUEST_TRANSITIONS, from, action, actor, { what: 'a seal request', absent: 'not yet made' });
}
