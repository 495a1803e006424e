import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { berlinDate } from '../common/berlin-date.util';
import { runInWriteTransaction } from '../database/write-transaction.util';
import { ApplicationFillerService } from '../filling/application-filler.service';
import { validateAnswers } from '../forms/answers/validate-answers';
import { FormRegistry } from '../forms/forms.registry';
import { DataCipher } from '../privacy/data-cipher.service';
import { describeAnswerProblems } from './answer-problems.util';
import { answeredOnOf } from './case-answer-rows.util';
import { documentInputOf, replaceCaseDocuments, sealCaseDocuments } from './case-documents-store.util';
import { CaseStatus } from './case-status.types';
import { CasesError } from './cases.errors';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';
import { CoverSheetPdfService } from './cover-sheet-pdf.service';
import { caseQuestions } from './open-questions.util';

/** Statuses from which a case can be approved: a person has read it, nobody is waiting. */
export const approvableStatuses: readonly CaseStatus[] = ['submitted', 'in_review'];

export interface ApprovalInput {
  /** What the family must attach, one item per line, written by the Kümmerer. */
  attachments: string[];
  /** Display name of the Kümmerer for the cover sheet ("Dragana Petrović, Stadtteilbüro"). */
  contact: string;
}

/**
 * Approve: the final, flattened PDFs (refused while an answer is missing or does not fit, the same
 * rules as the chat, naming each) plus a cover sheet for the family; status "approved". Answers of
 * questions that no longer apply are not printed. Earlier final copies are replaced.
 */
@Injectable()
export class CaseApprovalService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: DataCipher,
    private readonly registry: FormRegistry,
    private readonly filler: ApplicationFillerService,
    private readonly repository: CasesRepository,
    private readonly cases: CasesService,
    private readonly covers: CoverSheetPdfService,
    private readonly audit: AuditService,
  ) {}

  async approve(caseId: string, input: ApprovalInput, by: string, now = new Date()): Promise<void> {
    const record = await this.repository.getCase(caseId);
    if (!approvableStatuses.includes(record.status)) {
      throw new CasesError(
        'CASE_STATUS_INVALID',
        `Case ${caseId} is ${record.status}; it cannot be approved.`,
        [
          'In diesem Status kann der Fall nicht freigegeben werden.',
          'The case cannot be approved in this status.',
        ],
      );
    }
    const rows = await this.repository.findCurrentAnswers(caseId);
    const today = berlinDate(now);
    const application = this.registry.loadedApplication(record.applicationId);
    // Every answer that applies must be there and fit (also those marked "Ich weiß es nicht");
    // the refusal names them, so the Kümmerer knows what to fill in or ask the family.
    const { answers } = caseQuestions(application, rows, today);
    // A question a date switched on after the family's last answer (Punkt 3 of the Anlage Kind for a
    // child who has come within three months of 18 since) is not missing: it stays empty.
    const answeredOn = answeredOnOf(rows);
    const { problems } = validateAnswers(application, answers, today, { answeredOn });
    if (problems.length > 0) {
      throw new CasesError(
        'CASE_ANSWERS_INCOMPLETE',
        `Case ${caseId}: ${problems.length} answer(s) missing or invalid.`,
        describeAnswerProblems(application, problems),
      );
    }
    const documents = await this.filler.fill(record.applicationId, answers, {
      mode: 'final',
      today,
      answeredOn,
    });
    const forms = documents.map((document) => ({
      title: document.title,
      authority: this.registry.getForm(document.formId).authority ?? 'Familienkasse',
    }));
    const cover = await this.covers.render({
      familyName: record.familyName,
      forms,
      attachments: input.attachments.map((line) => line.trim()).filter((line) => line !== ''),
      deadline: record.nearestDeadline,
      contact: input.contact,
    });
    const sealed = await sealCaseDocuments(this.cipher, caseId, 'final', [
      {
        formId: 'cover',
        instanceIndex: null,
        title: 'Deckblatt für die Familie',
        fileName: 'deckblatt.pdf',
        kind: 'cover',
        bytes: cover,
      },
      ...documents.map(documentInputOf),
    ]);
    await runInWriteTransaction(this.dataSource, (manager) =>
      replaceCaseDocuments(manager, caseId, 'final', sealed),
    );
    await this.audit.record({
      actor: by,
      action: 'case.approved',
      subjectType: 'case',
      subjectId: caseId,
      details: { documents: documents.length + 1 },
    });
    await this.cases.changeStatus(caseId, 'approved', by);
  }
}
