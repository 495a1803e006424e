import type { Activity } from 'botbuilder';
import { normalizeResumeCode } from '../resume/resume-code.util';

/** The bot's own button that starts "continue with a code" (not an interview action). */
export const resumeWithCodeAction = 'resume-code';

// "weiter K7QX-M4TA" in the six languages (and German everywhere, as the bot's texts suggest).
const resumeWords =
  /^(weiter|fortsetzen|continue|resume|devam|devam et|متابعة|продовжити|далі|продолжить|дальше)[\s:,-]+(.+)$/iu;

export type ResumeRequest = { kind: 'code'; code: string } | { kind: 'ask-code' } | null;

/** "weiter <code>" or the "Fortsetzen mit Code" button; null for every other message. */
export function readResumeRequest(activity: Partial<Activity>): ResumeRequest {
  const payload = activity.value as { action?: unknown } | undefined;
  if (payload && typeof payload === 'object' && payload.action === resumeWithCodeAction) {
    return { kind: 'ask-code' };
  }
  const match = resumeWords.exec(activity.text?.trim() ?? '');
  const code = match ? normalizeResumeCode(match[2]) : null;
  return code ? { kind: 'code', code } : null;
}
