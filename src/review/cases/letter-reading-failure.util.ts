import { DocumentIntakeError } from '../../documents/intake/document-intake.errors';
import { OcrError } from '../../documents/ocr/ocr.errors';
import type { DocumentReadingFailure } from '../../documents/stored-document.entity';

/** The reason a background reading failed, as stored with the document: a code, no personal data. */
export function readingFailureOf(error: unknown): DocumentReadingFailure {
  if (error instanceof DocumentIntakeError) {
    return error.details.limit === undefined
      ? { code: error.code }
      : { code: error.code, limit: error.details.limit };
  }
  if (error instanceof OcrError) {
    return { code: error.code };
  }
  return { code: 'READING_FAILED' };
}

/** Reasons where reading the same file again may work (busy, restart, time); the others need a new file. */
const retryable = new Set([
  'OCR_BUSY',
  'OCR_TIMEOUT',
  'OCR_FAILED',
  'OCR_CLOSED',
  'PROCESSING_TIMEOUT',
  'READING_FAILED',
]);

export function mayReadAgain(failure: DocumentReadingFailure): boolean {
  return retryable.has(failure.code);
}

/** Plain German for the Kümmerer, after "Der Brief konnte nicht gelesen werden: ". */
const reasons: Record<string, (limit?: number) => string> = {
  FILE_EMPTY: () => 'Die Datei ist leer.',
  FILE_TOO_LARGE: (limit) =>
    limit ? `Die Datei ist größer als ${Math.floor(limit / (1024 * 1024))} MB.` : 'Die Datei ist zu groß.',
  UNSUPPORTED_TYPE: () => 'Diese Dateiart wird nicht gelesen (nur Fotos und PDF).',
  HEIC_NOT_SUPPORTED: () => 'HEIC-Fotos werden noch nicht gelesen. Bitte als JPEG oder PDF hochladen.',
  TOO_MANY_PAGES: (limit) =>
    limit ? `Das Dokument hat mehr als ${limit} Seiten.` : 'Das Dokument hat zu viele Seiten.',
  IMAGE_TOO_LARGE: () => 'Das Bild ist zu groß. Bitte ein normales Foto des Briefs hochladen.',
  PAGE_TOO_LARGE: () => 'Eine Seite der PDF ist viel zu groß.',
  PDF_ENCRYPTED: () => 'Die PDF ist mit einem Passwort geschützt.',
  FILE_DAMAGED: () => 'Die Datei ist beschädigt oder unvollständig.',
  PROCESSING_TIMEOUT: () => 'Das Lesen hat zu lange gedauert.',
  OCR_BUSY: () => 'Gerade werden sehr viele Briefe gelesen.',
  OCR_TIMEOUT: () => 'Das Lesen hat zu lange gedauert. Ein schärferes Foto hilft oft.',
  OCR_FAILED: () => 'Die Texterkennung ist fehlgeschlagen.',
  OCR_CLOSED: () => 'Der Dienst wurde währenddessen neu gestartet.',
  READING_FAILED: () => 'Ein unerwarteter Fehler ist aufgetreten.',
};

/** "Der Brief konnte nicht gelesen werden: …" with the reason, and what the Kümmerer can do. */
export function readingFailureMessage(failure: DocumentReadingFailure): string {
  const reason = (reasons[failure.code] ?? reasons.READING_FAILED)(failure.limit);
  const next = mayReadAgain(failure)
    ? 'Sie können es noch einmal versuchen.'
    : 'Bitte laden Sie ein anderes Foto oder eine andere PDF hoch.';
  return `Der Brief konnte nicht gelesen werden: ${reason} ${next}`;
}

/** What the workspace shows while a letter is being read. */
export const READING_PENDING_MESSAGE = 'Wird gelesen …';
