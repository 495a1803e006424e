import { AnswerValue } from '../forms/definition/answers.types';
import { AnswerSource, CaseDocumentKind, CaseNoteKind, CaseStatus } from './case-status.types';
import { FillMode } from '../pdf/fill-plan';

/**
 * Where the family talks to us: the botbuilder storage key of the conversation, and the
 * ConversationReference (opaque JSON here: only src/bot and src/channels know botbuilder).
 */
export interface FamilyConversation {
  key: string;
  reference: object;
  /** The team the chat page was embedded for (its name or slug, channelData.team); see CaseTeamService. */
  team?: string | null;
}

/** A case as the queue shows it (decrypted). */
export interface CaseSummary {
  id: string;
  applicationId: string;
  status: CaseStatus;
  /** null: no team yet, only admins see the case. */
  teamId: string | null;
  familyName: string;
  nearestDeadline: string | null;
  assignedTo: string | null;
  lastActivityAt: Date;
  createdAt: Date;
  /** The family submitted and the draft PDFs are still being made. */
  draftsPending: boolean;
  /** When the family wrote something no Kümmerer has answered yet; null when nothing is unread. */
  unreadFamilyMessageAt: Date | null;
}

export interface CaseAnswerView {
  id: string;
  /** "applicant.lastName" or "children[1].children.firstName" */
  path: string;
  questionId: string;
  groupId: string | null;
  itemIndex: number | null;
  value: AnswerValue;
  markedUnknown: boolean;
  source: AnswerSource;
  sourceDocumentId: string | null;
  sourcePage: number | null;
  sourceBox: string | null;
  sourceConfidence: number | null;
  givenBy: string;
  givenAt: Date;
}

export interface CaseDocumentInfo {
  id: string;
  formId: string;
  instanceIndex: number | null;
  title: string;
  fileName: string;
  mode: FillMode;
  kind: CaseDocumentKind;
  sizeBytes: number;
  createdAt: Date;
}

export interface CaseNoteView {
  id: string;
  author: string;
  kind: CaseNoteKind;
  text: string;
  createdAt: Date;
}
