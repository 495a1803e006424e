/** The workflow of a case, from the family's submission to the printed, sent application. */
export const caseStatuses = [
  'submitted',
  'in_review',
  'waiting_for_family',
  'approved',
  'sent',
  'closed',
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** Statuses a Kümmerer still has to act on (the queue). */
export const openCaseStatuses: readonly CaseStatus[] = [
  'submitted',
  'in_review',
  'waiting_for_family',
  'approved',
];

export type AnswerSource = 'family' | 'letter' | 'kuemmerer';
export type CaseNoteKind = 'note' | 'ask-back' | 'family-reply' | 'human-request' | 'reminder';

/** Notes the family wrote: they bring a case back to the Kümmerer (see docs/case-status.md). */
export const familyNoteKinds: readonly CaseNoteKind[] = ['family-reply', 'human-request'];

/** Statuses in which the Kümmerer may still ask the family something. */
export const askBackStatuses: readonly CaseStatus[] = [
  'submitted',
  'in_review',
  'waiting_for_family',
  'approved',
];
/** Statuses in which answers can no longer be corrected: the forms have left the office. */
export const lockedAnswerStatuses: readonly CaseStatus[] = ['sent', 'closed'];

export type CaseDocumentKind = 'official' | 'summary' | 'cover';
