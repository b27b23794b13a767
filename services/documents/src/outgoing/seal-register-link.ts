import { GovError } from '@gov/contracts';
import type { DocumentsTx } from '../database.js';
import type { SealKind, SealPurpose } from '../seals/seal-use.rules.js';

/**
 * 用印 of an outgoing document against the 印章使用登记簿 (seed 000 L236: stamped by the seal-keeping section; seed 001
 * L229–235: every use approved and entered in the register; seed 002 L142: the register names the document). A
 * stamped seal names the register entry of the seals workflow (`SealRegisterEntry.id`, DO1), and that entry must be
 * a use for outgoing documents (以单位名义对外发文), of one of the seals the issuing name carries, naming this
 * document, and not already spent on another draft. The seal request has no document id, only the document's name
 * (用印文件名称), so the entry names this document when that name is its title or carries its 文号 (DO2).
 */

/** The purpose category of a seal use for an outgoing document (seals/seal-use.rules.ts SEAL_PURPOSES). */
export const OUTGOING_SEAL_PURPOSE: SealPurpose = 'outgoing-document';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A document name as written on a request: no spaces, no 书名号 or quotes (《关于…的通知》 names 关于…的通知). */
export function normalizeDocumentName(name: string): string {
  return name.replace(/[\s《》〈〉“”"'‘’「」]/g, '');
}

/** The register entry as this check reads it. */
export interface SealEntryForCheck {
  id: string;
  seal: string;
  purposeCategory: string;
  documentTitle: string;
  requestPurpose: string;
  requestState: string;
}

/** Why an entry does not fit this draft (null when it fits). Pure, so the reasons are testable one by one. */
export function sealEntryMismatch(
  entry: SealEntryForCheck,
  draft: { title: string; documentNumber: string | null; seals: readonly SealKind[] },
): { reason: 'not-stamped' | 'wrong-purpose' | 'wrong-seal' | 'other-document'; message: string } | null {
  if (entry.requestState !== 'stamped') return { reason: 'not-stamped', message: 'the seal request of this register entry was not stamped' };
  if (entry.purposeCategory !== OUTGOING_SEAL_PURPOSE || entry.requestPurpose !== OUTGOING_SEAL_PURPOSE) {
    return { reason: 'wrong-purpose', message: `the seal-register entry is for ${entry.purposeCategory}, not for an outgoing document (以单位名义对外发文)` };
  }
  if (!(draft.seals as readonly string[]).includes(entry.seal)) {
    return { reason: 'wrong-seal', message: `the seal-register entry is for the ${entry.seal} seal; this document carries ${draft.seals.join(' and ')}` };
  }
  const named = normalizeDocumentName(entry.documentTitle);
  const byTitle = named === normalizeDocumentName(draft.title);
  const byNumber = draft.documentNumber !== null && named.includes(normalizeDocumentName(draft.documentNumber));
  if (!byTitle && !byNumber) {
    return { reason: 'other-document', message: 'the seal-register entry names another document (用印文件名称 is neither this title nor this 文号)' };
  }
  return null;
}

/**
 * Checks `ref` inside the 用印 step's transaction and returns the entry it names. BAD_USER_INPUT (field
 * `sealRegisterRef`, with `reason`) for an unknown entry or one that does not fit; CONFLICT when another draft
 * already recorded it. The entry row is locked (`FOR UPDATE`) so two drafts sealing with the same entry at once
 * queue, and the second sees the first's record.
 */
export async function assertSealRegisterEntryFor(
  tx: DocumentsTx,
  ref: string,
  draft: { id: string; title: string; documentNumber: string | null; seals: readonly SealKind[] },
): Promise<{ entryId: string; requestId: string }> {
  const unknown = () => GovError.badInput('no such seal-register entry (用印登记)', { field: 'sealRegisterRef', reason: 'unknown-entry' });
  if (!UUID.test(ref)) throw unknown();
  const locked = await tx.$queryRawUnsafe<{ id: string }[]>('SELECT id FROM seal_register_entry WHERE id = $1::uuid FOR UPDATE', ref);
  if (!locked.length) throw unknown();
  const entry = await tx.sealRegisterEntry.findUniqueOrThrow({ where: { id: ref }, include: { request: { select: { purpose: true, state: true } } } });
  const mismatch = sealEntryMismatch(
    { id: entry.id, seal: entry.seal, purposeCategory: entry.purposeCategory, documentTitle: entry.documentTitle, requestPurpose: entry.request.purpose, requestState: entry.request.state },
    draft,
  );
  if (mismatch) throw GovError.badInput(mismatch.message, { field: 'sealRegisterRef', reason: mismatch.reason });
  const used = await tx.$queryRawUnsafe<{ id: string }[]>(
    `SELECT id FROM outgoing_document WHERE id <> $1::uuid AND seal->>'sealRegisterRef' = $2 LIMIT 1`,
    draft.id,
    ref,
  );
  if (used.length) {
    throw GovError.conflict('this seal-register entry was already used for another outgoing document; each stamping has its own entry', {
      field: 'sealRegisterRef',
      reason: 'entry-already-used',
    });
  }
  return { entryId: entry.id, requestId: entry.requestId };
}
