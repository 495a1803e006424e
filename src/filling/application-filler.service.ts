import { Injectable } from '@nestjs/common';
import { Answers } from '../forms/definition/answers.types';
import { AnswerProblem, validateAnswers } from '../forms/answers/validate-answers';
import { LoadedApplication } from '../forms/loading/loaded-definitions.types';
import { AnswersInvalidError, FormsError } from '../forms/forms.errors';
import { FormRegistry } from '../forms/forms.registry';
import { buildAnswerSummary } from '../forms/mapping/answer-summary.builder';
import { buildFillPlans } from '../forms/mapping/fill-plan.builder';
import { FormInstance } from '../forms/mapping/form-instances.util';
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

    const documents: FilledDocument[] = [];
    // One after the other: filling is CPU-bound (in a worker process), and parallel fills of one
    // application would only compete with other families' fills for the same workers.
    for (const [index, plan] of plans.entries()) {
      const template = this.registry.templateStatus(plan.formId);
      const official = template.state === 'installed';
      const bytes = official
        ? await this.pdfs.fill(
            template.path,
            this.registry.getForm(plan.formId).template.sha256,
            plan,
            options.mode,
          )
        : await this.pdfs.renderSummary(summaries[index]);
      documents.push({
        formId: plan.formId,
        instance: plan.instance,
        title: `${plan.formTitle}${copySuffix(plan.instance)}`,
        fileName: `${plan.formId}${plan.instance ? `-${plan.instance.index + 1}` : ''}.pdf`,
        official,
        mode: options.mode,
        bytes,
      });
    }
    return documents;
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
