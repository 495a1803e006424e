import { LocalizedText } from '../../forms/definition/localized-text.types';
import { AnswerValue } from '../../forms/definition/answers.types';
import { CaseDocumentInfo, CaseNoteView, CaseSummary } from '../../cases/cases.types';
import { PreviousAnswer } from '../../cases/case-corrections.service';
import { StoredAnalysis } from '../../documents/documents.service';
import { InterviewLocale } from '../../interview/interview-state.types';

/** An option of a choice question as the correction list offers it: the code is sent, the label shown. */
export interface CaseViewOption {
  value: string;
  label: string;
}

export interface CaseViewAnswer {
  path: string;
  label: string;
  type: string;
  value: AnswerValue;
  /** The value as a person reads it: 03.05.2010, a choice's label, Ja/Nein, 1.234,50 €; "–" for none. */
  shown: string;
  /** What the correction field starts with (03.05.2010, 1.234,50, ja; a choice's code). */
  input: string;
  /** The options of a choice question, German labels; null for other types. */
  options: CaseViewOption[] | null;
  /** false: the answer may be left empty. */
  required: boolean;
  /**
   * false: the question does not apply under the other answers (its condition became false, e.g.
   * the partner's answers after "verheiratet" was corrected to "ledig"); not printed on the forms.
   */
  applies: boolean;
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
  previous: (PreviousAnswer & { shown: string }) | null;
}

/** An item of a repeat group the Kümmerer may remove ("Kind 2 entfernen"). */
export interface CaseViewItem {
  groupId: string;
  /** Its number from 1, as the page shows it. */
  number: number;
  /** What the group's items are called: "Kind" (the group's pdfLabel). */
  label: string;
  /** "Kind 2" */
  title: string;
  /** "Kind 2: Can Yılmaz" (or "Kind 2" before the names are known). */
  name: string;
}

export interface CaseViewSection {
  title: string;
  /** "Kind 2: Can Yılmaz" (or "Kind 2" before the names are known) for the copies of a per-child form. */
  copy: string | null;
  answers: CaseViewAnswer[];
  /** The items of repeat groups this section heads or lists, each with its "… entfernen". */
  items: CaseViewItem[];
}

export interface CaseViewForm {
  formId: string;
  title: string;
  sections: CaseViewSection[];
}

/** A question that applies now but has no answer (after a correction), with what its field needs. */
export interface CaseViewMissingQuestion {
  path: string;
  /** The German question as the family would read it in the chat. */
  text: string;
  /** The question in every language the form definition has (German always), for the question back. */
  texts: LocalizedText;
  label: string;
  type: string;
  options: CaseViewOption[] | null;
  required: boolean;
  /** Always empty: nothing was answered yet. */
  input: string;
}

/** The missing answers of one section (of one child's copy). */
export interface CaseViewMissingGroup {
  formTitle: string;
  sectionTitle: string;
  /** "Kind 2: Can Yılmaz" for a child's answers, else null. */
  copy: string | null;
  /** The item of a repeat group (its number from 1, the names given so far), else null. */
  item: { number: number; name: string | null } | null;
  questions: CaseViewMissingQuestion[];
}

/** One more item a repeat group may take ("Kind 2 hinzufügen"): its first answer counts it in. */
export interface CaseViewAddableItem {
  groupId: string;
  formTitle: string;
  sectionTitle: string;
  /** "Kind 2" */
  title: string;
  /** The chat's question for the group: "Für welche Kinder bekommen Sie schon Kindergeld?" */
  groupText: string;
  questions: CaseViewMissingQuestion[];
}

export interface CaseView {
  summary: CaseSummary;
  forms: CaseViewForm[];
  /** Questions that apply now and have no answer yet, by section, in the chat's order. */
  missing: CaseViewMissingGroup[];
  /** The language the family chats in (null: not known, e.g. no conversation stored). */
  familyLocale: InterviewLocale | null;
  /** Repeat groups that may take one more item, each with the fields of that item's questions. */
  addable: CaseViewAddableItem[];
  documents: CaseDocumentInfo[];
  /** The family's uploads; `analysis` when the letter was read (what it is, deadline, the family's explanation). */
  uploads: Array<{
    id: string;
    /** As the family's phone or the Kümmerer's computer named it. */
    fileName: string;
    mediaType: string;
    sizeBytes: number;
    createdAt: Date;
    /** A Kümmerer's upload still being read, or whose reading failed (German message); else null. */
    reading: { state: 'pending' | 'failed'; message: string; mayReadAgain: boolean } | null;
    analysis: StoredAnalysis | null;
  }>;
  notes: CaseNoteView[];
  statusChanges: Array<{ fromStatus: string | null; toStatus: string; changedBy: string; changedAt: Date }>;
}

export const LOW_CONFIDENCE = 0.8;
