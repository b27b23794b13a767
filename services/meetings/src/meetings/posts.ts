import type { Actor } from '@gov/auth';
import { GovError } from '@gov/contracts';
import { z } from 'zod';

/**
 * Posts (职务) that the realm roles do not tell apart: every district leader holds the role
 * `district-leader`, but some steps need a particular one — the weekly table is approved by the Party
 * secretary (书记) and the district mayor (区长) each (seed 000 L38); executive-meeting minutes are signed by the
 * 区长 (seed 004 L89); topic-meeting minutes by the deputy head in charge (分管副区长, seed 002 L457); a reception
 * plan by the leader in charge and the principal leader (seed 004 L172). Who holds which post is data the
 * use case supplies (user ids), never guessed from `rank`.
 */
export const LEADER_POSTS = [
  'party-secretary',
  'district-mayor',
  'deputy-head-in-charge',
  'leader-in-charge',
] as const;
export type LeaderPost = (typeof LEADER_POSTS)[number];
export const LeaderPostSchema = z.enum(LEADER_POSTS);

export const LEADER_POST_NAMES_ZH: Readonly<Record<LeaderPost, string>> = {
  'party-secretary': '区委书记',
  'district-mayor': '区长',
  'deputy-head-in-charge': '分管副区长',
  'leader-in-charge': '分管（主管）区领导',
};

/** Who holds each post, for one decision: user ids. A post may be vacant (absent key). */
export type PostHolders = Partial<Record<LeaderPost, string>>;

/** FORBIDDEN unless the actor is a district leader holding `post`. */
export function assertHoldsPost(actor: Actor, post: LeaderPost, holders: PostHolders): void {
  if (!actor.roles.includes('district-leader') || holders[post] !== actor.id) {
    throw GovError.forbidden(`only the ${LEADER_POST_NAMES_ZH[post]} (${post}) may do this`, { post });
  }
}
