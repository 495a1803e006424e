import { InterviewTexts } from './de';

export const en: InterviewTexts = {
  consentNotice:
    'Welcome! I help you apply for child benefit (Kindergeld).\n' +
    'Privacy: we store your answers to fill in the application. ' +
    'Only your contact person at the family office sees them. We give them to no one else. ' +
    'You can have the data deleted at any time. (Notice version {version})\n' +
    'Do you agree?',
  consentAccept: 'Yes, I agree',
  consentRefuse: 'No',
  consentRefused:
    'That is fine. Without your consent I take no details for an application. ' +
    'You can also get help in person: please contact the family office of your city. ' +
    'If you change your mind, tap "I agree after all".',
  consentAfterAll: 'I agree after all',
  welcome: 'Thank you! Let us start. You can write "help", "back" or "pause" at any time.',
  yes: 'Yes',
  no: 'No',
  skip: 'Skip',
  dontKnow: 'I do not know',
  previousAnswer: 'So far: {value}',
  helpGeneric:
    'Just write your answer. You can also write: "back", "summary", "pause", "cancel", "language" ' +
    'or "human" (then your contact person will get in touch).',
  examples: 'For example: {examples}',
  dateInvalid: 'This day does not exist. Please check the date.',
  dateAmbiguous: 'The date is not clear. Please write it as day.month.year, for example 03.05.2010.',
  dateIncomplete: 'Please write day, month and year, for example 03.05.2010.',
  moneyNegative: 'Please give the amount without a minus sign.',
  choiceAmbiguous: 'This fits several options. Please choose one.',
  offerDontKnow:
    'This is not easy. If you do not know, tap "I do not know". Your contact person will clarify it with you later.',
  guessConfirm: 'Did you mean "{value}"?',
  understood: 'I understood: {value}.',
  cannotSkip: 'We need this answer. If you do not know it, write "I do not know".',
  markedUnknown: 'All right. Your contact person will clarify this with you later.',
  skipped: 'Fine, we leave this question out.',
  typeTheValue: 'Please type the answer itself, not just "yes".',
  backAtStart: 'This is already the first question.',
  anotherItemFirst: 'Is there a child that belongs here?',
  anotherItem: 'Is there another child?',
  itemLabel: 'Child {n}',
  itemLabelNamed: 'Child {n}: {name}',
  proposal: 'I found this in your letter:\n{statement} – is that right?',
  proposalChange:
    'The letter says {label}: {value}. You had entered {previous}.\nWhich is right? Tap the right one. Or write it.',
  keepAnswer: 'Keep it',
  proposalKept: 'Fine, your answer stays as it is.',
  proposalTaken: 'Thank you, I have taken that over.',
  addItem: 'Add {label}',
  removeItem: 'Remove {title}',
  removeConfirm: 'Do you really want to remove "{title}"? All its answers will be deleted.',
  itemRemoved: 'Done, I removed it.',
  cannotRemove: 'I cannot remove that here.',
  summaryIntro: 'Here are your answers. Please check everything. Tap an answer to change it.',
  summaryUnknown: 'I do not know (will be clarified)',
  summarySkipped: 'no answer',
  changeItem: 'Change: {label} {value}',
  changeItemOf: 'Change: {label} {value} ({item})',
  submitQuestion: 'Is everything right? Then I will send the application now.',
  submitButton: 'Yes, send',
  changeButton: 'Change something',
  changeHint:
    'What do you want to change? Tap the answer in the summary or write, for example, "change birth date".',
  changeWhich: 'Which answer do you mean?',
  changeNotFound: 'I did not find this answer. Write "summary" to see all answers.',
  submitted:
    'Thank you! Your application has been sent. Your contact person will check it and get in touch with you.',
  paused: 'Your answers are saved. Just write again and we will continue.',
  resumed: 'Welcome back. Let us continue.',
  cancelConfirm: 'Do you really want to cancel? Then we send nothing.',
  cancelled: 'You have cancelled. Nothing was sent. Write "restart" to begin again.',
  restartConfirm: 'Do you really want to start over? Then your answers are deleted.',
  restarted: 'Fine, we start over.',
  continueNow: 'Fine, let us continue.',
  ended: 'This conversation has ended. Write "restart" to begin again.',
  chooseLanguage: 'Which language would you like?',
  languageChanged: 'We now speak English.',
  humanNoted:
    'I have saved your message for your contact person. The answer will come here, in this chat. Until then we can go on.',
  yesOrNo: 'Please answer yes or no.',
  whichIsRight: 'Please tap one of the two answers. Or write the right one.',
  notUnderstood: 'I did not understand that.',
};
