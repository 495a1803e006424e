import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Answers } from '../forms/definition/answers.types';
import { applyingAnswers } from '../forms/answers/applying-answers';
import { AnswerProblem, validateAnswers } from '../forms/answers/validate-answers';
import { LoadedApplication } from '../forms/loading/loaded-definitions.types';
import { AnswersInvalidError, FormsError } from '../forms/forms.errors';
import { FormRegistry } from '../forms/forms.registry';
import { buildAnswerSummary } from '../forms/mapping/answer-summary.builder';
import { buildFillPlans } from '../forms/mapping/fill-plan.builder';
import { FormInstance } from '../forms/mapping/form-instances.util';
import { PdfRenderJob, PdfSeal } from '../pdf/workers/pdf-render-job.types';
import { PdfRenderPool } from '../pdf/workers/pdf-render-pool.service';
import type { DataKey } from '../privacy/data-cipher.service';
import {
  FillApplicationOptions,
  FilledDocument,
  FilledDocumentInfo,
  SealedFilledDocument,
} from './filled-document.types';

/** How fillSealed encrypts: the key, and the authenticated context for a document id. */
export interface SealFilledDocuments {
  key: DataKey;
  contextOf: (documentId: string) => string;
}

/**
 * Answers in, PDFs out: every form copy of an application (KG 1 once, Anlage Kind per child),
 * filled on the official template when it is installed, else rendered as an answer summary.
 */
@Injectable()
export class ApplicationFillerService {
  constructor(
    private readonly registry: FormRegistry,
    private readonly pdfs: PdfRenderPool,
  ) {}

  /** How many applications are filled at the same time (PDF worker processes). */
  get parallelFills(): number {
    return this.pdfs.parallelRequests;
  }

  async fill(
    applicationId: string,
    answers: Answers,
    options: FillApplicationOptions,
  ): Promise<FilledDocument[]> {
    const documents = await this.render(applicationId, answers, options);
    return documents.map(({ info, rendered }) => ({ ...info, bytes: rendered.bytes }));
  }

  /**
   * fill(), but each PDF comes encrypted for storing, under a new document id: the worker process
   * seals it, so the plain PDF never enters this process (see PdfSeal). A draft of an official form
   * comes as an incremental update: the document is its `base` (the prepared template, public)
   * followed by the sealed update.
   */
  async fillSealed(
    applicationId: string,
    answers: Answers,
    options: FillApplicationOptions,
    seal: SealFilledDocuments,
  ): Promise<SealedFilledDocument[]> {
    const documents = await this.render(applicationId, answers, options, seal);
    return documents.map(({ info, rendered, id }) => ({
      ...info,
      id: id!,
      sealed: rendered.bytes,
      sizeBytes: rendered.pdfSize,
      base: rendered.base,
    }));
  }

  private async render(
    applicationId: string,
    answers: Answers,
    options: FillApplicationOptions,
    seal?: SealFilledDocuments,
  ) {
    const application = this.registry.loadedApplication(applicationId);
    if (options.formId && !application.forms.some((form) => form.definition.id === options.formId)) {
      throw new FormsError(
        'FORM_NOT_FOUND',
        `Application "${applicationId}" has no form "${options.formId}".`,
      );
    }
    // Never print an answer whose question does not apply under the other answers (one left from
    // before a correction, such as the partner's after "verheiratet" became "ledig"), and never
    // print a form from answers the chat would not have accepted.
    const applying = applyingAnswers(application, answers, options.today, { unknownIds: 'keep' });
    const check = validateAnswers(application, applying, options.today, {
      answeredOn: options.answeredOn,
    });
    const unknown = new Set(options.unknownPaths ?? []);
    const problems = check.problems.filter(
      (problem) => !(problem.code === 'REQUIRED' && unknown.has(answerPathOf(application, problem))),
    );
    if (problems.length > 0) {
      throw new AnswersInvalidError(problems);
    }
    const wanted = (formId: string) => !options.formId || options.formId === formId;
    const plans = buildFillPlans(application, check.answers, { today: options.today }).filter((plan) =>
      wanted(plan.formId),
    );
    const summaries = buildAnswerSummary(application, check.answers, { today: options.today }).filter(
      (summary) => wanted(summary.formId),
    );

    // All copies of one application in one request: the worker makes them one right after the
    // other and hands them over together. Queued one by one, each copy went to the back of the queue
    // behind every other family's fill: in the conversation benchmark's burst of submissions, the
    // finished KG 1 drafts of about 150 cases (1.4 MB each) waited in this process for the rest.
    const templates = plans.map((plan) => this.registry.templateStatus(plan.formId));
    const ids = plans.map(() => (seal ? randomUUID() : undefined));
    const rendered = await this.pdfs.renderAll(
      plans.map((plan, index): PdfRenderJob => {
        const template = templates[index];
        const sealing: PdfSeal | undefined = seal && { key: seal.key, context: seal.contextOf(ids[index]!) };
        return template.state === 'installed'
          ? {
              kind: 'fill',
              templatePath: template.path,
              sha256: this.registry.getForm(plan.formId).template.sha256,
              plan,
              mode: options.mode,
              // Stored drafts only: plain PDFs are handed out whole.
              incremental: seal !== undefined && options.mode === 'draft',
              seal: sealing,
            }
          : { kind: 'summary', summary: summaries[index], seal: sealing };
      }),
    );
    return plans.map((plan, index) => ({
      id: ids[index],
      rendered: rendered[index],
      info: {
        formId: plan.formId,
        instance: plan.instance,
        title: `${plan.formTitle}${copySuffix(plan.instance)}`,
        fileName: `${plan.formId}${plan.instance ? `-${plan.instance.index + 1}` : ''}.pdf`,
        official: templates[index].state === 'installed',
        mode: options.mode,
      } satisfies FilledDocumentInfo,
    }));
  }

  /** Which application a form id belongs to, for callers that name a form rather than an application. */
  applicationOf(formOrApplicationId: string): string {
    const applications = this.registry.listApplications();
    if (applications.some((application) => application.id === formOrApplicationId)) {
      return formOrApplicationId;
    }
    const owner = applications.find((application) =>
      application.forms.some((entry) => entry.form === formOrApplicationId),
    );
    if (!owner) {
      throw new FormsError('FORM_NOT_FOUND', `No application or form is called "${formOrApplicationId}".`);
    }
    return owner.id;
  }
}

/** The interview's answer path of a problem: "bank.iban" or "children[1].children.birthDate". */
function answerPathOf(application: LoadedApplication, problem: AnswerProblem): string {
  const repeatId = application.questions.get(problem.questionId)?.repeatId;
  return problem.item === undefined || !repeatId
    ? problem.questionId
    : `${repeatId}[${problem.item}].${problem.questionId}`;
}

function copySuffix(instance: FormInstance): string {
  return instance ? ` (Kind ${instance.index + 1})` : '';
}
