import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { actorOf, AuthenticatedUser } from '../../accounts/accounts.types';
import { ProactiveMessenger } from '../../bot/proactive/proactive-messenger.service';
import { CaseApprovalService } from '../../cases/case-approval.service';
import { CaseCorrectionsService, CorrectionResult } from '../../cases/case-corrections.service';
import { CaseItemRemovalService, ItemRemovalResult } from '../../cases/case-item-removal.service';
import { CaseStatus } from '../../cases/case-status.types';
import { CasesError } from '../../cases/cases.errors';
import { CasesRepository } from '../../cases/cases.repository';
import { CasesService } from '../../cases/cases.service';
import { caseNotFound } from '../auth/case-access.guard';
import { CaseView } from './case-view.types';
import { CaseViewService } from './case-view.service';
import { manualTransitionsFrom } from './status-transitions.util';

/** What the workspace does with a case, each step audited. Routes check the team first (@CaseScoped). */
@Injectable()
export class ReviewCaseActionsService {
  constructor(
    private readonly view: CaseViewService,
    private readonly repository: CasesRepository,
    private readonly cases: CasesService,
    private readonly corrections: CaseCorrectionsService,
    private readonly removal: CaseItemRemovalService,
    private readonly approval: CaseApprovalService,
    private readonly messenger: ProactiveMessenger,
    private readonly audit: AuditService,
  ) {}

  async read(caseId: string, user: AuthenticatedUser): Promise<CaseView> {
    const view = await this.view.load(caseId);
    await this.record(user, 'case.viewed', caseId);
    return view;
  }

  correct(caseId: string, path: string, value: string, user: AuthenticatedUser): Promise<CorrectionResult> {
    return this.corrections.correctAnswer(caseId, { path, value }, actorOf(user));
  }

  removeItem(
    caseId: string,
    groupId: string,
    itemIndex: number,
    user: AuthenticatedUser,
  ): Promise<ItemRemovalResult> {
    return this.removal.removeItem(caseId, { groupId, itemIndex }, actorOf(user));
  }

  itemRemovalRefusal(caseId: string, groupId: string, itemIndex: number): Promise<string[] | null> {
    return this.removal.refusal(caseId, groupId, itemIndex);
  }

  addNote(caseId: string, text: string, user: AuthenticatedUser): Promise<string> {
    return this.cases.addNote(caseId, { author: actorOf(user), kind: 'note', text });
  }

  askBack(caseId: string, text: string, user: AuthenticatedUser): Promise<string> {
    return this.messenger.askBack(caseId, text, actorOf(user));
  }

  /** The Kümmerer read what the family wrote up to `seen` and has nothing to answer. */
  markFamilyMessagesRead(caseId: string, seen: string, user: AuthenticatedUser): Promise<void> {
    return this.cases.markFamilyMessagesRead(caseId, new Date(seen), actorOf(user));
  }

  assign(caseId: string, assignee: 'me' | 'none', user: AuthenticatedUser): Promise<void> {
    return this.cases.assign(caseId, assignee === 'me' ? actorOf(user) : null, actorOf(user));
  }

  approve(caseId: string, attachments: string, user: AuthenticatedUser): Promise<void> {
    return this.approval.approve(
      caseId,
      { attachments: attachments.split(/\r?\n/), contact: user.displayName },
      actorOf(user),
    );
  }

  async changeStatus(caseId: string, status: CaseStatus, user: AuthenticatedUser): Promise<void> {
    const { status: current } = await this.repository.getCase(caseId);
    if (!manualTransitionsFrom(current).includes(status)) {
      throw new CasesError(
        'CASE_STATUS_INVALID',
        `Case ${caseId}: ${current} -> ${status} is not allowed here.`,
        ['Dieser Statuswechsel ist hier nicht möglich.', 'This status change is not possible here.'],
      );
    }
    await this.cases.changeStatus(caseId, status, actorOf(user));
  }

  async download(
    caseId: string,
    documentId: string,
    user: AuthenticatedUser,
  ): Promise<{ bytes: Buffer; fileName: string }> {
    const info = (await this.repository.findDocuments(caseId)).find((document) => document.id === documentId);
    if (!info) {
      // The same answer as for another team's case: a document id tells nothing either.
      throw caseNotFound();
    }
    const bytes = await this.repository.readDocument(caseId, documentId);
    await this.record(user, 'case.document-downloaded', caseId, { documentId, mode: info.mode });
    return { bytes, fileName: info.fileName };
  }

  private async record(
    user: AuthenticatedUser,
    action: string,
    caseId: string,
    details?: Record<string, string>,
  ): Promise<void> {
    await this.audit.record({
      actor: actorOf(user),
      action,
      subjectType: 'case',
      subjectId: caseId,
      details,
    });
  }
}
