import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseCorrectionsService } from '../../cases/case-corrections.service';
import { CasesRepository } from '../../cases/cases.repository';
import { CaseAnswerView } from '../../cases/cases.types';
import { CaseStatusChange } from '../../cases/entities/case-status-change.entity';
import { DocumentsService } from '../../documents/documents.service';
import { StoredDocument } from '../../documents/stored-document.entity';
import { User } from '../../accounts/entities/user.entity';
import { FormRegistry } from '../../forms/forms.registry';
import { CaseView, CaseViewAnswer, CaseViewForm, LOW_CONFIDENCE } from './case-view.types';

/** Everything the case page shows: answers by form and section with provenance, documents, notes. */
@Injectable()
export class CaseViewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CasesRepository,
    private readonly corrections: CaseCorrectionsService,
    private readonly registry: FormRegistry,
    private readonly documents: DocumentsService,
  ) {}

  /** "user:<id>" -> display name of every workspace account, for provenance lines. */
  async actorNames(): Promise<Map<string, string>> {
    const users = await this.dataSource.getRepository(User).find({ select: { id: true, displayName: true } });
    return new Map(users.map((user) => [`user:${user.id}`, user.displayName]));
  }

  async load(caseId: string): Promise<CaseView> {
    const summary = await this.repository.getCase(caseId);
    const [answers, previous, documents, notes, uploads, statusChanges] = await Promise.all([
      this.repository.findCurrentAnswers(caseId),
      this.corrections.findPreviousAnswers(caseId),
      this.repository.findDocuments(caseId),
      this.repository.findNotes(caseId),
      this.dataSource.getRepository(StoredDocument).find({
        where: { caseId },
        select: { id: true, mediaType: true, sizeBytes: true, createdAt: true },
        order: { createdAt: 'ASC' },
      }),
      this.dataSource
        .getRepository(CaseStatusChange)
        .find({ where: { caseId }, order: { changedAt: 'ASC' } }),
    ]);
    const application = this.registry.loadedApplication(summary.applicationId);
    const byPath = new Map(answers.map((answer) => [answer.path, answer]));
    const forms: CaseViewForm[] = application.forms.map(({ definition }) => {
      const copies = definition.repeatOf ? itemCount(byPath.get(definition.repeatOf)) : 1;
      const sections = [];
      for (let copy = 0; copy < copies; copy++) {
        for (const section of definition.sections) {
          const rows: CaseViewAnswer[] = [];
          for (const question of section.questions.flatMap((q) => (q.type === 'repeat' ? [] : [q]))) {
            const repeatId =
              definition.repeatOf && question.id.startsWith(`${definition.repeatOf}.`)
                ? definition.repeatOf
                : null;
            const path = repeatId ? `${repeatId}[${copy}].${question.id}` : question.id;
            const answer = byPath.get(path);
            if (!answer) {
              continue;
            }
            rows.push({
              path,
              label: question.pdfLabel ?? question.label?.de ?? question.text.de,
              type: question.type,
              value: answer.value,
              markedUnknown: answer.markedUnknown,
              lowConfidence: answer.sourceConfidence !== null && answer.sourceConfidence < LOW_CONFIDENCE,
              source: answer.source,
              sourceDocumentId: answer.sourceDocumentId,
              sourcePage: answer.sourcePage,
              sourceBox: answer.sourceBox,
              sourceConfidence: answer.sourceConfidence,
              givenBy: answer.givenBy,
              givenAt: answer.givenAt,
              previous: previous.get(path) ?? null,
            });
          }
          if (rows.length > 0) {
            sections.push({
              title: section.title.de,
              copy: definition.repeatOf ? `Kind ${copy + 1}` : null,
              answers: rows,
            });
          }
        }
      }
      return { formId: definition.id, title: definition.title.de, sections };
    });
    return {
      summary,
      forms,
      documents,
      notes,
      // One analysis per upload; a family uploads a handful of letters, not hundreds.
      uploads: await Promise.all(
        uploads.map(async (upload) => ({
          ...upload,
          analysis: await this.documents.findAnalysis(upload.id),
        })),
      ),
      statusChanges: statusChanges.map(({ fromStatus, toStatus, changedBy, changedAt }) => ({
        fromStatus,
        toStatus,
        changedBy,
        changedAt,
      })),
    };
  }
}

function itemCount(answer: CaseAnswerView | undefined): number {
  return answer && typeof answer.value === 'number' ? answer.value : 0;
}
