import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { Actor } from '@gov/auth';
import { hasAnyRole } from '@gov/auth';
import { GovError, documents } from '@gov/contracts';
import { UNIT_OF_WORK, recordChange, type RequestContext, type UnitOfWork } from '@gov/service-kit';
import type { DocumentsTx } from '../database.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { DraftRow } from './outgoing.mapper.js';
import { signingCase, signatoryOf, toSignOffs } from './outgoing.records.js';
import type { OutgoingSettings } from './outgoing.settings.js';
import { OutgoingSteps, transition } from './outgoing.steps.js';
import { assertJuniorsSignFirst } from './signing-order.rules.js';
import {
  afterSigningChange,
  assertMaySign,
  assertReSignedByOriginalSigner,
  assertValidSignOff,
  reviewSignOffs,
  signingPlan,
  type SignOff,
  type Signatory,
} from './signer.rules.js';

type View = documents.OutgoingDocumentView;
type SignInput = z.infer<typeof documents.SignOffInputSchema>;

/** The directory entry of a signer (posts, portfolios, rank); FORBIDDEN when the person is not a signer. */
async function signatory(tx: DocumentsTx, userId: string, actor: Actor | null): Promise<Signatory> {
  const row = await tx.outgoingSignatory.findUnique({ where: { userId } });
  if (!row || !row.active) {
    if (actor) throw GovError.forbidden('you are not in the leader directory of signers (签发人)');
    throw GovError.badInput('the person signed for is not in the leader directory', { field: 'proxy.onBehalfOf' });
  }
  return { id: row.userId, name: row.name, posts: row.posts as Signatory['posts'], portfolios: row.portfolios, rank: row.rank ?? actor?.rank ?? null };
}

async function toSignOff(tx: DocumentsTx, input: SignInput, actor: Actor): Promise<SignOff> {
  const me = await signatory(tx, actor.id, actor);
  return {
    signatory: me,
    signedName: input.signedName,
    opinion: input.opinion,
    signedAt: input.signedAt,
    ...(input.proxy
      ? { proxy: { kind: input.proxy.kind, onBehalfOf: await signatory(tx, input.proxy.onBehalfOf, null), consentRef: input.proxy.consentRef } }
      : {}),
    laterSignaturePending: input.laterSignaturePending,
  };
}

function signOffRow(draft: DraftRow, s: SignOff, kind: 'sign' | 're-sign', decision: string, at: Date, now: Date): Prisma.OutgoingSignOffUncheckedCreateInput {
  return {
    documentId: draft.id,
    round: draft.signingRound,
    kind,
    signerId: s.signatory.id,
    signerName: s.signatory.name,
    signedName: s.signedName,
    opinion: s.opinion,
    decision,
    signedAt: s.signedAt,
    signedAtTime: at,
    posts: s.signatory.posts,
    portfolios: s.signatory.portfolios,
    rank: s.signatory.rank,
    proxy: s.proxy
      ? ({ kind: s.proxy.kind, onBehalfOf: s.proxy.onBehalfOf.id, consentRef: s.proxy.consentRef, onBehalfOfSignatory: s.proxy.onBehalfOf } as unknown as Prisma.InputJsonValue)
      : undefined,
    laterSignaturePending: s.laterSignaturePending ?? false,
    recordedAt: now,
  };
}

/** The signer whose signature issued the draft: the `issue` step, or the last step of a plan without one. */
export function issuingSigner(draft: DraftRow, settings: OutgoingSettings): string | null {
  const plan = signingPlan(signingCase(draft), settings);
  const given = toSignOffs(draft, draft.signingRound);
  const review = reviewSignOffs(plan, given, settings);
  const last = plan.find((s) => s.kind === 'issue') ?? plan[plan.length - 1];
  const index = last ? review.satisfied[last.id] : undefined;
  if (index === undefined) return null;
  const s = given[index]!;
  return (s.proxy ? s.proxy.onBehalfOf : s.signatory).id;
}

/**
 * 签发 (seed 004 L48; seed 003 L13@c10032–10221; seed 000 L228; seed 002 L379–381; 条例 art. 22): a leader in the
 * plan signs with agree or disagree, name and full date, in turn and in ascending rank; "已核" is refused; a
 * disagreement sends the draft back for revision (`decline`).
 */
@Injectable()
export class SignOutgoing {
  constructor(private readonly steps: OutgoingSteps) {}
  execute(input: SignInput, context: RequestContext): Promise<View> {
    const settings = this.steps.settings;
    return this.steps.step(input.id, context, async (draft, tx, now) => {
      if (draft.status !== 'signing') transition(draft, 'sign', context.actor); // CONFLICT with the state
      const next = await toSignOff(tx, input, context.actor);
      const { decision, at } = assertValidSignOff(next, settings);
      const action = decision === 'agree' ? 'sign' : 'decline';
      const to = transition(draft, action, context.actor);
      const plan = signingPlan(signingCase(draft), settings);
      const given = toSignOffs(draft, draft.signingRound);
      assertMaySign(plan, given, next, settings);
      if (decision === 'agree') {
        const directory = (await tx.outgoingSignatory.findMany({ where: { active: true } })).map((r) => ({
          id: r.userId,
          name: r.name,
          posts: r.posts as Signatory['posts'],
          portfolios: r.portfolios,
          rank: r.rank,
        }));
        assertJuniorsSignFirst(plan, given, next, directory, settings);
      }
      await tx.outgoingSignOff.create({ data: signOffRow(draft, next, 'sign', decision, at, now) });
      return {
        action,
        to,
        reason: input.opinion,
        details: { signedName: input.signedName, signedAt: input.signedAt, decision, round: draft.signingRound, proxy: input.proxy ?? null },
        ...(action === 'decline' ? { holder: { id: draft.draftedById, name: draft.draftedByName } } : {}),
      };
    });
  }
}

/** 文稿送签完后 (seed 000 L230): the clerk takes the signed draft to 复核. */
@Injectable()
export class CloseOutgoingSigning {
  constructor(private readonly steps: OutgoingSteps) {}
  execute(input: { id: string }, context: RequestContext): Promise<View> {
    return this.steps.step(input.id, context, (draft) => {
      const to = transition(draft, 'close-signing', context.actor);
      if (toSignOffs(draft, draft.signingRound).length === 0) throw GovError.conflict('no one has signed this draft yet');
      return { action: 'close-signing', to };
    });
  }
}

/**
 * 复核 by the section chief (seed 000 L230; seed 003 L13@c8912; SCENARIOS seed000-a #12): the sign-offs are read
 * against the plan. 漏签, 越级签发, rank order, 倒签 or a pending 补签 send it back to signing, which blocks
 * numbering, and the office leader in charge is told (`recheck-failed`); otherwise `signed-off`.
 */
@Injectable()
export class RecheckOutgoing {
  constructor(private readonly steps: OutgoingSteps) {}
  execute(input: { id: string }, context: RequestContext): Promise<View> {
    const settings = this.steps.settings;
    return this.steps.step(input.id, context, (draft, _tx, now) => {
      const plan = signingPlan(signingCase(draft), settings);
      const given = toSignOffs(draft, draft.signingRound);
      const review = reviewSignOffs(plan, given, settings);
      if (review.complete) {
        const to = transition(draft, 'recheck-pass', context.actor);
        const signer = draft.originalSignerId ?? issuingSigner(draft, settings);
        return {
          action: 'recheck-pass',
          to,
          details: { satisfied: review.satisfied },
          data: { originalSignerId: signer },
          event: {
            contract: documents.outgoingSignedOff,
            data: { documentId: draft.id, signerIds: [...new Set(given.map((s) => s.signatory.id))], recheckedAt: now.toISOString(), recheckedBy: context.actor.id },
          },
        };
      }
      const to = transition(draft, 'recheck-fail', context.actor);
      const codes = [...new Set(review.problems.map((p) => p.code))];
      return {
        action: 'recheck-fail',
        to,
        reason: codes.join(', '),
        details: { problems: review.problems },
        event: {
          contract: documents.outgoingRecheckFailed,
          data: {
            documentId: draft.id,
            problems: codes,
            missingSteps: review.problems.flatMap((p) => (p.code === 'missing' ? [p.stepId] : [])),
            checkedAt: now.toISOString(),
            checkedBy: context.actor.id,
          },
        },
      };
    });
  }
}

/**
 * A change after signing (seed 003 L13@c8963; 条例 art. 25): a substantive one goes back to the original signer
 * (SCENARIOS seed003 #10), who then holds the draft; an editorial one is recorded and the draft stays where it is.
 */
@Injectable()
export class ChangeOutgoingAfterSigning {
  constructor(private readonly steps: OutgoingSteps) {}
  execute(input: z.infer<typeof documents.changeOutgoingAfterSigning.input>, context: RequestContext): Promise<View> {
    const settings = this.steps.settings;
    return this.steps.step(input.id, context, async (draft, tx) => {
      if (afterSigningChange(input.kind) === 'continue') {
        if (!['rechecking', 'rechecked', 'numbered'].includes(draft.status)) {
          throw GovError.conflict(`cannot record a change after signing on a draft that is ${draft.status}`);
        }
        if (!hasAnyRole(context.actor, ['section-chief', 'clerk'])) throw GovError.forbidden('changes after signing are recorded by the section chief or the clerk');
        return { action: 'editorial-change', to: draft.status as never, reason: input.description, details: { kind: 'editorial' }, holder: { id: draft.holderId, name: draft.holderName } };
      }
      const to = transition(draft, 'substantive-change', context.actor);
      const signerId = draft.originalSignerId ?? issuingSigner(draft, settings);
      if (!signerId) throw GovError.conflict('no issuing signature to go back to');
      const signer = await tx.outgoingSignatory.findUnique({ where: { userId: signerId } });
      return {
        action: 'substantive-change',
        to,
        reason: input.description,
        details: { kind: 'substantive', originalSignerId: signerId },
        data: { originalSignerId: signerId },
        holder: { id: signerId, name: signer?.name ?? signerId },
      };
    });
  }
}

/** 原签批人复审: only the original signer re-signs, agreeing, with name and full date; then 复核 again. */
@Injectable()
export class ReSignOutgoing {
  constructor(private readonly steps: OutgoingSteps) {}
  execute(input: SignInput, context: RequestContext): Promise<View> {
    const settings = this.steps.settings;
    return this.steps.step(input.id, context, async (draft, tx, now) => {
      const to = transition(draft, 're-sign', context.actor);
      assertReSignedByOriginalSigner(draft.originalSignerId ?? '', context.actor.id);
      const next = await toSignOff(tx, input, context.actor);
      const { decision, at } = assertValidSignOff(next, settings);
      if (decision !== 'agree') {
        throw GovError.conflict('the original signer does not agree to the change: withdraw the change or revise the draft', { decision });
      }
      await tx.outgoingSignOff.create({ data: signOffRow(draft, next, 're-sign', decision, at, now) });
      return { action: 're-sign', to, reason: input.opinion, details: { signedName: input.signedName, signedAt: input.signedAt } };
    });
  }
}

/** The leader directory the signing rules read (posts, portfolios, rank). Kept by the office director or admin. */
@Injectable()
export class SetSignatory {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<DocumentsTx>,
    private readonly steps: OutgoingSteps,
  ) {}
  async execute(input: z.infer<typeof documents.setSignatory.input>, context: RequestContext): Promise<z.infer<typeof documents.setSignatory.output>> {
    if (!hasAnyRole(context.actor, ['director', 'admin'])) throw GovError.forbidden('the leader directory is kept by the office director or an administrator');
    const now = this.steps.now();
    const row = await this.uow.run(async (tx) => {
      const data = { name: input.name, posts: input.posts, portfolios: input.portfolios, rank: input.rank, active: input.active, updatedAt: now };
      const saved = await tx.outgoingSignatory.upsert({ where: { userId: input.userId }, create: { userId: input.userId, ...data }, update: data });
      await recordChange(tx, context, {
        at: now,
        entityType: 'outgoing-signatory',
        entityId: input.userId,
        action: 'outgoing.set-signatory',
        details: { posts: input.posts, portfolios: input.portfolios, rank: input.rank, active: input.active },
      });
      return saved;
    });
    return { userId: row.userId, name: row.name, posts: row.posts as never, portfolios: row.portfolios, rank: row.rank, active: row.active };
  }
}

export { signatoryOf };
