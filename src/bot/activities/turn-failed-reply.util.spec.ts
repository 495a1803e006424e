import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { turnFailedReply } from './turn-failed-reply.util';

describe('turnFailedReply', () => {
  it('answers in German when the activity is German or names no language', () => {
    for (const locale of ['de-DE', 'de', undefined, '']) {
      const reply = turnFailedReply(locale);
      assert.match(reply, /^Entschuldigung, da ist etwas schiefgegangen\./);
      assert.match(reply, /Ihre Antworten bis hierher sind gespeichert/);
      assert.doesNotMatch(reply, /\n/, 'German once, not twice');
    }
  });

  it("answers in the activity's language first, with German below for a helper", () => {
    const turkish = turnFailedReply('tr-TR');
    assert.match(turkish, /^Üzgünüz, bir sorun oluştu\./);
    assert.match(turkish, /\n\nEntschuldigung, da ist etwas schiefgegangen\./);
    assert.match(turnFailedReply('ar'), /^عذرًا/);
    assert.match(turnFailedReply('uk-UA'), /^Вибачте/);
    assert.match(turnFailedReply('ru'), /^Извините/);
    assert.match(turnFailedReply('en-GB'), /^Sorry, something went wrong\./);
  });

  it('falls back to German for a language the bot does not speak', () => {
    assert.match(turnFailedReply('fr-FR'), /^Entschuldigung/);
  });
});
