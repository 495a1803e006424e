import { classifyAuthority, classifyLetterType, letterZones } from './classify-letter';
import type { DeliveryRegime } from './delivery-rule';
import { extractAmounts } from './extract-amounts';
import { extractDeadline } from './extract-deadline';
import { extractLetterDate } from './extract-letter-date';
import { extractRecipient } from './extract-recipient';
import { extractReferences } from './extract-references';
import { extractRequestedDocuments } from './extract-requested-documents';
import { extractValidUntil } from './extract-valid-until';
import type { Found } from './found.types';
import type {
  AnalyzeLetterOptions,
  Authority,
  FieldEvidence,
  LetterAnalysis,
  LetterReferences,
} from './letter-analysis.types';
import { buildLetterText, evidenceFor, LetterText } from './letter-text';
import type { OcrDocument } from './ocr-document.types';

/** Kindergeld is tax law: the Familienkasse follows the Abgabenordnung, everyone else the SGB X. */
function regimeOf(authority: Authority): DeliveryRegime {
  return authority === 'familienkasse' ? 'ao' : 'sgb-x';
}

/**
 * Reads a letter from an authority: who wrote, what kind of letter, dates and deadline, reference
 * numbers, amounts, recipient and requested documents, each with its evidence. Pure: no I/O, no clock
 * (today comes in the options), so the same input always gives the same analysis.
 */
export function analyzeLetter(doc: OcrDocument, options: AnalyzeLetterOptions): LetterAnalysis {
  const letter = buildLetterText(doc);
  const evidence: Record<string, FieldEvidence> = {};
  const note = <T>(field: string, found: Found<T> | null): T | null => {
    if (!found) {
      return null;
    }
    const where = evidenceFor(letter, found.start, found.end);
    if (where) {
      evidence[field] = where;
    }
    return found.value;
  };

  const zones = letterZones(letter);
  const authority = classifyAuthority(zones);
  const letterType = classifyLetterType(zones);
  const letterDate = note('letterDate', extractLetterDate(letter, options.today));
  const { deadline, appointment } = extractDeadline(letter, {
    letterDate,
    today: options.today,
    regime: regimeOf(authority),
  });
  const validUntil = note('validUntil', extractValidUntil(letter, letterDate ?? options.today));

  const found = extractReferences(letter);
  const references: LetterReferences = {
    kindergeldNummer: note('references.kindergeldNummer', found.kindergeldNummer),
    bgNummer: note('references.bgNummer', found.bgNummer),
    kundennummer: note('references.kundennummer', found.kundennummer),
    aktenzeichen: note('references.aktenzeichen', found.aktenzeichen),
    steuerId: note('references.steuerId', found.steuerId),
  };
  const recipient = extractRecipient(letter);
  if (recipient?.evidence) {
    evidence.recipient = recipient.evidence;
  }
  return {
    authority,
    letterType,
    letterDate,
    deadline: note('deadline', deadline),
    validUntil,
    appointment: note('appointment', appointment),
    references,
    iban: note('iban', found.iban),
    amounts: noteAll(letter, evidence, 'amounts', extractAmounts(letter)),
    recipient: recipient?.value ?? null,
    requestedDocuments: noteAll(letter, evidence, 'requestedDocuments', extractRequestedDocuments(letter)),
    evidence,
  };
}

function noteAll<T>(
  letter: LetterText,
  evidence: Record<string, FieldEvidence>,
  field: string,
  found: Found<T>[],
): T[] {
  return found.map((item, index) => {
    const where = evidenceFor(letter, item.start, item.end);
    if (where) {
      evidence[`${field}.${index}`] = where;
    }
    return item.value;
  });
}
