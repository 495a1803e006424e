import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DataSource } from 'typeorm';
import { BotHarness, startBotHarness, textsOf } from '../../../test/support/bot-harness';
import { replayThroughBot } from '../../../test/support/bot-transcript-runner';
import { readTranscript, transcriptFiles } from '../../../test/transcripts/transcript-runner';
import { ResumeCodeService } from './resume-code.service';

const twoChildren = () =>
  readTranscript(transcriptFiles().find((file) => file.endsWith('kg1-two-children.yaml'))!);
const codePattern = /\b([A-Z0-9]{4}-[A-Z0-9]{4})\b/;
// The step that answers "Wann sind Sie geboren?" (the one after the step whose reply asks it).
const birthDateStep = () =>
  twoChildren().steps.findIndex((step) =>
    step.bot?.says?.some((text) => text.includes('Wann sind Sie geboren')),
  ) + 1;

describe('resume codes need the birth date', () => {
  let harness: BotHarness;
  const codesOf = async (key: string) =>
    (
      await harness.app
        .get(DataSource)
        .query<unknown[]>(`SELECT id FROM resume_codes WHERE conversation_key = ?`, [key])
    ).length;

  before(async () => {
    harness = await startBotHarness();
  });

  after(async () => {
    await harness.close();
    harness.remove();
  });

  it('gives no code on consent, and "Pause" before the birth date points to this browser', async () => {
    const transcript = twoChildren();
    const conversation = harness.conversation({ locale: transcript.locale });
    await replayThroughBot(harness, transcript, { to: 1, conversation });
    const consent = textsOf(await conversation.say('ja')).join('\n');
    assert.doesNotMatch(consent, codePattern);

    const paused = textsOf(await conversation.say('Pause')).join('\n');
    assert.match(paused, /in diesem Browser weitermachen/);
    assert.doesNotMatch(paused, codePattern);
    assert.equal(await codesOf(conversation.key), 0);
  });

  it('shows a code once the birth date is given, and that code with the birth date resumes elsewhere', async () => {
    const transcript = twoChildren();
    const step = birthDateStep();
    assert.ok(step > 1);
    const first = await replayThroughBot(harness, transcript, { to: step });
    assert.equal(await codesOf(first.key), 0, 'no code before the birth date');
    const answered = textsOf(await first.say(transcript.steps[step].user!)).join('\n');
    const code = codePattern.exec(answered)?.[1];
    assert.ok(code, `a resume code in: ${answered}`);
    assert.match(answered, /Geburtsdatum/);
    // Shown once; the next answer does not repeat it.
    assert.doesNotMatch(textsOf(await first.say(transcript.steps[step + 1].user!)).join('\n'), codePattern);
    assert.match(textsOf(await first.say('Pause')).join('\n'), codePattern, '"Pause" gives a fresh code');

    const second = harness.conversation();
    await second.open();
    await second.say(`weiter ${code}`);
    assert.match(textsOf(await second.say('14.03.1986')).join('\n'), /Willkommen zurück/);
  });

  it('never resumes with a code alone, even one issued for a conversation without a birth date', async () => {
    const transcript = twoChildren();
    const early = await replayThroughBot(harness, transcript, { to: 4 });
    // A code from before this rule (issued at consent): the birth date is unknown.
    const code = await harness.app.get(ResumeCodeService).issue(early.key);

    const other = harness.conversation();
    await other.open();
    assert.match(textsOf(await other.say(`weiter ${code}`)).join('\n'), /Geburtsdatum/);
    assert.match(textsOf(await other.say('14.03.1986')).join('\n'), /stimmen nicht/);
    assert.ok((await early.stored())?.interview, 'the first conversation keeps its interview');
    assert.equal(Object.keys((await other.stored())!.interview!.answers).length, 0);
  });
});
