import type { Activity } from 'botbuilder';
import { EngineAction, UserInput } from '../../interview/engine.types';

// Every action the engine understands: a Record, so a new EngineAction cannot be forgotten here.
const engineActions = new Set<string>(
  Object.keys({
    consent: true,
    answer: true,
    yes: true,
    no: true,
    'dont-know': true,
    skip: true,
    back: true,
    help: true,
    pause: true,
    resume: true,
    cancel: true,
    restart: true,
    summary: true,
    human: true,
    language: true,
    keep: true,
    change: true,
    submit: true,
    'add-item': true,
    'remove-item': true,
  } satisfies Record<EngineAction, true>),
);

/**
 * What the family said in a message activity: a button payload (`value: { action, value }`, as
 * sent by our suggested actions and Adaptive Card taps) wins over the text; null for messages
 * without either (e.g. only an attachment).
 */
export function readUserInput(activity: Partial<Activity>): UserInput | null {
  const payload = activity.value as { action?: unknown; value?: unknown } | undefined;
  if (
    payload &&
    typeof payload === 'object' &&
    typeof payload.action === 'string' &&
    engineActions.has(payload.action)
  ) {
    return {
      type: 'action',
      action: payload.action,
      ...(typeof payload.value === 'string' ? { value: payload.value } : {}),
    };
  }
  const text = activity.text?.trim();
  return text ? { type: 'text', text } : null;
}
