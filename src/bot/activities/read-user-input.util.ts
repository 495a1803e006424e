import type { Activity } from 'botbuilder';
import { EngineAction, UserInput } from '../../interview/engine.types';

const engineActions = new Set<string>([
  'consent',
  'answer',
  'yes',
  'no',
  'dont-know',
  'skip',
  'back',
  'help',
  'pause',
  'resume',
  'cancel',
  'restart',
  'summary',
  'human',
  'language',
  'change',
  'submit',
] satisfies EngineAction[]);

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
