import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Activity, ActivityTypes } from 'botbuilder';
import { BotHarness, buttonsOf, startBotHarness, textsOf } from '../../test/support/bot-harness';
import { replayThroughBot } from '../../test/support/bot-transcript-runner';
import { transcriptNamed } from '../../test/transcripts/transcript-runner';
import { languageEventName } from './activities/read-language-event.util';
import { botText } from './bot-texts';

const twoChildren = () => transcriptNamed('kg1-two-children.yaml');
const messages = (activities: Partial<Activity>[]) =>
  activities.filter((activity) => activity.type === ActivityTypes.Message);
const directionOf = (activity: Partial<Activity>) =>
  (activity.channelData as { direction?: string } | undefined)?.direction;

describe('the bot speaks the language of the Web Chat locale', () => {
  let harness: BotHarness;
  let germanGreeting: string;

  before(async () => {
    harness = await startBotHarness();
    germanGreeting = textsOf(await harness.conversation({ locale: 'de-DE' }).open()).join('\n');
  });

  after(async () => {
    await harness.close();
    harness.remove();
  });

  for (const [webChatLocale, expected] of [
    ['tr-TR', 'tr'],
    ['ar-SA', 'ar'],
    ['uk', 'uk'],
    ['ru-RU', 'ru'],
    ['en-GB', 'en'],
    ['fr-FR', 'de'],
  ] as const) {
    it(`greets a family whose browser says ${webChatLocale} in ${expected}`, async () => {
      const replies = messages(await harness.conversation({ locale: webChatLocale }).open());

      assert.ok(replies.length > 0);
      assert.deepEqual([...new Set(replies.map((reply) => reply.locale))], [expected]);
      assert.ok(buttonsOf(replies).includes(botText('resumeButton', expected)));
      const greeting = textsOf(replies).join('\n');
      if (expected === 'de') {
        assert.equal(greeting, germanGreeting, 'an unknown language falls back to German');
      } else {
        assert.notEqual(greeting, germanGreeting);
      }
    });
  }

  it('marks Arabic replies right to left, those of the engine and the bot its own', async () => {
    const conversation = harness.conversation({ locale: 'ar-SA' });
    const greeting = messages(await conversation.open());
    const upload = messages(
      await conversation.turn({
        type: ActivityTypes.Message,
        attachments: [
          { contentType: 'image/png', name: 'brief.png', contentUrl: 'data:image/png;base64,iVBORw0KGgo=' },
        ],
      }),
    );

    assert.equal(textsOf(upload)[0], botText('documentBeforeConsent', 'ar'));
    for (const reply of [...greeting, ...upload]) {
      assert.equal(directionOf(reply), 'rtl');
      assert.deepEqual(reply.entities, [{ type: 'textDirection', direction: 'rtl', locale: 'ar' }]);
    }
    const turkish = messages(await harness.conversation({ locale: 'tr-TR' }).open());
    assert.ok(turkish.every((reply) => directionOf(reply) === 'ltr'));
  });

  it('keeps every answer when the family switches the language mid-way, and remembers the language', async () => {
    const conversation = await replayThroughBot(harness, twoChildren(), { to: 10 });
    const answersBefore = (await conversation.stored())!.interview!.answers;
    assert.equal(answersBefore['applicant.lastName'], 'Yılmaz');

    const switched = messages(await conversation.say('Türkçe'));
    assert.ok(switched.every((reply) => reply.locale === 'tr'));
    assert.match(textsOf(switched).join('\n'), /Türkçe/);
    assert.deepEqual((await conversation.stored())!.interview!.answers, answersBefore);

    // The next answer still lands in the same interview.
    await conversation.say('14.03.1986');
    const answers = (await conversation.stored())!.interview!.answers;
    assert.equal(answers['applicant.birthDate'], '1986-03-14');
    assert.equal(answers['applicant.lastName'], 'Yılmaz');
    assert.equal(answers['applicant.firstName'], 'Ayşe');

    // The chosen language wins over the browser's in this family's next conversation.
    const next = harness.conversation({
      locale: 'de-DE',
      userId: conversation.adapter.conversation.user!.id,
    });
    assert.deepEqual([...new Set(messages(await next.open()).map((reply) => reply.locale))], ['tr']);
  });

  it("follows the widget's language switcher: the current question again in that language, answers kept", async () => {
    const conversation = await replayThroughBot(harness, twoChildren(), { to: 10 });
    const before = (await conversation.stored())!.interview!;
    const languageEvent = (value: string) =>
      conversation.turn({ type: ActivityTypes.Event, name: languageEventName, value });

    const switched = messages(await languageEvent('en-US'));
    assert.ok(switched.length > 0);
    assert.ok(switched.every((reply) => reply.locale === 'en'));
    assert.match(textsOf(switched).join('\n'), /Where were you born/);
    const after = (await conversation.stored())!.interview!;
    assert.equal(after.locale, 'en');
    assert.deepEqual(after.answers, before.answers);
    assert.deepEqual(after.pointer, before.pointer);

    // The same language again (a reload of the widget) or one the bot does not speak: nothing said.
    assert.deepEqual(messages(await languageEvent('en')), []);
    assert.deepEqual(messages(await languageEvent('fr-FR')), []);
    assert.equal((await conversation.stored())!.interview!.locale, 'en');

    await conversation.say('Gaziantep');
    assert.equal((await conversation.stored())!.interview!.answers['applicant.birthPlace'], 'Gaziantep');
  });
});
