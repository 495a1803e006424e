import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { kindergeldApplication } from '../../test/support/kindergeld-application';
import { readTranscript, replayTranscript } from '../../test/transcripts/transcript-runner';
import { EngineResult, handleInput } from './index';

const options = { today: '2025-11-20', now: '2025-11-20T10:00:00.000Z' };
const ANSWERS: Record<string, string> = {
  text: 'Mia',
  date: '1.2.2024',
  yesno: 'nein',
  choice: '1',
  taxId: 'überspringen',
};

/** The two-children transcript up to its summary (Kind 1: Elif, Kind 2: Can). */
async function atSummary(): Promise<EngineResult> {
  const transcript = readTranscript(
    join(resolve(__dirname, '..', '..', '..', 'test', 'transcripts'), 'kg1-two-children.yaml'),
  );
  const result = replayTranscript(await kindergeldApplication(), {
    ...transcript,
    steps: transcript.steps.slice(0, -1),
  });
  assert.equal(result.state.phase, 'summary');
  return result;
}

function summaryLines(result: EngineResult): string {
  return result.messages
    .flatMap((message) => message.summary ?? [])
    .flatMap((group) => [group.title, ...group.items.map((item) => `${item.label}: ${item.value}`)])
    .join('\n');
}

describe('adding and removing children from the summary', () => {
  it('offers "Kind hinzufügen", asks the new child\'s KG 1 and Anlage Kind questions, then returns to the summary', async () => {
    const application = await kindergeldApplication();
    const summary = await atSummary();
    const add = summary.messages
      .flatMap((message) => message.suggestions ?? [])
      .find((button) => button.action === 'add-item');
    assert.deepEqual(add, { title: 'Kind hinzufügen', action: 'add-item', value: 'children' });
    let result = handleInput(
      application,
      summary.state,
      { type: 'action', action: 'add-item', value: 'children' },
      options,
    );
    assert.ok(
      result.messages.some(
        (message) =>
          message.text.includes('Kind 3') && message.text.includes('Wie heißt Ihr Kind mit Vornamen?'),
      ),
    );
    const asked = new Set<string>();
    for (let turn = 0; turn < 80 && result.state.phase !== 'summary'; turn += 1) {
      assert.notEqual(
        result.state.phase,
        'another-item',
        'no "noch ein Kind?" after adding from the summary',
      );
      const pointer = result.state.pointer!;
      asked.add(pointer.questionId);
      const type = application.questions.get(pointer.questionId)!.question.type;
      result = handleInput(
        application,
        result.state,
        { type: 'text', text: ANSWERS[type] ?? 'überspringen' },
        options,
      );
    }
    assert.equal(result.state.phase, 'summary');
    assert.ok(
      asked.has('children.birthDate') && asked.has('children.livesWithApplicant'),
      'KG 1 and Anlage Kind questions of the new child',
    );
    assert.match(summaryLines(result), /Kind 3: Mia/);
    assert.equal((result.state.answers.children as unknown[]).length, 3);
  });

  it('removes a child after yes, renumbers the later ones and their sources; no keeps everything', async () => {
    const application = await kindergeldApplication();
    const summary = await atSummary();
    const groups = summary.messages.flatMap((message) => message.summary ?? []);
    const removeElif = groups.find((group) => group.title === 'Kind 1: Elif')?.actions?.[0];
    assert.deepEqual(removeElif, {
      title: 'Kind 1: Elif entfernen',
      action: 'remove-item',
      value: 'children[0]',
    });

    const asked = handleInput(
      application,
      summary.state,
      { type: 'text', text: 'Kind 1: Elif entfernen' },
      options,
    );
    assert.equal(asked.state.phase, 'confirming-remove');
    assert.match(asked.messages[0].text, /Möchten Sie »Kind 1: Elif« wirklich entfernen\?/);
    const kept = handleInput(application, asked.state, { type: 'action', action: 'no' }, options);
    assert.equal((kept.state.answers.children as unknown[]).length, 2);
    assert.equal(kept.state.phase, 'summary');

    const sut = handleInput(application, asked.state, { type: 'action', action: 'yes' }, options);
    assert.equal(sut.state.phase, 'summary');
    const lines = summaryLines(sut);
    assert.match(lines, /Kind 1: Can/);
    assert.doesNotMatch(lines, /Elif/);
    assert.equal(sut.state.provenance['children[0].children.firstName'].source, 'family');
    assert.equal(sut.state.provenance['children[1].children.firstName'], undefined);
    // The last child cannot be removed: the application needs one Anlage Kind.
    const last = sut.messages
      .flatMap((message) => message.summary ?? [])
      .find((group) => group.title === 'Kind 1: Can');
    assert.equal(last?.actions, undefined);
    const refused = handleInput(
      application,
      sut.state,
      { type: 'action', action: 'remove-item', value: 'children[0]' },
      options,
    );
    assert.equal(refused.state.phase, 'summary');
    assert.ok(
      refused.messages.some((message) => message.text.includes('Das kann ich hier nicht entfernen.')),
    );
  });

  it('ignores add and remove outside the summary', async () => {
    const application = await kindergeldApplication();
    const summary = await atSummary();
    const asking = {
      ...summary.state,
      phase: 'editing' as const,
      pointer: { questionId: 'applicant.lastName', item: null },
    };
    const sut = handleInput(
      application,
      asking,
      { type: 'action', action: 'add-item', value: 'children' },
      options,
    );
    assert.equal((sut.state.answers.children as unknown[]).length, 2);
    assert.equal(sut.state.phase, 'editing');
  });
});
