import { foldForMatching, matchingKeysFor } from './normalize-text';

// Whole answers meaning yes or no, in German (with colloquial forms), English, Turkish, Arabic,
// Ukrainian and Russian, plus the emoji people send from phones. "doch" is the German yes that
// contradicts a negative question. "richtig"/"falsch" answer confirmations of values read from letters.
// prettier-ignore
const YES = ['ja', 'jo', 'jap', 'japp', 'jep', 'jawohl', 'jaja', 'klar', 'na klar', 'genau', 'stimmt', 'richtig',
  'doch', 'ok', 'okay', 'okey', 'oki', 'sicher', 'natürlich', 'y', 'yes', 'yeah', 'yep', 'yup', 'sure', 'of course',
  'evet', 'tamam', 'نعم', 'أجل', 'ايوه', 'так', 'да', 'ага', '👍', '✅', '👌', '✔', '☑', '🆗',
  // confirming a value read from a letter: "Stimmt das?"
  'das stimmt', 'stimmt so', 'richtig so', 'das ist richtig', 'correct', 'right', "that's right", "that's correct",
  'doğru', 'صحيح', 'правильно', 'верно'];
// prettier-ignore
const NO = ['nein', 'nö', 'ne', 'nee', 'nein danke', 'nicht', 'gar nicht', 'kein', 'keine', 'keins', 'no', 'nope', 'nah', 'n',
  'hayır', 'yok', 'لا', 'كلا', 'ні', 'нет', '👎', '❌', '✖', '🚫', '⛔',
  'stimmt nicht', 'das stimmt nicht', 'nicht richtig', 'falsch', 'wrong', 'not correct', 'incorrect', 'yanlış',
  'خطأ', 'неправильно', 'неверно'];

// Courtesy words around the answer change nothing: "ja bitte", "nein danke", "yes please".
const COURTESY = new Set(
  ['bitte', 'danke', 'please', 'thanks', 'lütfen', 'teşekkürler'].map(foldForMatching),
);

const ANSWERS: ReadonlyMap<string, boolean> = new Map([
  ...YES.flatMap((phrase) => matchingKeysFor(phrase).map((key) => [key, true] as const)),
  ...NO.flatMap((phrase) => matchingKeysFor(phrase).map((key) => [key, false] as const)),
]);

/** true for yes, false for no, null when the message is neither (then the question is asked again). */
export function parseYesNo(input: string): boolean | null {
  const words = foldForMatching(input)
    .split(' ')
    .filter((word) => word !== '');
  while (words.length > 1 && COURTESY.has(words[words.length - 1])) {
    words.pop();
  }
  const folded = words.join(' ');
  return ANSWERS.get(folded) ?? ANSWERS.get(withoutRepeatedLetters(folded)) ?? null;
}

// "jaaa", "neee", "yesss", "👍👍" -> one of each.
function withoutRepeatedLetters(text: string): string {
  return [...text].filter((char, index, chars) => index === 0 || char !== chars[index - 1]).join('');
}
