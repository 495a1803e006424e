import { Answers, AnswerValue, RepeatItemAnswers } from '../forms/definition/answers.types';
import { answerPath } from './answer-path.util';
import { IndexedQuestion } from '../forms/definition/question-index.util';
import { LoadedApplication } from '../forms/loading/loaded-definitions.types';
import { CONSENT_VERSION } from './consent';
import { displayValue } from './display-value.util';
import { BotMessage, EngineEvent, EngineOptions, EngineResult, Suggestion } from './engine.types';
import {
  answerAt,
  FlowStep,
  flowSteps,
  nextOpenStep,
  progressOf,
  submittedAnswers,
  withAnswer,
} from './flow.util';
import {
  AnswerProvenance,
  INTERVIEW_LOCALES,
  InterviewState,
  QuestionPointer,
} from './interview-state.types';
import { itemTitle } from './item-title.util';
import { withoutProposal } from './proposals.util';
import { addItemSuggestions, askRemoveConfirmation } from './repeat-items';
import { nextChangeOffer, resumeAfterLetter } from './letter-offers';
import { askProposal, usableProposal } from './proposal-flow';
import { AnswerProblem } from './read-answer.util';
import { summarize, summaryText } from './summary.builder';
import { validationText } from './texts/validation-text.util';
import { directionOf, LANGUAGE_TITLES, localized, text, TextKey } from './texts';

// States are never mutated: answers and completed groups that did not change are the same objects as
// in the turn before, so what was derived from them still holds. Both are asked for many times a turn.
const applyingCache = new WeakMap<
  Answers,
  { application: LoadedApplication; today: string; applying: Answers }
>();
const stepsCache = new WeakMap<
  Answers,
  { application: LoadedApplication; today: string; completedGroups: readonly string[]; steps: FlowStep[] }
>();

/** One turn of the dialogue: the state as it changes, and what the bot says and reports. */
export class Turn {
  readonly messages: BotMessage[] = [];
  readonly events: EngineEvent[] = [];

  constructor(
    readonly application: LoadedApplication,
    public state: InterviewState,
    readonly options: EngineOptions,
  ) {}

  result(): EngineResult {
    return { state: this.state, messages: this.messages, events: this.events };
  }

  update(patch: Partial<InterviewState>): void {
    this.state = { ...this.state, ...patch };
  }

  say(kind: BotMessage['kind'], body: string, extra: Partial<BotMessage> = {}): void {
    const { locale } = this.state;
    this.messages.push({ text: body, locale, direction: directionOf(locale), kind, ...extra });
  }

  sayText(
    kind: BotMessage['kind'],
    key: TextKey,
    params: Record<string, string | number> = {},
    extra: Partial<BotMessage> = {},
  ): void {
    this.say(kind, this.t(key, params), extra);
  }

  t(key: TextKey, params: Record<string, string | number> = {}): string {
    return text(this.state.locale, key, params);
  }

  sayProblem(problem: AnswerProblem): void {
    this.say('error', 'key' in problem ? this.t(problem.key) : validationText(this.state.locale, problem));
  }

  /** Answers that apply under the current answers (see flow.util.ts). */
  applying(): Answers {
    const { answers } = this.state;
    const cached = applyingCache.get(answers);
    if (cached && cached.application === this.application && cached.today === this.options.today) {
      return cached.applying;
    }
    const applying = submittedAnswers(this.application, this.state, this.options.today);
    applyingCache.set(answers, { application: this.application, today: this.options.today, applying });
    return applying;
  }

  steps(): FlowStep[] {
    const applying = this.applying();
    const { completedGroups } = this.state;
    const cached = stepsCache.get(applying);
    if (
      cached &&
      cached.application === this.application &&
      cached.today === this.options.today &&
      cached.completedGroups === completedGroups
    ) {
      return cached.steps;
    }
    const steps = flowSteps(this.application, applying, completedGroups, this.options.today);
    stepsCache.set(applying, {
      application: this.application,
      today: this.options.today,
      completedGroups,
      steps,
    });
    return steps;
  }

  indexed(pointer: QuestionPointer): IndexedQuestion {
    const indexed = this.application.questions.get(pointer.questionId);
    if (!indexed) {
      throw new Error(`Unknown question "${pointer.questionId}"`);
    }
    return indexed;
  }

  /** Stores the answer to the current question; a "don't know" mark and a proposal for it are settled. */
  store(value: AnswerValue, provenance: AnswerProvenance): void {
    const pointer = this.state.pointer;
    if (pointer === null) {
      return;
    }
    const { repeatId } = this.indexed(pointer);
    const path = answerPath(pointer, repeatId);
    this.update({
      answers: withAnswer(this.state.answers, pointer, repeatId, value),
      provenance: { ...this.state.provenance, [path]: provenance },
      unknown: this.state.unknown.filter((marked) => marked !== path),
      proposals: withoutProposal(this.state, path),
    });
  }

  /** The stored answer to the current question (undefined when there is none). */
  currentAnswer(): AnswerValue | undefined {
    const pointer = this.state.pointer;
    return pointer === null
      ? undefined
      : answerAt(this.state.answers, pointer, this.indexed(pointer).repeatId);
  }

  /** Removes an answer the family now says it does not know. */
  clear(pointer: QuestionPointer, repeatId: string | null): void {
    const path = answerPath(pointer, repeatId);
    if (answerAt(this.state.answers, pointer, repeatId) === undefined) {
      return;
    }
    const provenance = { ...this.state.provenance };
    delete provenance[path];
    let answers: Answers;
    if (repeatId === null || pointer.item === null) {
      answers = { ...this.state.answers };
      delete answers[pointer.questionId];
    } else {
      const items = [...(this.state.answers[repeatId] as RepeatItemAnswers[])];
      const item = { ...items[pointer.item] };
      delete item[pointer.questionId];
      items[pointer.item] = item;
      answers = { ...this.state.answers, [repeatId]: items };
    }
    this.update({ answers, provenance });
  }

  yesNo(): Suggestion[] {
    return [
      { title: this.t('yes'), action: 'yes' },
      { title: this.t('no'), action: 'no' },
    ];
  }

  /**
   * Goes on: first to letter values that differ from answers already given (right after a letter,
   * see letter-offers.ts), then back to the question the letter interrupted, else to the first step
   * still open (new dependent questions included), then to the summary.
   */
  advance(): void {
    const steps = this.steps();
    const offer = nextChangeOffer(this, steps);
    if (offer) {
      this.update({ phase: 'confirming-proposal', pointer: offer.pointer, failures: 0 });
      return this.askCurrent();
    }
    if (this.state.afterLetter && resumeAfterLetter(this, steps)) {
      return this.askCurrent();
    }
    const step = nextOpenStep(steps, this.applying(), this.state.unknown);
    if (step === null) {
      this.update({ phase: 'summary', pointer: null, failures: 0 });
    } else if (step.kind === 'another-item') {
      this.update({
        phase: 'another-item',
        pointer: { questionId: step.group.question.id, item: null },
        failures: 0,
      });
    } else {
      const usable = usableProposal(this, step) !== undefined;
      this.update({ phase: usable ? 'confirming-proposal' : 'asking', pointer: step.pointer, failures: 0 });
    }
    this.askCurrent();
  }

  /** Says what the current phase waits for: the question, the summary, a confirmation. */
  askCurrent(): void {
    const { state } = this;
    switch (state.phase) {
      case 'consent':
        this.sayText(
          'confirm',
          'consentNotice',
          { version: CONSENT_VERSION },
          {
            suggestions: [
              { title: this.t('consentAccept'), action: 'consent', value: 'accept' },
              { title: this.t('consentRefuse'), action: 'consent', value: 'refuse' },
            ],
          },
        );
        return;
      case 'asking':
      case 'editing':
        return this.askQuestion();
      case 'confirming-proposal':
        return askProposal(this, this.currentStep());
      case 'confirming-guess':
        return this.askGuess();
      case 'confirming-remove':
        return askRemoveConfirmation(this);
      case 'another-item':
        return this.askAnotherItem();
      case 'summary':
        return this.showSummary();
      case 'confirming-cancel':
        return this.sayText('confirm', 'cancelConfirm', {}, { suggestions: this.yesNo() });
      case 'confirming-restart':
        return this.sayText('confirm', 'restartConfirm', {}, { suggestions: this.yesNo() });
      case 'choosing-language':
        return this.sayText(
          'question',
          'chooseLanguage',
          {},
          {
            suggestions: INTERVIEW_LOCALES.map((locale) => ({
              title: LANGUAGE_TITLES[locale],
              action: 'language',
              value: locale,
            })),
          },
        );
      case 'paused':
        return this.sayText('info', 'paused');
      case 'cancelled':
      case 'submitted':
        return this.sayText('info', 'ended');
      case 'declined':
        // A way back: the privacy notice was shown just before, so the button is a consent to it.
        return this.sayText(
          'info',
          'consentRefused',
          {},
          { suggestions: [{ title: this.t('consentAfterAll'), action: 'consent', value: 'accept' }] },
        );
    }
  }

  /** The step of the question at the pointer, if it applies under the current answers. */
  currentStep(): Extract<FlowStep, { kind: 'question' }> | undefined {
    const pointer = this.state.pointer;
    return this.steps().find(
      (step): step is Extract<FlowStep, { kind: 'question' }> =>
        step.kind === 'question' &&
        step.pointer.questionId === pointer?.questionId &&
        step.pointer.item === pointer?.item,
    );
  }

  private askQuestion(): void {
    const pointer = this.state.pointer;
    if (pointer === null) {
      return this.advance();
    }
    const { locale } = this.state;
    const { question, repeatId } = this.indexed(pointer);
    const steps = this.steps();
    const step = this.currentStep();
    const answers = this.applying();
    const lines: string[] = [];
    if (repeatId !== null && pointer.item !== null) {
      const items = answers[repeatId];
      const started =
        Array.isArray(items) &&
        items[pointer.item] !== undefined &&
        Object.keys(items[pointer.item]).length > 0;
      const group = this.application.questions.get(repeatId)?.question;
      // A new item of the KG 1 group: repeat the group's question so the family knows what is asked.
      if (!started && group && pointer.item === 0) {
        lines.push(localized(locale, group.text));
      }
      lines.push(`${itemTitle(answers, repeatId, pointer.item, locale)}`);
    }
    lines.push(localized(locale, question.text));
    const previous = answerAt(answers, pointer, repeatId);
    if (this.state.phase === 'editing' && previous !== undefined) {
      lines.push(this.t('previousAnswer', { value: displayValue(question, previous, locale) }));
    }
    const suggestions: Suggestion[] = [];
    if (question.type === 'yesno') {
      suggestions.push(
        { title: this.t('yes'), action: 'answer', value: 'true' },
        { title: this.t('no'), action: 'answer', value: 'false' },
      );
    } else if (question.type === 'choice') {
      for (const option of question.options ?? []) {
        suggestions.push({ title: localized(locale, option.label), action: 'answer', value: option.value });
      }
    } else if (this.state.phase === 'editing' && previous !== undefined && previous !== null) {
      // Back at an answered question ("zurück"): going on without retyping it.
      suggestions.push({ title: this.t('keepAnswer'), action: 'keep' });
    }
    if (!question.required) {
      suggestions.push({ title: this.t('skip'), action: 'skip' });
    } else if (this.state.failures >= 3) {
      suggestions.push({ title: this.t('dontKnow'), action: 'dont-know' });
    }
    this.say('question', lines.join('\n'), {
      ...(suggestions.length > 0 ? { suggestions } : {}),
      progress: progressOf(steps, step?.path ?? ''),
    });
  }

  private askGuess(): void {
    const { pointer, guess } = this.state;
    if (pointer === null || !guess) {
      return this.advance();
    }
    const value = displayValue(this.indexed(pointer).question, guess.value, this.state.locale);
    this.sayText('confirm', 'guessConfirm', { value }, { suggestions: this.yesNo() });
  }

  private askAnotherItem(): void {
    const groupId = this.state.pointer?.questionId ?? '';
    const group = this.application.questions.get(groupId)?.question;
    const items = this.applying()[groupId];
    const count = Array.isArray(items) ? items.length : 0;
    if (group && count === 0) {
      this.say('info', localized(this.state.locale, group.text));
    }
    this.sayText(
      'question',
      count === 0 ? 'anotherItemFirst' : 'anotherItem',
      {},
      { suggestions: this.yesNo() },
    );
  }

  private showSummary(): void {
    const groups = summarize(this.application, this.state, this.options.today);
    this.say('summary', `${this.t('summaryIntro')}\n\n${summaryText(groups)}`, { summary: groups });
    this.sayText(
      'confirm',
      'submitQuestion',
      {},
      {
        suggestions: [
          { title: this.t('submitButton'), action: 'submit' },
          { title: this.t('changeButton'), action: 'change' },
          ...addItemSuggestions(this),
        ],
      },
    );
  }
}
