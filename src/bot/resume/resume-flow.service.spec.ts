import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DataSource } from 'typeorm';
import { Activity, ActivityTypes } from 'botbuilder';
import { BotHarness, startBotHarness, textsOf } from '../../../test/support/bot-harness';
import { replayThroughBot } from '../../../test/support/bot-transcript-runner';
import { transcriptNamed } from '../../../test/transcripts/transcript-runner';
import { languageEventName } from '../activities/read-language-event.util';
import { botText } from '../bot-texts';
import { ResumeCodeService } from './resume-code.service';

const twoChildren = () => transcriptNamed('kg1-two-children.yaml');
const codePattern = /\b([A-Z0-9]{4}-[A-Z0-9]{4})\b/;
const messages = (activities: Partial<Activity>[]) =>
  activities.filter((activity) => activity.type === ActivityTypes.Message);
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

  /** A German conversation up to the birth date; its resume code. */
  async function germanCode(): Promise<string> {
    const transcript = twoChildren();
    const step = birthDateStep();
    const first = await replayThroughBot(harness, transcript, { to: step });
    const code = codePattern.exec(textsOf(await first.say(transcript.steps[step].user!)).join('\n'))?.[1];
    assert.ok(code);
    return code;
  }

  it('answers a code typed in a Turkish chat in Turkish, and the interview goes on in Turkish', async () => {
    const code = await germanCode();
    const turkish = harness.conversation({ locale: 'tr-TR' });
    await turkish.open();

    const asked = messages(await turkish.say(`devam ${code}`));
    assert.deepEqual(textsOf(asked), [botText('resumeAskBirthDate', 'tr')]);
    const resumed = messages(await turkish.say('14.03.1986'));
    assert.equal(textsOf(resumed)[0], botText('resumeDone', 'tr'));
    assert.deepEqual([...new Set(resumed.map((reply) => reply.locale))], ['tr']);
    // The question the German conversation was at, in Turkish like the bot's own words.
    assert.match(textsOf(resumed).join('\n'), /Hangi yerde doğdunuz\?[\s\S]*Soru \d+ \/ yaklaşık/);
    assert.doesNotMatch(textsOf(resumed).join('\n'), /Bitte|Willkommen|In welchem Ort/);
    const stored = (await turkish.stored())!.interview!;
    assert.equal(stored.locale, 'tr');
    assert.equal(stored.answers['applicant.firstName'], 'Ayşe');
    assert.equal(stored.failures, 0);
  });

  it("follows the widget's language switcher before the code, and resumes a paused conversation without an error", async () => {
    const transcript = twoChildren();
    const step = birthDateStep();
    const first = await replayThroughBot(harness, transcript, { to: step + 1 });
    const code = codePattern.exec(textsOf(await first.say('Pause')).join('\n'))?.[1];
    assert.ok(code, 'a code with the pause');
    assert.equal((await first.stored())!.interview!.phase, 'paused');

    const other = harness.conversation({ locale: 'de-DE' });
    await other.open();
    await other.turn({ type: ActivityTypes.Event, name: languageEventName, value: 'ar' });
    assert.deepEqual(textsOf(messages(await other.say(`weiter ${code}`))), [
      botText('resumeAskBirthDate', 'ar'),
    ]);
    const resumed = messages(await other.say('14.03.1986'));
    assert.equal(textsOf(resumed)[0], botText('resumeDone', 'ar'));
    assert.ok(resumed.every((reply) => reply.locale === 'ar'));
    assert.ok(
      resumed.every((reply) => (reply.channelData as { direction?: string }).direction === 'rtl'),
      'right to left',
    );
    const stored = (await other.stored())!.interview!;
    assert.equal(stored.phase, 'asking');
    assert.equal(stored.failures, 0);
  });
});
