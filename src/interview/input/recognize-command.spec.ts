import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RecognizedCommand, recognizeCommand } from './recognize-command';

describe('recognizeCommand', () => {
  const cases: [string, RecognizedCommand][] = [
    // help
    ['?', { command: 'help' }],
    ['??', { command: 'help' }],
    ['؟', { command: 'help' }],
    ['Hilfe', { command: 'help' }],
    ['hilfe!', { command: 'help' }],
    ['Hilfe bitte', { command: 'help' }],
    ['Was ist das?', { command: 'help' }],
    ['was bedeutet das', { command: 'help' }],
    ['Ich verstehe nicht', { command: 'help' }],
    ['help', { command: 'help' }],
    ['What is this?', { command: 'help' }],
    ['help please', { command: 'help' }],
    ['yardım', { command: 'help' }],
    ['Yardim', { command: 'help' }],
    ['مساعدة', { command: 'help' }],
    ['допомога', { command: 'help' }],
    ['Помощь', { command: 'help' }],
    // back
    ['zurück', { command: 'back' }],
    ['Zurueck', { command: 'back' }],
    ['zuruck', { command: 'back' }],
    ['bitte zurück', { command: 'back' }],
    ['back', { command: 'back' }],
    ['geri', { command: 'back' }],
    ['رجوع', { command: 'back' }],
    ['назад', { command: 'back' }],
    // skip and don't know
    ['überspringen', { command: 'skip' }],
    ['skip', { command: 'skip' }],
    ['weiß nicht', { command: 'dont-know' }],
    ['weiss nicht', { command: 'dont-know' }],
    ['Ich weiß es nicht.', { command: 'dont-know' }],
    ['keine Ahnung', { command: 'dont-know' }],
    ["don't know", { command: 'dont-know' }],
    ['I don’t know', { command: 'dont-know' }],
    ['bilmiyorum', { command: 'dont-know' }],
    ['لا أعرف', { command: 'dont-know' }],
    ['не знаю', { command: 'dont-know' }],
    // pause and cancel
    ['Pause', { command: 'pause' }],
    ['später weiter', { command: 'pause' }],
    ['später', { command: 'pause' }],
    ['spaeter', { command: 'pause' }],
    ['later', { command: 'pause' }],
    ['abbrechen', { command: 'cancel' }],
    ['Stopp!', { command: 'cancel' }],
    ['cancel', { command: 'cancel' }],
    ['iptal', { command: 'cancel' }],
    ['İptal', { command: 'cancel' }],
    ['إلغاء', { command: 'cancel' }],
    ['скасувати', { command: 'cancel' }],
    ['Отмена', { command: 'cancel' }],
    // a person
    ['Mensch', { command: 'human' }],
    ['mit einem Menschen sprechen', { command: 'human' }],
    ['Ich möchte mit einem Menschen sprechen', { command: 'human' }],
    ['Kümmerer', { command: 'human' }],
    ['human', { command: 'human' }],
    ['agent', { command: 'human' }],
    ['insan', { command: 'human' }],
    ['إنسان', { command: 'human' }],
    ['людина', { command: 'human' }],
    ['человек', { command: 'human' }],
    // change, with what to change
    ['ändern', { command: 'change' }],
    ['change', { command: 'change' }],
    ['korrigieren', { command: 'change' }],
    ['ändern Geburtsdatum', { command: 'change', argument: 'Geburtsdatum' }],
    ['ändern: Geburtsdatum', { command: 'change', argument: 'Geburtsdatum' }],
    ['Geburtsdatum ändern', { command: 'change', argument: 'Geburtsdatum' }],
    ['Ich möchte mein Geburtsdatum ändern', { command: 'change', argument: 'Geburtsdatum' }],
    ['change the IBAN', { command: 'change', argument: 'IBAN' }],
    ['korrigieren Name von Elif', { command: 'change', argument: 'Name von Elif' }],
    ['Yılmaz değiştir', { command: 'change', argument: 'Yılmaz' }], // argument keeps the dotless ı
    // language, with the target locale when named
    ['deutsch', { command: 'language', argument: 'de' }],
    ['Deutsch bitte', { command: 'language', argument: 'de' }],
    ['auf Deutsch', { command: 'language', argument: 'de' }],
    ['English', { command: 'language', argument: 'en' }],
    ['in English please', { command: 'language', argument: 'en' }],
    ['Türkçe', { command: 'language', argument: 'tr' }],
    ['turkce', { command: 'language', argument: 'tr' }],
    ['TÜRKÇE', { command: 'language', argument: 'tr' }],
    ['العربية', { command: 'language', argument: 'ar' }],
    ['українська', { command: 'language', argument: 'uk' }],
    ['русский', { command: 'language', argument: 'ru' }],
    ['Sprache', { command: 'language' }],
    ['language', { command: 'language' }],
    ['Sprache: Türkçe', { command: 'language', argument: 'tr' }],
    ['language english', { command: 'language', argument: 'en' }],
    // summary and restart
    ['Übersicht', { command: 'summary' }],
    ['Zusammenfassung', { command: 'summary' }],
    ['summary', { command: 'summary' }],
    ['restart', { command: 'restart' }],
    ['von vorne', { command: 'restart' }],
    ['neu starten', { command: 'restart' }],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} -> ${JSON.stringify(expected)}`, () =>
      assert.deepEqual(recognizeCommand(input), expected));
  }

  // Whole messages only: answers that contain or resemble a command word are answers.
  const notCommands = [
    'Hilde',
    'Ne',
    'nein',
    'ja',
    'Hilfeleistung',
    'Ich brauche Hilfe beim Ausfüllen der Anlage',
    'zurückgezogen',
    'Mensch Meier',
    'Elif',
    'Ayşe Yılmaz',
    '3.5.2010',
    '',
    '   ',
    '!',
    'bitte',
    'Deutschland',
    'später als Mai',
    'Backnang',
    'Name ändern Elif',
    'Änderung',
    "That's correct",
    'Mensch, das ist schwer',
  ];
  for (const input of notCommands) {
    it(`${JSON.stringify(input)} is no command`, () => assert.equal(recognizeCommand(input), null));
  }

  it('ignores commands the engine switches off for the current question', () => {
    assert.equal(recognizeCommand('deutsch', { ignore: ['language'] }), null);
    assert.deepEqual(recognizeCommand('Hilfe', { ignore: ['language'] }), { command: 'help' });
  });
});
