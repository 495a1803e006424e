// Personal data must never reach the logs. Log calls should not pass it in the first place;
// this is the safety net for what slips through (error messages that quote input, request bodies).

const patterns: Array<[RegExp, string]> = [
  // IBAN, with or without spaces (DE89 3704 0044 0532 0130 00)
  [/\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b/g, '[IBAN]'],
  // Kindergeldnummer 215FK381902, BG-Nummer 12345BG1234567
  [/\b\d{3}FK\d{6}\b/gi, '[KINDERGELDNUMMER]'],
  [/\b\d{5}BG\d{7}\b/gi, '[BG-NUMMER]'],
  // e-mail addresses
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '[EMAIL]'],
  // Steuer-ID and other long digit runs (11 digits, possibly grouped) before phone numbers
  [/\b\d{2}[ ]?\d{3}[ ]?\d{3}[ ]?\d{3}\b/g, '[NUMBER]'],
  // phone numbers: +49 201 1234567, 0201/1234567
  [/(?:\+\d{1,3}[ ]?(?:\(0\))?[ ]?|\b0)\d{2,5}[ /-]?\d{3,}(?:[ -]\d+)*/g, '[PHONE]'],
  // dates such as birth dates: 03.05.2010 or 2010-05-03
  [/\b\d{1,2}\.\d{1,2}\.\d{2,4}\b/g, '[DATE]'],
  [/\b\d{4}-\d{2}-\d{2}\b/g, '[DATE]'],
];

/** Keys whose values are personal data or secrets, wherever they appear in a logged object. */
const sensitiveKeys =
  /^(name|firstName|lastName|vorname|nachname|birthDate|geburtsdatum|address|anschrift|street|iban|taxId|steuerId|email|phone|telefon|password|token|secret|authorization|cookie|answers?|value|text)$/i;

// Ids (case ids in paths, error numbers) are technical, never personal data; left alone so that
// support finds an error number and a case id as shown ("0123-4567" inside one looks like a phone number).
const uuid = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

export function redactText(text: string): string {
  const ids = text.match(uuid) ?? [];
  return text
    .split(uuid)
    .map((part) =>
      patterns.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), part),
    )
    .reduce((result, part, index) => result + (index > 0 ? ids[index - 1] : '') + part, '');
}

export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    return redactText(value);
  }
  if (depth > 5 || value === null || typeof value !== 'object') {
    return value;
  }
  if (value instanceof Error) {
    return {
      name: value.name,
      message: redactText(value.message),
      stack: value.stack && redactText(value.stack),
    };
  }
  if (Array.isArray(value)) {
    return value.map((item) => redact(item, depth + 1));
  }
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, item]) => [
      key,
      sensitiveKeys.test(key) ? '[REDACTED]' : redact(item, depth + 1),
    ]),
  );
}
