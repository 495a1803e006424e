import { Injectable } from '@nestjs/common';
import { Answers } from '../forms/definition/answers.types';
import { AnswerProblem, validateAnswers } from '../forms/answers/validate-answers';
import { LoadedApplication } from '../forms/loading/loaded-definitions.types';
import { AnswersInvalidError, FormsError } from '../forms/forms.errors';
import { FormRegistry } from '../forms/forms.registry';
import { buildAnswerSummary } from '../forms/mapping/answer-summary.builder';
import { buildFillPlans } from '../forms/mapping/fill-plan.builder';
import { FormInstance } from '../forms/mapping/form-instances.util';
import { PdfRenderJob } from '../pdf/workers/pdf-render-job.types';
import { PdfRenderPool } from '../pdf/workers/pdf-render-pool.service';
import { FillApplicationOptions, FilledDocument } from './filled-document.types';

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

  async fill(
    applicationId: string,
    answers: Answers,
    options: FillApplicationOptions,
  ): Promise<FilledDocument[]> {
    const application = this.registry.loadedApplication(applicationId);
    if (options.formId && !application.forms.some((form) => form.definition.id === options.formId)) {
      throw new FormsError(
        'FORM_NOT_FOUND',
        `Application "${applicationId}" has no form "${options.formId}".`,
      );
    }
    // Never print a form from answers the chat would not have accepted.
    const check = validateAnswers(application, answers, options.today);
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
    const bytes = await this.pdfs.renderAll(
      plans.map((plan, index): PdfRenderJob => {
        const template = templates[index];
        return template.state === 'installed'
          ? {
              kind: 'fill',
              templatePath: template.path,
              sha256: this.registry.getForm(plan.formId).template.sha256,
              plan,
              mode: options.mode,
            }
          : { kind: 'summary', summary: summaries[index] };
      }),
    );
    return plans.map((plan, index) => ({
      formId: plan.formId,
      instance: plan.instance,
      title: `${plan.formTitle}${copySuffix(plan.instance)}`,
      fileName: `${plan.formId}${plan.instance ? `-${plan.instance.index + 1}` : ''}.pdf`,
      official: templates[index].state === 'installed',
      mode: options.mode,
      bytes: bytes[index],
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
