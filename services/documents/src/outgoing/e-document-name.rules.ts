/**
 * 电子文档命名 (seed 002 L399–401): the electronic document of a 文件 is named `文号-文种-标题(发文时间 yyyy.mm.dd)`,
 * e.g. `遂安府办函〔2014〕19号-通知-关于做好2014年度调研工作的通知(2014.03.14)`; 文种 is one of the 15 types.
 * Pure: no I/O. Decisions (README DO5–DO7): the date is the 发文 (distribution) day in Beijing time; a document
 * without a 文号 has no name under this rule (the seed's pattern starts with one) and is refused.
 */
import { GovError } from '@gov/contracts';
import { toIsoDate } from '@gov/calendar';
import { OUTGOING_DOCUMENT_TYPES, type OutgoingDocumentType } from './outgoing.rules.js';

/** 文号 `<代字>〔YYYY〕N号` (GB/T 9704 hexagonal brackets; the same form `allocateYearNumber` writes). */
const DOC_NUMBER = /^[^\s\-〔〕()（）]+〔\d{4}〕[1-9]\d*号$/;
/** `(yyyy.mm.dd)` at the end; ASCII brackets as in the seed's example (L400). */
const DATE_SUFFIX = /\((\d{4})\.(\d{2})\.(\d{2})\)$/;

export interface EDocumentNameParts {
  docNumber: string;
  docType: OutgoingDocumentType;
  title: string;
  /** yyyy.mm.dd */
  date: string;
}

type Reason = 'doc-number' | 'doc-type' | 'title' | 'date' | 'shape';

function refuse(reason: Reason, message: string, name?: string): never {
  throw GovError.badInput(`e-document name: ${message}`, { field: 'eDocumentName', reason, ...(name === undefined ? {} : { name }) });
}

function assertDocNumber(docNumber: string | null | undefined, name?: string): asserts docNumber is string {
  if (!docNumber) refuse('doc-number', 'a 文件 without a 文号 has no name under 文号-文种-标题(yyyy.mm.dd) (seed 002 L399)', name);
  if (!DOC_NUMBER.test(docNumber)) refuse('doc-number', `文号 ${JSON.stringify(docNumber)} is not in the <代字>〔YYYY〕N号 form`, name);
}

function assertDocType(docType: string | null | undefined, name?: string): asserts docType is OutgoingDocumentType {
  if (!docType || !(OUTGOING_DOCUMENT_TYPES as readonly string[]).includes(docType)) {
    refuse('doc-type', `文种 ${JSON.stringify(docType ?? '')} is not one of the 15 document types (seed 002 L401)`, name);
  }
}

function assertTitle(title: string | null | undefined, name?: string): asserts title is string {
  if (!title || title.trim() === '' || title !== title.trim()) refuse('title', 'the 标题 must be non-empty, without leading or trailing spaces', name);
}

/** yyyy.mm.dd of a real calendar day (2014.02.30 is not one). */
function assertCalendarDate(y: string, m: string, d: string, name?: string): string {
  const yy = Number(y), mm = Number(m), dd = Number(d);
  const at = new Date(Date.UTC(yy, mm - 1, dd));
  if (at.getUTCFullYear() !== yy || at.getUTCMonth() !== mm - 1 || at.getUTCDate() !== dd) {
    refuse('date', `${y}.${m}.${d} is not a calendar date`, name);
  }
  return `${y}.${m}.${d}`;
}

/** yyyy.mm.dd of an instant as seen in Beijing (the office's day), e.g. 2014-03-13T16:30Z → 2014.03.14. */
export function eDocumentDate(at: Date): string {
  return toIsoDate(at).replaceAll('-', '.');
}

/** Builds the name; BAD_USER_INPUT (`details.reason`) when a part does not fit the pattern. */
export function eDocumentName(input: { docNumber: string | null | undefined; docType: string | null | undefined; title: string; date: Date }): string {
  assertDocNumber(input.docNumber);
  assertDocType(input.docType);
  assertTitle(input.title);
  return `${input.docNumber}-${input.docType}-${input.title}(${eDocumentDate(input.date)})`;
}

/**
 * Reads a name back into its parts. The 文号 and 文种 contain no `-`; the 标题 may (it is everything between the
 * second `-` and the date), so the first two `-` split the name.
 */
export function parseEDocumentName(name: string): EDocumentNameParts {
  const date = DATE_SUFFIX.exec(name);
  if (!date) {
    refuse('date', 'the name must end with the 发文时间 as (yyyy.mm.dd), e.g. (2014.03.14)', name);
  }
  const ymd = assertCalendarDate(date[1]!, date[2]!, date[3]!, name);
  const head = name.slice(0, date.index);
  const first = head.indexOf('-');
  const second = first < 0 ? -1 : head.indexOf('-', first + 1);
  if (first < 0 || second < 0) refuse('shape', 'the name must read 文号-文种-标题(yyyy.mm.dd)', name);
  const docNumber = head.slice(0, first);
  const docType = head.slice(first + 1, second);
  const title = head.slice(second + 1);
  assertDocNumber(docNumber, name);
  assertDocType(docType, name);
  assertTitle(title, name);
  return { docNumber, docType, title, date: ymd };
}

/** Validates a name (BAD_USER_INPUT naming the part that is wrong). */
export function assertEDocumentName(name: string): void {
  parseEDocumentName(name);
}
