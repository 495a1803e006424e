import type { FieldEvidence, LetterAnalysis } from '../../documents/analysis/letter-analysis.types';
import type { OcrDocument } from '../../documents/analysis/ocr-document.types';
import { toLetterBox } from '../../documents/ocr/to-letter-box.util';
import { type LetterField, isLetterField } from '../../forms/definition/letter-fields';
import type { IndexedQuestion } from '../../forms/definition/question-index.util';
import type { PendingProposal } from '../../interview/interview-state.types';

export interface LetterProposalInput {
  analysis: LetterAnalysis;
  /** The read document: its pages map evidence boxes onto the letter as sent (see toLetterBox). */
  document: OcrDocument;
  documentId: string;
  /** The application's questions; their `letterFields` say which letter value answers them. */
  questions: Iterable<IndexedQuestion>;
}

/**
 * Proposals for the interview from one analysed letter, through the explicit `letterFields` mapping
 * of the form definitions. Questions of repeat groups (children) are left out: a letter does not
 * say which child a value belongs to. The IBAN of a Rückforderung is the authority's account, never
 * the family's, so it is not proposed. Each proposal carries the evidence on the letter as sent:
 * PDF points for PDF letters (scanned or not), pixels of the received image for photos.
 */
export function letterProposals(input: LetterProposalInput): PendingProposal[] {
  const proposals: PendingProposal[] = [];
  for (const { question, repeatId } of input.questions) {
    if (repeatId !== null || !question.letterFields) {
      continue;
    }
    for (const field of question.letterFields) {
      const value = isLetterField(field) ? letterValue(input.analysis, field) : null;
      if (value === null || !isLetterField(field)) {
        continue;
      }
      proposals.push({
        path: question.id,
        // A yes/no question ("Haben Sie eine Kindergeldnummer?") is answered yes by the value's presence.
        value: question.type === 'yesno' ? true : value,
        source: { documentId: input.documentId, ...evidenceOf(input, field) },
      });
      break;
    }
  }
  return proposals;
}

/** The value of a letter field, or null when the letter does not give it (or must not be used). */
export function letterValue(analysis: LetterAnalysis, field: LetterField): string | null {
  const recipient = analysis.recipient;
  switch (field) {
    case 'iban':
      return analysis.letterType === 'rueckforderung' ? null : analysis.iban;
    case 'letterDate':
    case 'validUntil':
    case 'appointment':
      return analysis[field];
    case 'deadline.date':
      return analysis.deadline?.date ?? null;
    case 'recipient.firstName':
      return splitName(recipient?.name)?.firstName ?? null;
    case 'recipient.lastName':
      return splitName(recipient?.name)?.lastName ?? null;
    case 'recipient.streetName':
      return splitStreet(recipient?.street)?.streetName ?? null;
    case 'recipient.houseNumber':
      return splitStreet(recipient?.street)?.houseNumber ?? null;
    default: {
      const [group, key] = field.split('.') as ['references' | 'recipient', string];
      const values = (group === 'references' ? analysis.references : recipient) as Record<
        string,
        string | null
      > | null;
      return values?.[key] ?? null;
    }
  }
}

/** "Ayşe Yılmaz" -> Ayşe / Yılmaz; a single word is no safe split. */
function splitName(name: string | null | undefined): { firstName: string; lastName: string } | null {
  const match = name ? /^(.+)\s+(\S+)$/u.exec(name.trim()) : null;
  return match ? { firstName: match[1], lastName: match[2] } : null;
}

/** "Hauptstraße 12a" -> Hauptstraße / 12a. */
function splitStreet(street: string | null | undefined): { streetName: string; houseNumber: string } | null {
  const match = street
    ? /^(.+?)\s+(\d+\s?[a-zA-Z]?(?:\s?[-/]\s?\d+\s?[a-zA-Z]?)?)$/u.exec(street.trim())
    : null;
  return match ? { streetName: match[1], houseNumber: match[2].replace(/\s+/g, '') } : null;
}

function evidenceOf(
  input: LetterProposalInput,
  field: LetterField,
): Omit<PendingProposal['source'], 'documentId'> {
  const evidence: FieldEvidence | undefined =
    input.analysis.evidence[field] ??
    (field.startsWith('recipient.') ? input.analysis.evidence.recipient : undefined);
  if (!evidence) {
    return {};
  }
  const page = input.document.pages[evidence.page - 1];
  const [x, y, width, height] = page ? toLetterBox(page, evidence.box) : evidence.box;
  return { page: evidence.page, box: { x, y, width, height }, confidence: evidence.confidence };
}
