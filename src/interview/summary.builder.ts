import { Answers } from '../forms/definition/answers.types';
import { LoadedApplication } from '../forms/loading/loaded-definitions.types';
import { displayValue } from './display-value.util';
import { SummaryGroup } from './engine.types';
import { answerAt, flowSteps, submittedAnswers } from './flow.util';
import { InterviewState } from './interview-state.types';
import { itemTitle } from './item-title.util';
import { shortLabel } from './short-label.util';
import { localized, text } from './texts';

/**
 * The review of all answers that apply, grouped by section; the answers of one child (KG 1 and its
 * Anlage Kind) form one group, so the family checks child by child.
 */
export function summarize(
  application: LoadedApplication,
  state: InterviewState,
  today: string,
): SummaryGroup[] {
  const answers = submittedAnswers(application, state, today);
  const groups = new Map<string, SummaryGroup>();
  const { locale } = state;
  for (const step of flowSteps(application, answers, state.completedGroups, today)) {
    if (step.kind !== 'question') {
      continue;
    }
    const { question, repeatId, section, formId } = step.indexed;
    const value = answerAt(answers, step.pointer, repeatId);
    const unknown = state.unknown.includes(step.path);
    if (value === undefined && !unknown) {
      continue;
    }
    const key =
      repeatId !== null && step.pointer.item !== null
        ? `${repeatId}[${step.pointer.item}]`
        : `${formId}/${section.id}`;
    let group = groups.get(key);
    if (!group) {
      const title =
        repeatId !== null && step.pointer.item !== null
          ? itemTitle(answers, repeatId, step.pointer.item, locale)
          : localized(locale, section.title);
      group = { title, items: [] };
      if (repeatId !== null && step.pointer.item !== null && canRemove(application, answers, repeatId)) {
        group.actions = [{ title: text(locale, 'removeItem', { title }), action: 'remove-item', value: key }];
      }
      groups.set(key, group);
    }
    const label = shortLabel(question, locale);
    const shown = unknown ? text(locale, 'summaryUnknown') : displayValue(question, value, locale);
    // The button's name for screen readers: what is changed, and for a child whose ("Kind 1: Mila").
    // It holds the row's visible text (label, value) in order, as WCAG 2.5.3 "label in name" asks.
    const title =
      repeatId !== null && step.pointer.item !== null
        ? text(locale, 'changeItemOf', { label, value: shown, item: group.title })
        : text(locale, 'changeItem', { label, value: shown });
    group.items.push({
      path: step.path,
      label,
      value: shown,
      change: { title, action: 'change', value: step.path },
    });
  }
  return [...groups.values()];
}

// The Anlage Kind needs at least one child: the last one can be changed, not removed.
function canRemove(application: LoadedApplication, answers: Answers, repeatId: string): boolean {
  const min = application.questions.get(repeatId)?.question.validation?.min;
  const items = answers[repeatId];
  return Array.isArray(items) && items.length > (typeof min === 'number' ? min : 0);
}

/** The summary as plain lines, for channels that cannot show cards. */
export function summaryText(groups: SummaryGroup[]): string {
  return groups
    .map((group) => [group.title, ...group.items.map((item) => `- ${item.label}: ${item.value}`)].join('\n'))
    .join('\n\n');
}
