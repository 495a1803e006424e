// Domain errors of the OCR queue and workers. The chat turns OCR_BUSY into "please try again in a
// few minutes"; the others into "the letter could not be read".

export type OcrErrorCode = 'OCR_BUSY' | 'OCR_TIMEOUT' | 'OCR_FAILED' | 'OCR_CLOSED';

export class OcrError extends Error {
  constructor(
    readonly code: OcrErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'OcrError';
  }
}

/** Plain messages for the family, German first. */
export const ocrErrorMessages: Record<OcrErrorCode, { de: string; en: string }> = {
  OCR_BUSY: {
    de: 'Gerade lesen wir sehr viele Briefe. Bitte senden Sie Ihr Foto in ein paar Minuten noch einmal.',
    en: 'We are reading many letters right now. Please send your photo again in a few minutes.',
  },
  OCR_TIMEOUT: {
    de: 'Das Lesen hat zu lange gedauert. Bitte senden Sie ein schärferes Foto des Briefs.',
    en: 'Reading took too long. Please send a sharper photo of the letter.',
  },
  OCR_FAILED: {
    de: 'Ich konnte den Brief leider nicht lesen. Bitte senden Sie ein neues Foto.',
    en: 'Sorry, I could not read the letter. Please send a new photo.',
  },
  OCR_CLOSED: {
    de: 'Der Dienst startet gerade neu. Bitte senden Sie den Brief gleich noch einmal.',
    en: 'The service is restarting. Please send the letter again in a moment.',
  },
};
