// Bot-owned texts in plain German: short sentences, "Sie", no office words where a simple one exists.
// Placeholders in braces ({n}) must be the same in every language (texts.spec.ts checks this).
export const de = {
  consentNotice:
    'Willkommen! Ich helfe Ihnen beim Antrag auf Kindergeld.\n' +
    'Datenschutz: Wir speichern Ihre Antworten, um den Antrag auszufüllen. ' +
    'Nur Ihre Ansprechperson im Familienbüro sieht sie. Wir geben sie an niemanden sonst weiter. ' +
    'Sie können die Daten jederzeit löschen lassen. (Hinweis Version {version})\n' +
    'Sind Sie einverstanden?',
  consentAccept: 'Ja, einverstanden',
  consentRefuse: 'Nein',
  consentRefused:
    'Das ist in Ordnung. Ohne Ihr Einverständnis nehme ich keine Angaben für einen Antrag auf. ' +
    'Sie können auch persönlich Hilfe bekommen: Bitte wenden Sie sich an das Familienbüro Ihrer Stadt. ' +
    'Wenn Sie es sich anders überlegen, tippen Sie auf „Doch einverstanden“.',
  consentAfterAll: 'Doch einverstanden',
  welcome: 'Danke! Wir fangen an. Sie können jederzeit „Hilfe“, „zurück“ oder „Pause“ schreiben.',
  yes: 'Ja',
  no: 'Nein',
  skip: 'Überspringen',
  dontKnow: 'Ich weiß es nicht',
  previousAnswer: 'Bisher: {value}',
  helpGeneric:
    'Schreiben Sie einfach Ihre Antwort. Sie können auch schreiben: „zurück“, „Übersicht“, „Pause“, „abbrechen“, ' +
    '„Sprache“ oder „Mensch“ (dann meldet sich Ihre Ansprechperson).',
  examples: 'Zum Beispiel: {examples}',
  dateInvalid: 'Diesen Tag gibt es nicht. Bitte prüfen Sie das Datum.',
  dateAmbiguous:
    'Das Datum ist nicht eindeutig. Bitte schreiben Sie es so: Tag.Monat.Jahr, zum Beispiel 03.05.2010.',
  dateIncomplete: 'Bitte schreiben Sie Tag, Monat und Jahr, zum Beispiel 03.05.2010.',
  moneyNegative: 'Bitte geben Sie den Betrag ohne Minus an.',
  choiceAmbiguous: 'Das passt zu mehreren Möglichkeiten. Bitte wählen Sie eine.',
  offerDontKnow:
    'Das ist nicht einfach. Wenn Sie es nicht wissen, tippen Sie auf „Ich weiß es nicht“. Ihre Ansprechperson klärt das dann später mit Ihnen.',
  guessConfirm: 'Meinten Sie »{value}«?',
  understood: 'Ich habe verstanden: {value}.',
  cannotSkip: 'Diese Angabe brauchen wir. Wenn Sie sie nicht wissen, schreiben Sie „Ich weiß es nicht“.',
  markedUnknown: 'In Ordnung. Ihre Ansprechperson klärt das später mit Ihnen.',
  skipped: 'Gut, wir lassen die Frage aus.',
  typeTheValue: 'Bitte schreiben Sie die Angabe selbst, nicht nur „ja“.',
  backAtStart: 'Das ist schon die erste Frage.',
  anotherItemFirst: 'Gibt es ein Kind, das hierher gehört?',
  anotherItem: 'Gibt es noch ein weiteres Kind?',
  itemLabel: 'Kind {n}',
  itemLabelNamed: 'Kind {n}: {name}',
  proposal: 'In Ihrem Brief habe ich gefunden:\n{statement} – stimmt das?',
  proposalChange:
    'Im Brief steht als {label} {value}. Sie hatten {previous} angegeben.\nWas stimmt? Tippen Sie auf die richtige Angabe. Oder schreiben Sie sie.',
  keepAnswer: 'Beibehalten',
  proposalKept: 'Gut, Ihre Angabe bleibt so.',
  proposalTaken: 'Danke, ich habe das übernommen.',
  addItem: '{label} hinzufügen',
  removeItem: '{title} entfernen',
  removeConfirm: 'Möchten Sie »{title}« wirklich entfernen? Alle Angaben dazu werden gelöscht.',
  itemRemoved: 'Gut, ich habe es entfernt.',
  cannotRemove: 'Das kann ich hier nicht entfernen.',
  summaryIntro:
    'Hier sind Ihre Angaben. Bitte prüfen Sie alles. Tippen Sie auf eine Angabe, um sie zu ändern.',
  summaryUnknown: 'weiß ich nicht (wird geklärt)',
  summarySkipped: 'keine Angabe',
  changeItem: 'Ändern: {label} {value}',
  changeItemOf: 'Ändern: {label} {value} ({item})',
  submitQuestion: 'Stimmt alles? Dann schicke ich den Antrag jetzt ab.',
  submitButton: 'Ja, abschicken',
  changeButton: 'Etwas ändern',
  changeHint:
    'Was möchten Sie ändern? Tippen Sie in der Übersicht auf die Angabe oder schreiben Sie zum Beispiel „Geburtsdatum ändern“.',
  changeWhich: 'Welche Angabe meinen Sie?',
  changeNotFound:
    'Ich habe diese Angabe nicht gefunden. Schreiben Sie „Übersicht“, dann sehen Sie alle Angaben.',
  submitted: 'Danke! Ihr Antrag ist abgeschickt. Ihre Ansprechperson prüft ihn und meldet sich bei Ihnen.',
  paused: 'Ihre Antworten sind gespeichert. Schreiben Sie einfach wieder, dann machen wir weiter.',
  resumed: 'Willkommen zurück. Wir machen weiter.',
  cancelConfirm: 'Möchten Sie wirklich abbrechen? Dann schicken wir nichts ab.',
  cancelled:
    'Sie haben abgebrochen. Es wurde nichts abgeschickt. Schreiben Sie „neu starten“, um neu zu beginnen.',
  restartConfirm: 'Möchten Sie wirklich von vorne beginnen? Dann werden Ihre Antworten gelöscht.',
  restarted: 'Gut, wir beginnen von vorne.',
  continueNow: 'Gut, wir machen weiter.',
  ended: 'Dieses Gespräch ist beendet. Schreiben Sie „neu starten“, um neu zu beginnen.',
  chooseLanguage: 'Welche Sprache möchten Sie?',
  languageChanged: 'Wir sprechen jetzt Deutsch.',
  humanNoted:
    'Ich habe Ihre Nachricht für Ihre Ansprechperson gespeichert. Die Antwort kommt hier in diesen Chat. Bis dahin können wir weitermachen.',
  yesOrNo: 'Bitte antworten Sie mit Ja oder Nein.',
  whichIsRight: 'Bitte tippen Sie auf eine der beiden Angaben. Oder schreiben Sie die richtige Angabe.',
  notUnderstood: 'Das habe ich nicht verstanden.',
};

export type TextKey = keyof typeof de;
export type InterviewTexts = Record<TextKey, string>;
