import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateAnswers } from '../forms/answers/validate-answers';
import { kindergeldApplication } from '../../test/support/kindergeld-application';
import { addProposals, EngineResult, handleInput, PendingProposal, startInterview, UserInput } from './index';
import { answerAt } from './flow.util';
import { parseAnswerPath } from './answer-path.util';

// Property: random families typing valid and invalid answers and commands never make the engine
// throw, never lose an accepted answer unless they change it, and a submission passes validateAnswers
// except for the answers marked "Ich weiß es nicht".

const today = '2025-11-20';
const options = { today, now: '2025-11-20T10:00:00.000Z' };

function random(seed: number): () => number {
  let value = seed;
  return () => {
    value = (value * 1103515245 + 12345) % 2147483648;
    return value / 2147483648;
  };
}

const GOOD: Record<string, string[]> = {
  date: ['3.5.2010', '14. März 2015', '01.01.20'],
  yesno: ['ja', 'nein', 'jo', 'nö', '👍'],
  taxId: ['52 807 981 360', '14019236755'],
  iban: ['DE89 3704 0044 0532 0130 00'],
  postalCode: ['60316', '01067'],
  phone: ['0151 23456789'],
  money: ['12,50', '300'],
  number: ['20', '35'],
  text: ['Dragana', 'Frankfurt am Main', '215FK482913'],
};
const BAD = ['', 'Banane', '31.02.2010', '12345', 'DE00 0000', 'vielleicht', '🙂', '-5'];
const COMMANDS: UserInput[] = [
  { type: 'text', text: 'zurück' },
  { type: 'text', text: '?' },
  { type: 'text', text: 'Übersicht' },
  { type: 'text', text: 'Türkçe' },
  { type: 'text', text: 'Deutsch' },
  { type: 'text', text: 'Pause' },
  { type: 'text', text: 'mit einem Menschen sprechen' },
  { type: 'action', action: 'dont-know' },
  { type: 'action', action: 'skip' },
  { type: 'text', text: 'Familienstand ändern' },
  { type: 'text', text: 'abbrechen' },
];

const source = { documentId: 'letter-1', page: 1, confidence: 0.9 };
const LETTER: PendingProposal[] = [
  { path: 'applicant.kindergeldNumber', value: '215FK381902', source },
  { path: 'applicant.taxId', value: '52807981361', source },
  { path: 'applicant.lastName', value: 'Kovalenko', source },
  { path: 'bank.iban', value: 'DE89 3704 0044 0532 0130 00', source },
  { path: 'bank.iban', value: 'DE00 3704 0044 0532 0130 00', source },
  { path: 'children[0].children.birthDate', value: '2019-04-02', source },
  { path: 'children[1].children.firstName', value: 'Olena', source },
  { path: 'applicant.maritalStatus', value: 'verheiratet', source },
];

/**
 * The state must survive storage as JSON: only objects, arrays, strings, finite numbers, booleans
 * and null (stricter than a JSON round trip, which drops undefined silently). States are never
 * mutated, so parts shared with an earlier state were checked then and are skipped.
 */
function assertPlainJson(value: unknown, checked: WeakSet<object>, where: string): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') {
    return;
  }
  if (typeof value === 'number') {
    return assert.ok(Number.isFinite(value), `${where}: ${value} is no JSON number`);
  }
  assert.equal(typeof value, 'object', `${where}: ${typeof value} is no JSON value`);
  const object = value as object;
  if (checked.has(object)) {
    return;
  }
  const prototype = Object.getPrototypeOf(object);
  assert.ok(
    Array.isArray(object) || prototype === Object.prototype || prototype === null,
    `${where}: not a plain object`,
  );
  for (const [key, item] of Object.entries(object)) {
    assertPlainJson(item, checked, `${where}.${key}`);
  }
  checked.add(object);
}

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)];
}

function nextInput(
  application: Awaited<ReturnType<typeof kindergeldApplication>>,
  result: EngineResult,
  next: () => number,
): UserInput {
  const { state } = result;
  const buttons = result.messages.flatMap((message) => message.suggestions ?? []);
  const roll = next();
  if (roll < 0.08) {
    return pick(next, COMMANDS);
  }
  if (roll < 0.2) {
    return { type: 'text', text: pick(next, BAD) };
  }
  if (state.phase === 'confirming-cancel' || state.phase === 'confirming-restart') {
    return { type: 'text', text: 'nein' };
  }
  if (buttons.length > 0 && roll < 0.6) {
    const button = pick(
      next,
      buttons.filter((candidate) => candidate.action !== 'change' && candidate.action !== 'dont-know') ??
        buttons,
    );
    if (button) {
      return { type: 'action', action: button.action, value: button.value };
    }
  }
  if (state.phase === 'another-item') {
    return { type: 'text', text: next() < 0.4 ? 'ja' : 'nein' };
  }
  if (state.phase === 'summary') {
    const remove = result.messages
      .flatMap((message) => message.summary ?? [])
      .flatMap((group) => group.actions ?? []);
    if (remove.length > 0 && roll < 0.7) {
      return { type: 'action', action: 'remove-item', value: pick(next, remove).value };
    }
    return { type: 'action', action: 'submit' };
  }
  if (state.pointer === null) {
    return { type: 'text', text: 'ja' };
  }
  const question = application.questions.get(state.pointer.questionId)?.question;
  return { type: 'text', text: pick(next, GOOD[question?.type ?? 'text'] ?? GOOD.text) };
}

describe('interview engine, random walks', () => {
  it('500 random sessions never throw, keep accepted answers and submit valid answers', async () => {
    const application = await kindergeldApplication();
    let submitted = 0;
    const checked = new WeakSet<object>();
    for (let session = 0; session < 500; session += 1) {
      const next = random(session + 1);
      let result = startInterview(application, {
        locale: pick(next, ['de', 'en', 'tr', 'ar', 'uk', 'ru'] as const),
        ...options,
      });
      result = handleInput(
        application,
        result.state,
        { type: 'action', action: 'consent', value: 'accept' },
        options,
      );
      // Every third family has a letter: right and wrong values, for questions asked once and per child.
      if (session % 3 === 0) {
        result = {
          ...result,
          state: addProposals(
            result.state,
            LETTER.filter(() => next() < 0.6),
          ),
        };
      }
      for (
        let turn = 0;
        turn < 400 && result.state.phase !== 'submitted' && result.state.phase !== 'cancelled';
        turn += 1
      ) {
        const input = nextInput(application, result, next);
        const before = result.state;
        result = handleInput(application, before, input, options);
        assertPlainJson(result.state, checked, `session ${session}: state`);
        // Every accepted answer stays unless the family changed or un-knew exactly the question asked.
        for (const path of result.state.answers === before.answers ? [] : Object.keys(before.provenance)) {
          const target = parseAnswerPath(path)!;
          const pointer = { questionId: target.questionId, item: target.item };
          const asked =
            before.pointer?.questionId === target.questionId && before.pointer.item === target.item;
          // Removing a child renumbers the later children's paths.
          if (!asked && before.phase !== 'confirming-restart' && before.phase !== 'confirming-remove') {
            const after = answerAt(result.state.answers, pointer, target.repeatId);
            const earlier = answerAt(before.answers, pointer, target.repeatId);
            // Answers are plain values: compare cheaply, explain with deepEqual only on a difference.
            if (after !== earlier) {
              assert.deepEqual(after, earlier, `session ${session}: ${path} lost`);
            }
          }
        }
      }
      const event = result.events.find((candidate) => candidate.type === 'submitted');
      if (event && event.type === 'submitted') {
        submitted += 1;
        const problems = validateAnswers(application, event.answers, today).problems;
        const unexplained = problems.filter(
          (problem) => !event.unknown.some((path) => path.endsWith(problem.questionId)),
        );
        assert.deepEqual(unexplained, [], `session ${session}`);
      }
    }
    assert.ok(submitted > 50, `only ${submitted} sessions reached a submission`);
  });
});
