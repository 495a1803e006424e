import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseCorrectionsService, PreviousAnswer } from '../../cases/case-corrections.service';
import { CasesRepository } from '../../cases/cases.repository';
import { CaseAnswerView } from '../../cases/cases.types';
import { CaseStatusChange } from '../../cases/entities/case-status-change.entity';
import { DocumentsService } from '../../documents/documents.service';
import {
  DocumentReadingFailure,
  DocumentReadingState,
  StoredDocument,
} from '../../documents/stored-document.entity';
import { User } from '../../accounts/entities/user.entity';
import { FamilyLocaleLookup } from '../../bot/proactive/family-locale.service';
import { QuestionDefinition } from '../../forms/definition/question.types';
import { FormRegistry } from '../../forms/forms.registry';
import { displayWorkspaceValue, workspaceInputText } from '../../cases/format-workspace-value.util';
import { questionLabel } from '../../cases/answer-problems.util';
import { caseQuestions } from '../../cases/open-questions.util';
import { berlinDate } from '../../common/berlin-date.util';
import {
  CaseView,
  CaseViewAnswer,
  CaseViewForm,
  CaseViewItem,
  CaseViewSection,
  LOW_CONFIDENCE,
} from './case-view.types';
import { addableItems, copyTitle, fieldOf, missingGroups } from './case-view-missing.util';
import { mayReadAgain, READING_PENDING_MESSAGE, readingFailureMessage } from './letter-reading-failure.util';

/** Everything the case page shows: answers by form and section with provenance, documents, notes. */
@Injectable()
export class CaseViewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CasesRepository,
    private readonly corrections: CaseCorrectionsService,
    private readonly registry: FormRegistry,
    private readonly documents: DocumentsService,
    private readonly familyLocale: FamilyLocaleLookup,
  ) {}

  /** "user:<id>" -> display name of every workspace account, for provenance lines. */
  async actorNames(): Promise<Map<string, string>> {
    const users = await this.dataSource.getRepository(User).find({ select: { id: true, displayName: true } });
    return new Map(users.map((user) => [`user:${user.id}`, user.displayName]));
  }

  async load(caseId: string): Promise<CaseView> {
    const summary = await this.repository.getCase(caseId);
    const [answers, previous, documents, notes, uploads, statusChanges, familyLocale] = await Promise.all([
      this.repository.findCurrentAnswers(caseId),
      this.corrections.findPreviousAnswers(caseId),
      this.repository.findDocuments(caseId),
      this.repository.findNotes(caseId),
      this.dataSource.getRepository(StoredDocument).find({
        where: { caseId },
        select: {
          id: true,
          fileName: true,
          mediaType: true,
          sizeBytes: true,
          createdAt: true,
          readingState: true,
          readingFailure: true,
        },
        order: { createdAt: 'ASC' },
      }),
      this.dataSource
        .getRepository(CaseStatusChange)
        .find({ where: { caseId }, order: { changedAt: 'ASC' } }),
      this.familyLocale.localeOfCase(caseId),
    ]);
    const application = this.registry.loadedApplication(summary.applicationId);
    const byPath = new Map(answers.map((answer) => [answer.path, answer]));
    const questions = caseQuestions(application, answers, berlinDate());
    const row = (path: string, question: QuestionDefinition, label: string): CaseViewAnswer | null => {
      const answer = byPath.get(path);
      return answer
        ? viewAnswer(path, label, question, answer, previous.get(path) ?? null, questions.applying.has(path))
        : null;
    };
    // Repeat groups whose items have a form of their own ("Anlage Kind" per item of `children`):
    // their item questions (first name, birth date) head each copy of that form, not the group's form.
    const perItemForms = new Set(application.forms.map(({ definition }) => definition.repeatOf));
    const groups = new Map(
      application.forms.flatMap(({ definition }) =>
        definition.sections.flatMap((section) =>
          section.questions
            .filter((question) => question.type === 'repeat')
            .map((group) => [group.id, group]),
        ),
      ),
    );
    const forms: CaseViewForm[] = application.forms.map(({ definition }) => {
      const repeatOf = definition.repeatOf;
      const copies = repeatOf ? itemCount(byPath.get(repeatOf)) : 1;
      const sections: CaseViewSection[] = [];
      for (let copy = 0; copy < copies; copy++) {
        const itemQuestions = repeatOf ? (groups.get(repeatOf)?.questions ?? []) : [];
        const copyName = repeatOf
          ? copyTitle(`${groups.get(repeatOf)?.pdfLabel ?? 'Kind'} ${copy + 1}`, itemQuestions, (id) =>
              byPath.get(`${repeatOf}[${copy}].${id}`),
            )
          : null;
        const copyItem = repeatOf
          ? [
              {
                groupId: repeatOf,
                number: copy + 1,
                label: groups.get(repeatOf)?.pdfLabel ?? 'Kind',
                title: `${groups.get(repeatOf)?.pdfLabel ?? 'Kind'} ${copy + 1}`,
                name: copyName ?? '',
              },
            ]
          : [];
        definition.sections.forEach((section, sectionIndex) => {
          const rows: CaseViewAnswer[] = [];
          // The copy's first section heads the item; a section listing a group's items names each.
          const items: CaseViewItem[] = sectionIndex === 0 ? [...copyItem] : [];
          // The item's own answers (asked in the group's form) first, in the copy's first section.
          const questions = sectionIndex === 0 ? [...itemQuestions, ...section.questions] : section.questions;
          for (const question of questions) {
            if (question.type === 'repeat') {
              if (!perItemForms.has(question.id)) {
                rows.push(...this.groupRows(question, byPath, row));
                items.push(...groupItems(question, byPath));
              }
              continue;
            }
            const path =
              repeatOf && question.id.startsWith(`${repeatOf}.`)
                ? `${repeatOf}[${copy}].${question.id}`
                : question.id;
            const shown = row(path, question, questionLabel(question));
            if (shown) {
              rows.push(shown);
            }
          }
          if (rows.length > 0) {
            sections.push({ title: section.title.de, copy: copyName, answers: rows, items });
          }
        });
      }
      return { formId: definition.id, title: definition.title.de, sections };
    });
    return {
      summary,
      forms,
      missing: missingGroups(application, questions.open, (repeatId, item, id) =>
        byPath.get(`${repeatId}[${item}].${id}`),
      ),
      familyLocale,
      addable: addableItems(application, questions.addable),
      documents,
      notes,
      // One analysis per upload; a family uploads a handful of letters, not hundreds.
      uploads: await Promise.all(
        uploads.map(async ({ readingState, readingFailure, ...upload }) => ({
          ...upload,
          fileName: this.documents.fileNameOf(upload.id, upload.fileName),
          reading: readingOf(readingState, readingFailure),
          analysis: readingState === 'failed' ? null : await this.documents.findAnalysis(upload.id),
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

  /** Every item of a repeat group listed in its form ("Name – Kind 1", "Geburtsdatum – Kind 1", ...). */
  private groupRows(
    group: QuestionDefinition,
    byPath: Map<string, CaseAnswerView>,
    row: (path: string, question: QuestionDefinition, label: string) => CaseViewAnswer | null,
  ): CaseViewAnswer[] {
    const rows: CaseViewAnswer[] = [];
    for (let item = 0; item < itemCount(byPath.get(group.id)); item++) {
      for (const question of group.questions ?? []) {
        const shown = row(
          `${group.id}[${item}].${question.id}`,
          question,
          `${questionLabel(question)} – ${group.pdfLabel ?? 'Eintrag'} ${item + 1}`,
        );
        if (shown) {
          rows.push(shown);
        }
      }
    }
    return rows;
  }
}

function viewAnswer(
  path: string,
  label: string,
  question: QuestionDefinition,
  answer: CaseAnswerView,
  previous: PreviousAnswer | null,
  applies: boolean,
): CaseViewAnswer {
  return {
    ...fieldOf(question),
    applies,
    path,
    label,
    value: answer.value,
    shown: displayWorkspaceValue(question, answer.value),
    input: workspaceInputText(question, answer.value),
    markedUnknown: answer.markedUnknown,
    lowConfidence: answer.sourceConfidence !== null && answer.sourceConfidence < LOW_CONFIDENCE,
    source: answer.source,
    sourceDocumentId: answer.sourceDocumentId,
    sourcePage: answer.sourcePage,
    sourceBox: answer.sourceBox,
    sourceConfidence: answer.sourceConfidence,
    givenBy: answer.givenBy,
    givenAt: answer.givenAt,
    previous: previous && { ...previous, shown: displayWorkspaceValue(question, previous.value) },
  };
}

/** The items of a group listed in its form's section, each named as its rows are ("Kind 2: Lena"). */
function groupItems(group: QuestionDefinition, byPath: Map<string, CaseAnswerView>): CaseViewItem[] {
  const label = group.pdfLabel ?? 'Eintrag';
  return Array.from({ length: itemCount(byPath.get(group.id)) }, (_, item) => ({
    groupId: group.id,
    number: item + 1,
    label,
    title: `${label} ${item + 1}`,
    name: copyTitle(`${label} ${item + 1}`, group.questions ?? [], (id) =>
      byPath.get(`${group.id}[${item}].${id}`),
    ),
  }));
}

function itemCount(answer: CaseAnswerView | undefined): number {
  return answer && typeof answer.value === 'number' ? answer.value : 0;
}

/** A Kümmerer's upload being read or failed; chat uploads and read letters have nothing to say. */
function readingOf(
  state: DocumentReadingState | null,
  failure: DocumentReadingFailure | null,
): CaseView['uploads'][number]['reading'] {
  if (state === 'pending') {
    return { state, message: READING_PENDING_MESSAGE, mayReadAgain: false };
  }
  if (state === 'failed') {
    const reason = failure ?? { code: 'READING_FAILED' };
    return { state, message: readingFailureMessage(reason), mayReadAgain: mayReadAgain(reason) };
  }
  return null;
}
