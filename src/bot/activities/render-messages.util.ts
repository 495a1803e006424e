import { Activity, ActivityTypes, CardAction, CardFactory, MessageFactory } from 'botbuilder';
import { BotMessage, Suggestion, SummaryGroup } from '../../interview/engine.types';
import { InterviewLocale } from '../../interview/interview-state.types';
import { botText } from '../bot-texts';

/** A button that sends the engine action back; shown as the user's message with its title. */
export function toCardAction(suggestion: Suggestion): CardAction {
  return {
    type: 'messageBack',
    title: suggestion.title,
    displayText: suggestion.title,
    text: suggestion.title,
    value: {
      action: suggestion.action,
      ...(suggestion.value === undefined ? {} : { value: suggestion.value }),
    },
  };
}

/**
 * One engine message as an activity: plain text (no Markdown surprises with names or IBANs),
 * suggested actions for the buttons, the locale, the direction for Arabic (channelData and an
 * entity, so the Web Chat page can set dir="rtl"), and the summary as an Adaptive Card.
 */
export function renderMessage(message: BotMessage): Partial<Activity> {
  const text = message.progress
    ? `${message.text}\n\n(${botText('progress', message.locale, message.progress)})`
    : message.text;
  const activity: Partial<Activity> = message.suggestions?.length
    ? MessageFactory.suggestedActions(message.suggestions.map(toCardAction), text)
    : MessageFactory.text(text);
  activity.textFormat = 'plain';
  activity.locale = message.locale;
  activity.channelData = {
    direction: message.direction,
    kind: message.kind,
    ...(message.progress ? { progress: message.progress } : {}),
  };
  activity.entities = [{ type: 'textDirection', direction: message.direction, locale: message.locale }];
  if (message.kind === 'summary' && message.summary) {
    activity.attachments = [summaryCard(message.summary, message.locale, message.direction)];
  }
  return activity;
}

export function renderMessages(messages: BotMessage[]): Partial<Activity>[] {
  return messages.map(renderMessage);
}

/** "The bot is writing": sent before slow work such as filling the PDFs. */
export function typingActivity(): Partial<Activity> {
  return { type: ActivityTypes.Typing };
}

/**
 * The review summary: one block per section or child; tapping an answer sends "change <path>".
 * Each row is a touch target of at least 44 px (minHeight, its text centred in it) whose name for
 * screen readers says what it changes ("Ändern: Geburtsdatum 02.04.2019 (Kind 1: Mila)"): Web
 * Chat's Adaptive Cards renderer gives the row role "button" and the action's title as aria-label.
 */
function summaryCard(groups: SummaryGroup[], locale: InterviewLocale, direction: 'ltr' | 'rtl') {
  const body: object[] = [
    {
      type: 'TextBlock',
      text: botText('summaryHint', locale),
      wrap: true,
      isSubtle: true,
      rtl: direction === 'rtl',
    },
  ];
  for (const group of groups) {
    body.push({
      type: 'TextBlock',
      text: group.title,
      weight: 'Bolder',
      size: 'Medium',
      wrap: true,
      separator: true,
    });
    for (const item of group.items) {
      body.push({
        type: 'ColumnSet',
        minHeight: '44px',
        selectAction: {
          type: 'Action.Submit',
          title: item.change.title,
          data: { action: 'change', value: item.path },
        },
        columns: [
          {
            type: 'Column',
            width: 'stretch',
            verticalContentAlignment: 'Center',
            items: [{ type: 'TextBlock', text: item.label, wrap: true, isSubtle: true }],
          },
          {
            type: 'Column',
            width: 'stretch',
            verticalContentAlignment: 'Center',
            items: [{ type: 'TextBlock', text: item.value || '–', wrap: true }],
          },
        ],
      });
    }
  }
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.3',
    lang: locale,
    rtl: direction === 'rtl',
    body,
  });
}
