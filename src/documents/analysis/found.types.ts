/** A value an extractor found, with the character range in LetterText.text it was read from. */
export interface Found<T> {
  value: T;
  start: number;
  end: number;
}
