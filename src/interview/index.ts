/**
 * The interview engine: pure functions over JSON state, no I/O, no Nest, no botbuilder.
 *
 *   const app = registry.loadedApplication('kindergeld');
 *   let { state, messages, events } = startInterview(app, { locale: 'de', today, now });
 *   ({ state, messages, events } = handleInput(app, state, { type: 'text', text: 'ja' }, { today, now }));
 *   ({ state, messages, events } = handleInput(app, state, { type: 'action', action: 'consent', value: 'accept' }, ...));
 *
 * - `state` (InterviewState) is plain JSON; store it after every turn and pass it back unchanged.
 *   Never mutated: every call returns a new state.
 * - `messages` are what to show, in order; `suggestions` are buttons: send `{ type: 'action',
 *   action, value }` back when one is tapped (typing the title works too).
 * - `events` are for the bot: `submitted` (make a case from `answers`, which hold only answers that
 *   apply; state.provenance and state.unknown describe them), `human-requested`, `consent-accepted`,
 *   `consent-refused`, `paused`, `cancelled`, `language-changed`, `answer-marked-unknown`.
 * - `addProposals(state, proposals)` adds values read from letters (paths: answer-path.util.ts);
 *   the family confirms each when its question comes ("Ihre IBAN ist … – stimmt das?"), stored as
 *   source `letter` with document, page, box and confidence. A value the question would refuse
 *   (wrong IBAN checksum) is never offered; "nein" asks the question as usual.
 * - `offerProposals(app, state, proposals, options)` does the same, right after reading a letter:
 *   values for questions already answered are offered at once, one by one, only if they differ
 *   from the answer ("Im Brief steht als … Sie hatten … angegeben. Was stimmt?", the letter's value
 *   and the family's as buttons: actions `yes` and `keep`); then the chat asks again what it was
 *   asking (a value for that question included). `letterValuesToAsk(app, state, paths, options)`
 *   tells which of a letter's values will be asked at all (not those equal to the answers).
 * - The summary's buttons include "Kind hinzufügen" (action `add-item`, value: group id); a child's
 *   summary group has `actions` with "Kind 2: Can entfernen" (action `remove-item`, value
 *   "children[1]"), confirmed with yes/no. Typing a button's title works too.
 * - A choice matched only by a prefix or a typo is confirmed first ("Meinten Sie »verheiratet«?").
 * - `summarize(app, state, today)` builds the review groups at any time (e.g. for the case view).
 * - `submittedAnswers(app, state, today)` returns the answers that apply under the current answers.
 *
 * Answer paths: "applicant.lastName" for answers given once, "children[1].children.birthDate" for
 * the answer of the second child.
 */
export * from './engine.types';
export * from './interview-state.types';
export { startInterview, handleInput } from './interview.engine';
export { addProposals } from './proposals.util';
export { offerProposals } from './proposal-flow';
export { letterValuesToAsk } from './letter-offers';
export { summarize } from './summary.builder';
export { submittedAnswers } from './flow.util';
export { answerPath, parseAnswerPath } from './answer-path.util';
export { CONSENT_VERSION } from './consent';
