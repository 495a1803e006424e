// Input understanding for the interview engine: what people type -> canonical answer values and commands.
export { parseDate, DateParseFailure, DateParseOptions, DateParseResult } from './parse-date';
export { parseYesNo } from './parse-yes-no';
export { parseChoice, ChoiceMatch, ChoiceOptionInput, ChoiceParseResult } from './parse-choice';
export { parseNumber, NumberParseResult } from './parse-number';
export { parseMoney, MoneyParseFailure, MoneyParseResult } from './parse-money';
export {
  normalizeCode,
  normalizeEmail,
  normalizeIban,
  normalizeIdentifier,
  normalizeKindergeldNumber,
  normalizePhone,
  normalizePostalCode,
  normalizeTaxId,
  IdentifierKind,
} from './normalize-identifier';
export {
  recognizeCommand,
  CommandName,
  RecognizedCommand,
  RecognizeCommandOptions,
} from './recognize-command';
export { foldForMatching, lowerCaseText, removeDiacritics, tidyText, toAsciiDigits } from './normalize-text';
