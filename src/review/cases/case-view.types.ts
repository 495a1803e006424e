import { AnswerValue } from '../../forms/definition/answers.types';
import { CaseDocumentInfo, CaseNoteView, CaseSummary } from '../../cases/cases.types';
import { PreviousAnswer } from '../../cases/case-corrections.service';
import { StoredAnalysis } from '../../documents/documents.service';

export interface CaseViewAnswer {
  path: string;
  label: string;
  type: string;
  value: AnswerValue;
  markedUnknown: boolean;
  /** OCR confidence below LOW_CONFIDENCE: check against the letter. */
  lowConfidence: boolean;
  source: 'family' | 'letter' | 'kuemmerer';
  sourceDocumentId: string | null;
  sourcePage: number | null;
  sourceBox: string | null;
  sourceConfidence: number | null;
  givenBy: string;
  givenAt: Date;
  previous: PreviousAnswer | null;
}

export interface CaseViewSection {
  title: string;
  /** "Kind 2: Can Yılmaz" (or "Kind 2" before the names are known) for the copies of a per-child form. */
  copy: string | null;
  answers: CaseViewAnswer[];
}

export interface CaseViewForm {
  formId: string;
  title: string;
  sections: CaseViewSection[];
}

export interface CaseView {
  summary: CaseSummary;
  forms: CaseViewForm[];
  documents: CaseDocumentInfo[];
  /** The family's uploads; `analysis` when the letter was read (what it is, deadline, the family's explanation). */
  uploads: Array<{
    id: string;
    mediaType: string;
    sizeBytes: number;
    createdAt: Date;
    analysis: StoredAnalysis | null;
  }>;
  notes: CaseNoteView[];
  statusChanges: Array<{ fromStatus: string | null; toStatus: string; changedBy: string; changedAt: Date }>;
}

export const LOW_CONFIDENCE = 0.8;
