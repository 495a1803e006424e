import { countPhrase, tokenize } from './keyword-match.util';

/** Canonical names of documents authorities ask for, with the phrases that mean them. */
export const DOCUMENT_NAMES: ReadonlyArray<{ name: string; phrases: readonly string[] }> = [
  {
    name: 'Schulbescheinigung',
    phrases: ['schulbescheinigung', 'schulbesuchsbescheinigung', 'bescheinigung der schule'],
  },
  { name: 'Anlage Kind', phrases: ['anlage kind'] },
  { name: 'Kontoauszüge', phrases: ['kontoauszuge', 'kontoauszug'] },
  { name: 'Mietvertrag', phrases: ['mietvertrag', 'mietvertrages'] },
  {
    name: 'Einkommensnachweise',
    phrases: [
      'einkommensnachweise',
      'einkommensnachweis',
      'gehaltsabrechnungen',
      'gehaltsabrechnung',
      'lohnabrechnungen',
      'lohnabrechnung',
      'verdienstbescheinigung',
      'entgeltabrechnungen',
    ],
  },
  { name: 'Geburtsurkunde', phrases: ['geburtsurkunde', 'geburtsurkunden'] },
  {
    name: 'Ausbildungsnachweis',
    phrases: ['ausbildungsvertrag', 'ausbildungsbescheinigung', 'ausbildungsnachweis'],
  },
  {
    name: 'Immatrikulationsbescheinigung',
    phrases: ['immatrikulationsbescheinigung', 'studienbescheinigung'],
  },
  { name: 'Aufenthaltstitel', phrases: ['aufenthaltstitel', 'aufenthaltserlaubnis'] },
  { name: 'Ausweis', phrases: ['personalausweis', 'reisepass'] },
  { name: 'Meldebescheinigung', phrases: ['meldebescheinigung'] },
  { name: 'Nebenkostenabrechnung', phrases: ['nebenkostenabrechnung', 'betriebskostenabrechnung'] },
];

/** The canonical document name a phrase refers to, or null when it names none of them. */
export function canonicalDocumentName(text: string): string | null {
  const tokens = tokenize(text);
  for (const entry of DOCUMENT_NAMES) {
    if (entry.phrases.some((phrase) => countPhrase(tokens, phrase) > 0)) {
      return entry.name;
    }
  }
  return null;
}
