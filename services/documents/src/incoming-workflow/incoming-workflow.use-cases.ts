import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { GovError, documents } from '@gov/contracts';
import { toIsoDate, type IsoDate } from '@gov/calendar';
import type { RequestContext } from '@gov/service-kit';
import type { Prisma } from '../generated/prisma/client.js';
import type { IncomingReviewSettings } from '../incoming-review/incoming-review.settings.js';
import {
  archiveTransferDue,
  assertAssignment,
  assertInstructionsComplete,
  assertMayArchive,
  assertNonSuperiorIntake,
  assertMayGiveSectionOpinion,
  assertMaySignInstruction,
  assertOfficeSignOffLevel,
  assertReadingCirculatedInTime,
  assertReturnProposal,
  assertSectionOpinionsIn,
  assertUrgentTracker,
  chaseStatus,
  instructionOnTransfer,
  leaderSigningOrder,
  readingCirculationOrder,
  recordInstruction,
  resolveInstructions,
  sectionOpinionsRequired,
  type LeaderInstruction,
  type OpinionSection,
  type SectionOpinion,
} from '../incoming-review/initial-review.rules.js';
import type { Role } from '@gov/auth';
import { plannedLeaders } from '../incoming/incoming.mapper.js';
import { INCOMING_REVIEW_SETTINGS, IncomingSteps, eventRef, type LoadedDoc, type StepEvent } from './incoming-steps.js';

type In<C> = C extends { input: infer S extends z.ZodType } ? z.infer<S> : never;
type View = Promise<documents.IncomingDocumentView>;
type Urgency = 'normal' | 'urgent' | 'very-urgent';
type RouteInput = In<typeof documents.signIncomingInstruction>['routes'][number];

const SECTION_ROLE: Record<OpinionSection, Role> = { legal: 'legal-officer', 'foreign-affairs': 'foreign-affairs-officer' };

function opinionsOf(doc: LoadedDoc): SectionOpinion[] {
  return doc.opinions.map((o) => ({ section: o.section as OpinionSection, text: o.text, byRole: o.byRole as Role, at: o.at }));
}

/** The office leader's latest decision on disagreeing instructions, from the history. */
function followedInstruction(doc: LoadedDoc): string | null {
  const row = [...doc.history].reverse().find((h) => h.action === 'resolve-instructions');
  return ((row?.details as { followInstructionId?: string } | undefined)?.followInstructionId) ?? null;
}

function instructionsOf(doc: LoadedDoc): LeaderInstruction[] {
  return doc.instructions.map((i) => ({
    leaderId: i.leaderId,
    leaderName: i.leaderName,
    rank: i.rank,
    text: i.text,
    signedAt: i.signedAt,
    stance: i.stance as LeaderInstruction['stance'],
    sendsTo: i.sendsTo,
  }));
}

/**
 * The steps of an incoming request, report or letter after registration (issue 3 §1), each a use case on the
 * shared runner (IncomingSteps): the table row from incoming.rules.ts, then the guards RULES.md lists for it
 * ("Merging the incoming-review table"), then one transaction.
 */
@Injectable()
export class IncomingWorkflow {
  constructor(
    private readonly steps: IncomingSteps,
    @Inject(INCOMING_REVIEW_SETTINGS) private readonly settings: IncomingReviewSettings,
  ) {}

  receive(input: In<typeof documents.receiveIncoming>, c: RequestContext): View {
    return this.steps.receive(input, c);
  }

  /**
   * A plain hand-over by the holder, without a change of state (a reader gives the item back to the clerk, the
   * clerk takes it to the next signer). Not on returned or archived items.
   */
  handOver(input: In<typeof documents.handOverIncoming>, c: RequestContext): View {
    return this.steps.run(input, 'hand-over', c, {
      plan: (doc) => {
        if (doc.status === 'archived' || doc.status === 'returned') throw GovError.conflict(`an item that is ${doc.status} is not handed on`);
        return {};
      },
    });
  }

  // ——— 初审 → 退文 ———

  /** 拟退文意见 with one or more typed grounds (seed 000 L150–164); ⑩ needs its text. */
  proposeReturn(input: In<typeof documents.proposeIncomingReturn>, c: RequestContext): View {
    return this.steps.run(input, 'propose-return', c, {
      plan: () => {
        const grounds = input.grounds.map((g) => (g.text ? { ground: g.ground, text: g.text } : { ground: g.ground }));
        assertReturnProposal(grounds);
        return { data: { returnGrounds: grounds as Prisma.InputJsonValue }, reason: input.opinion ?? null, details: { grounds: grounds.map((g) => g.ground) } };
      },
    });
  }

  endorseReturn(input: In<typeof documents.endorseIncomingReturn>, c: RequestContext): View {
    return this.steps.run(input, 'endorse-return', c, { plan: () => ({ reason: input.comment ?? null }) });
  }

  /** The deputy director in charge approves the return: the notice goes to the sender (event `returned`). */
  approveReturn(input: In<typeof documents.approveIncomingReturn>, c: RequestContext): View {
    return this.steps.run(input, 'approve-return', c, {
      plan: (doc, now) => {
        const grounds = (doc.returnGrounds as unknown as { ground: string }[]).map((g) => g.ground);
        return {
          reason: input.comment ?? null,
          details: { grounds },
          events: [
            {
              entityType: 'incoming-document',
              entityId: doc.id,
              action: 'incoming.returned',
              contract: documents.incomingReturned,
              data: { ...eventRef(doc), senderUnit: doc.senderUnit, grounds, approvedBy: c.actor.id, returnedAt: now.toISOString() },
            },
          ],
        };
      },
    });
  }

  rejectReturn(input: In<typeof documents.rejectIncomingReturn>, c: RequestContext): View {
    return this.steps.run(input, 'reject-return', c, { plan: () => ({ data: { returnGrounds: [] }, reason: input.reason }) });
  }

  accept(input: In<typeof documents.acceptIncoming>, c: RequestContext): View {
    return this.steps.run(input, 'accept', c, { plan: () => ({}) });
  }

  // ——— 拟办 and section opinions ———

  proposeHandling(input: In<typeof documents.proposeIncomingHandling>, c: RequestContext): View {
    return this.steps.run(input, 'propose-handling', c, {
      plan: (doc) => {
        // 非上三级来文: received in 3 copies with the 送批件 before the proposal (seed 002 L385–387; SCENARIOS seed002 #18)
        if (input.fromNonSuperiorSource) assertNonSuperiorIntake({ copies: doc.copies, coverSheetAttached: input.coverSheetAttached }, this.settings);
        return {
        data: {
          proposal: input.opinion,
          involvesLegalMatters: input.involvesLegalMatters,
          involvesForeignAffairs: input.involvesForeignAffairs,
          needsPrincipalLeader: input.needsPrincipalLeader,
        },
        reason: input.opinion,
        details: { sectionOpinionsRequired: sectionOpinionsRequired(input), fromNonSuperiorSource: input.fromNonSuperiorSource },
        };
      },
    });
  }

  /** Sends the item for the opinions still missing; an event asks 法制办 / 外事科 (seed 000 L170, L296, L300). */
  routeForOpinion(input: In<typeof documents.routeIncomingForOpinion>, c: RequestContext): View {
    return this.steps.run(input, 'route-for-opinion', c, {
      plan: (doc, now) => {
        const given = opinionsOf(doc);
        const missing = sectionOpinionsRequired(doc).filter((s) => !given.some((o) => o.section === s));
        if (missing.length === 0) throw GovError.conflict('this item needs no (further) section opinion');
        return {
          details: { sections: missing },
          events: [
            {
              entityType: 'incoming-document',
              entityId: doc.id,
              action: 'incoming.opinion-requested',
              contract: documents.incomingOpinionRequested,
              data: { ...eventRef(doc), sections: missing, requestedBy: c.actor.id, requestedAt: now.toISOString() },
            },
          ],
        };
      },
    });
  }

  recordSectionOpinion(input: In<typeof documents.recordIncomingSectionOpinion>, c: RequestContext): View {
    return this.steps.run(input, 'record-section-opinion', c, {
      plan: (doc, now) => {
        assertMayGiveSectionOpinion(c.actor, input.section);
        if (!sectionOpinionsRequired(doc).includes(input.section)) {
          throw GovError.conflict(`this item was not sent for the ${input.section} opinion`, { section: input.section });
        }
        if (doc.opinions.some((o) => o.section === input.section)) throw GovError.conflict(`the ${input.section} opinion is already recorded`);
        return {
          reason: input.text,
          details: { section: input.section },
          write: async (tx) => {
            await tx.incomingSectionOpinion.create({
              data: {
                id: this.steps.newId(),
                documentId: doc.id,
                section: input.section,
                text: input.text,
                byId: c.actor.id,
                byName: c.actor.name,
                byRole: SECTION_ROLE[input.section],
                at: now,
              },
            });
          },
        };
      },
    });
  }

  // ——— 送审 ———

  submitForReview(input: In<typeof documents.submitIncomingForReview>, c: RequestContext): View {
    return this.steps.run(input, 'submit-for-review', c, {
      plan: (doc) => {
        assertSectionOpinionsIn(sectionOpinionsRequired(doc), opinionsOf(doc));
        return {};
      },
    });
  }

  approveProposal(input: In<typeof documents.approveIncomingProposal>, c: RequestContext): View {
    return this.steps.run(input, 'approve-proposal', c, { plan: () => ({ reason: input.comment ?? null }) });
  }

  sendBack(input: In<typeof documents.sendBackIncoming>, c: RequestContext): View {
    return this.steps.run(input, 'send-back', c, { plan: () => ({ reason: input.reason }) });
  }

  referToDirector(input: In<typeof documents.referIncomingToDirector>, c: RequestContext): View {
    return this.steps.run(input, 'refer-to-director', c, { plan: () => ({}) });
  }

  /** 呈批: the leaders in ascending rank (seed 000 L174); urgent items a tracker; the director for the principal leader. */
  submitToLeaders(input: In<typeof documents.submitIncomingToLeaders>, c: RequestContext): View {
    return this.steps.run(input, 'submit-to-leaders', c, {
      plan: (doc) => {
        assertOfficeSignOffLevel(doc.status as 'deputy-review' | 'director-review', doc, this.settings);
        assertUrgentTracker({ urgency: doc.urgency as Urgency, trackerId: input.tracker?.id ?? null }, this.settings);
        const ordered = leaderSigningOrder(input.leaders, this.settings);
        return {
          data: {
            leaders: ordered.map((l) => ({ id: l.id, name: l.name, rank: l.rank })),
            trackerId: input.tracker?.id ?? null,
            trackerName: input.tracker?.name ?? null,
          },
          details: { leaders: ordered.map((l) => l.id) },
          // the paper goes to the first leader to sign unless the office names someone else to carry it
          defaultHandTo: { id: ordered[0]!.id, name: ordered[0]!.name },
        };
      },
    });
  }

  /** 转办: straight to an undertaking unit on the office leader's opinion (seed 000 L174). */
  transfer(input: In<typeof documents.transferIncoming>, c: RequestContext): View {
    return this.steps.run(input, 'transfer', c, {
      plan: (doc, now, today) => {
        assertOfficeSignOffLevel(doc.status as 'deputy-review' | 'director-review', doc, this.settings);
        return this.assignmentPlan(doc, input, now, today, true);
      },
    });
  }

  // ——— 批示 ———

  /** A leader's instruction, in turn (ascending rank), verbatim (seed 000 L174; seed 004 L20). */
  signInstruction(input: In<typeof documents.signIncomingInstruction>, c: RequestContext): View {
    return this.steps.run(input, 'sign-instruction', c, {
      plan: (doc, now) => {
        const planned = plannedLeaders(doc);
        assertMaySignInstruction(planned, doc.instructions.map((i) => i.leaderId), c.actor, this.settings);
        const me = planned.find((l) => l.id === c.actor.id)!;
        const instruction = recordInstruction({
          leaderId: c.actor.id,
          leaderName: c.actor.name,
          rank: me.rank,
          text: input.text,
          signedAt: now,
          stance: input.stance,
          sendsTo: input.sendsTo,
        });
        const targets = input.routes.map((r) => r.to);
        if (new Set(targets).size !== targets.length) throw GovError.badInput('a section is named twice in the routes', { field: 'routes' });
        const instructionId = this.steps.newId();
        const remaining = planned.length - doc.instructions.length - 1;
        return {
          details: { instructionId, routes: targets },
          write: async (tx) => {
            await tx.incomingInstruction.create({
              data: {
                id: instructionId,
                documentId: doc.id,
                leaderId: instruction.leaderId,
                leaderName: instruction.leaderName,
                rank: instruction.rank,
                text: instruction.text,
                stance: instruction.stance,
                sendsTo: instruction.sendsTo,
                routes: input.routes as unknown as Prisma.InputJsonValue,
                signedAt: now,
              },
            });
          },
          events: [
            {
              entityType: 'incoming-document',
              entityId: doc.id,
              action: 'incoming.instructed',
              contract: documents.incomingInstructed,
              data: { ...eventRef(doc), instructionId, leaderId: c.actor.id, rank: me.rank, instructedAt: now.toISOString(), remainingSigners: remaining },
            },
          ],
        };
      },
    });
  }

  /**
   * Closes the instructions: every planned leader signed, in order (CONFLICT otherwise). Disagreeing
   * instructions follow the policy for ordinary items (default: refer to the office leader, so CONFLICT here).
   * The routes of the instructions that stand go out as `documents.incomingRouted`, one per (instruction, section).
   */
  closeInstructions(input: In<typeof documents.closeIncomingInstructions>, c: RequestContext): View {
    return this.steps.run(input, 'close-instructions', c, {
      plan: (doc, now) => {
        const planned = plannedLeaders(doc);
        const given = instructionsOf(doc);
        assertInstructionsComplete(planned, given, this.settings);
        const outcome = resolveInstructions(given, this.settings.conflictingInstructions.ordinary);
        let standing = doc.instructions;
        if (outcome.outcome === 'follow') standing = doc.instructions.filter((i) => i.leaderId === outcome.instruction.leaderId);
        if (outcome.outcome === 'refer-to-office-leader' || outcome.outcome === 'return-to-handover-person') {
          const decision = followedInstruction(doc);
          if (!decision) {
            throw GovError.conflict('the leaders\u2019 instructions disagree; the office leader in charge decides (批示意见不一致)', { outcome: outcome.outcome });
          }
          standing = doc.instructions.filter((i) => i.id === decision);
        }
        const classified = doc.classification !== 'none';
        const routes = standing.flatMap((i) =>
          ((i.routes as unknown as RouteInput[]) ?? []).map((r) => ({ routeId: this.steps.newId(), instruction: i, r })),
        );
        const events: StepEvent[] = routes.map(({ routeId, instruction: i, r }) => ({
          entityType: 'incoming-route',
          entityId: routeId,
          action: 'incoming.routed',
          contract: documents.incomingRouted,
          data: {
            routeId,
            documentId: doc.id,
            registerNumber: doc.registerNumber,
            instructionId: i.id,
            to: r.to,
            classification: eventRef(doc).classification,
            title: eventRef(doc).title,
            matter: classified ? null : (r.matter ?? i.text),
            leadUnit: r.leadUnit ?? null,
            coUnits: r.coUnits ?? [],
            dueOn: r.dueOn ?? null,
            urgent: r.urgent ?? false,
            instructedBy: { id: i.leaderId, name: i.leaderName },
            instructedAt: i.signedAt.toISOString(),
          },
        }));
        return {
          details: { outcome: outcome.outcome, routes: routes.map((r) => ({ to: r.r.to, instructionId: r.instruction.id })) },
          write: async (tx) => {
            for (const { routeId, instruction, r } of routes) {
              await tx.incomingRoute.create({ data: { id: routeId, documentId: doc.id, instructionId: instruction.id, to: r.to, routedAt: now } });
            }
          },
          events,
        };
      },
    });
  }

  /** The office leader in charge picks the instruction that is followed when the leaders disagree (D4). */
  resolveInstructions(input: In<typeof documents.resolveIncomingInstructions>, c: RequestContext): View {
    return this.steps.run(input, 'resolve-instructions', c, {
      plan: (doc) => {
        const given = instructionsOf(doc);
        assertInstructionsComplete(plannedLeaders(doc), given, this.settings);
        const outcome = resolveInstructions(given, this.settings.conflictingInstructions.ordinary);
        if (outcome.outcome !== 'refer-to-office-leader' && outcome.outcome !== 'return-to-handover-person') {
          throw GovError.conflict('the instructions do not disagree; there is nothing to decide');
        }
        if (!doc.instructions.some((i) => i.id === input.followInstructionId)) {
          throw GovError.badInput('no such instruction on this item', { field: 'followInstructionId' });
        }
        return { reason: input.reason, details: { followInstructionId: input.followInstructionId } };
      },
    });
  }

  // ——— 承办 / 传阅 ———

  assign(input: In<typeof documents.assignIncoming>, c: RequestContext): View {
    return this.steps.run(input, 'assign', c, {
      plan: (doc, now, today) => {
        const plan = this.assignmentPlan(doc, input, now, today, false);
        // The instruction travels as the original only to 财政局 for funds; otherwise the original stays and a copy
        // goes (seed 000 L174; SCENARIOS seed000-a #14).
        const original = instructionOnTransfer({ toFinanceForFunds: input.toFinanceForFunds });
        return {
          ...plan,
          reason: original === 'original-goes-with-item' ? '批示原件随件转财政局申拨经费' : '批示原件留存,复印件随件转办',
          details: { ...plan.details, instruction: original },
        };
      },
    });
  }

  private assignmentPlan(
    doc: LoadedDoc,
    input: { leadUnit: string; coUnits: string[]; deadline?: string | undefined; important: boolean; chaser?: { id: string; name: string } | undefined },
    now: Date,
    today: IsoDate,
    transferred: boolean,
  ) {
    assertAssignment(
      {
        leadUnit: input.leadUnit,
        coUnits: input.coUnits,
        urgency: doc.urgency as Urgency,
        important: input.important,
        deadline: (input.deadline as IsoDate | undefined) ?? null,
        chaserId: input.chaser?.id ?? null,
      },
      today,
      this.settings,
    );
    return {
      data: {
        leadUnit: input.leadUnit,
        coUnits: input.coUnits,
        deadline: input.deadline ?? null,
        important: input.important,
        chaserId: input.chaser?.id ?? null,
        chaserName: input.chaser?.name ?? null,
        replyRequired: true,
      },
      details: { leadUnit: input.leadUnit, coUnits: input.coUnits, deadline: input.deadline ?? null, transferred },
      events: [
        {
          entityType: 'incoming-document',
          entityId: doc.id,
          action: 'incoming.assigned',
          contract: documents.incomingAssigned,
          data: {
            ...eventRef(doc),
            leadUnit: input.leadUnit,
            coUnits: input.coUnits,
            deadline: input.deadline ?? null,
            urgency: doc.urgency as Urgency,
            transferred,
            assignedAt: now.toISOString(),
          },
        },
      ] as StepEvent[],
    };
  }

  /** 传阅 the day it was registered (seed 000 L102: 一天一送), office director first, then office leaders, then units. */
  circulate(input: In<typeof documents.circulateIncoming>, c: RequestContext): View {
    return this.steps.run(input, 'circulate', c, {
      plan: (doc, now) => {
        assertReadingCirculatedInTime(doc.registeredAt, now, this.settings);
        const readers = readingCirculationOrder(input.readers);
        return {
          data: { readers: readers as Prisma.InputJsonValue, readerIndex: 1, circulatedAt: now, replyRequired: false },
          details: { readers: readers.map((r) => r.id) },
          defaultHandTo: { id: readers[0]!.id, name: readers[0]!.name },
        };
      },
    });
  }

  passOn(input: In<typeof documents.passOnIncoming>, c: RequestContext): View {
    return this.steps.run(input, 'pass-on', c, {
      plan: (doc) => {
        const readers = doc.readers as unknown as { id: string; name: string }[];
        const next = readers[doc.readerIndex];
        if (!next) throw GovError.conflict('every reader on the list has had the item');
        return { data: { readerIndex: doc.readerIndex + 1 }, details: { reader: next.id }, defaultHandTo: next };
      },
    });
  }

  finishCirculation(input: In<typeof documents.finishIncomingCirculation>, c: RequestContext): View {
    return this.steps.run(input, 'finish-circulation', c, {
      plan: (doc, now) => {
        const readers = doc.readers as unknown as unknown[];
        if (doc.readerIndex < readers.length) throw GovError.conflict(`${readers.length - doc.readerIndex} reader(s) have not had the item yet`);
        return { data: { completedAt: now }, events: [this.completedEvent(doc, now)] };
      },
    });
  }

  // ——— 催办, 办结, 办复, 归档 ———

  /** 催办 by whoever chases (no need to hold the paper), with where the item stands against its deadline. */
  chase(input: In<typeof documents.chaseIncoming>, c: RequestContext): View {
    return this.steps.run(input, 'chase', c, {
      holderOnly: false,
      plan: (doc, _now, today) => {
        if (input.handTo) throw GovError.badInput('a reminder does not move the item', { field: 'handTo' });
        return { reason: input.note, details: { chaseStatus: chaseStatus(doc.deadline as IsoDate | null, today), leadUnit: doc.leadUnit } };
      },
    });
  }

  complete(input: In<typeof documents.completeIncoming>, c: RequestContext): View {
    return this.steps.run(input, 'complete', c, {
      plan: (doc, now) => ({ data: { completedAt: now }, reason: input.result, events: [this.completedEvent(doc, now)] }),
    });
  }

  reply(input: In<typeof documents.replyIncoming>, c: RequestContext): View {
    return this.steps.run(input, 'reply', c, { plan: (_doc, now) => ({ data: { reply: input.reply, repliedAt: now }, reason: input.reply }) });
  }

  /** 归档: answered first where a reply is due (seed 003 L13@c8866); transfer to the archives by year end (seed 000 L180). */
  archive(input: In<typeof documents.archiveIncoming>, c: RequestContext): View {
    return this.steps.run(input, 'archive', c, {
      plan: (doc, now) => {
        assertMayArchive({ replyRequired: doc.replyRequired, repliedAt: doc.repliedAt });
        const transferDue = archiveTransferDue(now, this.settings);
        return {
          data: { archivedAt: now },
          details: { transferDue },
          events: [
            {
              entityType: 'incoming-document',
              entityId: doc.id,
              action: 'incoming.archived',
              contract: documents.incomingArchived,
              data: { ...eventRef(doc), archivedAt: now.toISOString(), transferDue },
            },
          ],
        };
      },
    });
  }

  private completedEvent(doc: LoadedDoc, now: Date): StepEvent {
    const status = doc.deadline ? chaseStatus(doc.deadline as IsoDate, toIsoDate(now)) : null;
    return {
      entityType: 'incoming-document',
      entityId: doc.id,
      action: 'incoming.completed',
      contract: documents.incomingCompleted,
      data: { ...eventRef(doc), completedAt: now.toISOString(), onTime: status === null ? null : status !== 'overdue' },
    };
  }
}
