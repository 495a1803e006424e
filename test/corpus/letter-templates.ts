import { deadlineAfterDelivery } from '../../src/documents/analysis/delivery-rule';
import { addDays, weekday } from '../../src/documents/analysis/iso-date.util';
import { groupIban, groupSteuerId, inventIban, inventSteuerId } from './invented-identifiers';
import type { GroundTruth, LetterSpec, Paragraph } from './letter-spec.types';
import type { SeededRandom } from './seeded-random';

// Invented people and places only.
const PEOPLE = [
  { salutation: 'Frau', name: 'Ayşe Yılmaz', child: 'Elif' },
  { salutation: 'Herrn', name: 'Mehmet Yılmaz', child: 'Can' },
  { salutation: 'Frau', name: 'Dragana Petrović', child: 'Mila' },
  { salutation: 'Frau', name: 'Olena Kovalenko', child: 'Sofiia' },
  { salutation: 'Herrn', name: 'Luka Jurić', child: 'Marko' },
  { salutation: 'Herrn', name: 'Emre Şahin', child: 'Defne' },
  { salutation: 'Frau', name: 'Ivana Kovačević', child: 'Nikola' },
  { salutation: 'Frau', name: 'Oksana Bondarenko', child: 'Taras' },
];
const STREETS = [
  'Hafenstraße 12',
  'Altendorfer Straße 3a',
  'Am Lindenhof 7',
  'Kettwiger Weg 41',
  'Rosenweg 2',
  'Bergstraße 118',
];
const PLACES = [
  { postalCode: '45127', city: 'Essen' },
  { postalCode: '44137', city: 'Dortmund' },
  { postalCode: '47051', city: 'Duisburg' },
  { postalCode: '50667', city: 'Köln' },
  { postalCode: '40210', city: 'Düsseldorf' },
];
const MONTH_NAMES = [
  'Januar',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
];

export function germanDate(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

function writtenDate(iso: string): string {
  return `${Number(iso.slice(8, 10))}. ${MONTH_NAMES[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

function euro(value: number): string {
  const [whole, cents] = value.toFixed(2).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${cents} €`;
}

function workday(random: SeededRandom, from: string, spanDays: number): string {
  let day = addDays(from, random.int(0, spanDays));
  while (weekday(day) === 0 || weekday(day) === 6) {
    day = addDays(day, 1);
  }
  return day;
}

interface Person {
  salutation: string;
  name: string;
  child: string;
  street: string;
  postalCode: string;
  city: string;
}

function person(random: SeededRandom): Person {
  return { ...random.pick(PEOPLE), street: random.pick(STREETS), ...random.pick(PLACES) };
}

function recipientLines(who: Person, random: SeededRandom): string[] {
  // DIN 5008 allows the salutation on its own line or before the name.
  const nameLines = random.next() < 0.5 ? [who.salutation, who.name] : [`${who.salutation} ${who.name}`];
  return [...nameLines, who.street, `${who.postalCode} ${who.city}`];
}

function recipientTruth(who: Person): GroundTruth['recipient'] {
  return { name: who.name, street: who.street, postalCode: who.postalCode, city: who.city };
}

function explicitDeadline(random: SeededRandom, iso: string): string {
  return random.pick([
    `bis zum ${germanDate(iso)}`,
    `bis spätestens ${germanDate(iso)}`,
    `spätestens am ${germanDate(iso)}`,
    `bis ${writtenDate(iso)}`,
  ]);
}

function emptyTruth(): GroundTruth {
  return {
    authority: 'other',
    letterType: 'other',
    letterDate: null,
    deadline: null,
    validUntil: null,
    appointment: null,
    references: {
      kindergeldNummer: null,
      bgNummer: null,
      kundennummer: null,
      aktenzeichen: null,
      steuerId: null,
    },
    iban: null,
    amounts: [],
    recipient: null,
    requestedDocuments: [],
  };
}

const CLOSING: Paragraph[] = ['Mit freundlichen Grüßen', 'Ihre Sachbearbeitung'];

type Template = (random: SeededRandom, id: string, form: 'A' | 'B') => LetterSpec;

const familienkasseMitwirkung: Template = (random, id, form) => {
  const who = person(random);
  const letterDate = workday(random, '2026-01-05', 330);
  const due = addDays(letterDate, random.int(14, 28));
  const kindergeldNummer = `${random.int(100, 999)}FK${random.digits(6)}`;
  const steuerId = inventSteuerId(random);
  const dueText = explicitDeadline(random, due);
  return {
    id,
    form,
    letterhead: ['Familienkasse Nordrhein-Westfalen Ost', 'Bundesagentur für Arbeit'],
    returnLine: 'Familienkasse NRW Ost · 45100 Essen',
    recipientLines: recipientLines(who, random),
    info: [
      `Kindergeldnummer: ${kindergeldNummer}`,
      `Steuer-ID: ${groupSteuerId(steuerId)}`,
      `Datum: ${germanDate(letterDate)}`,
    ],
    subject: ['Kindergeld: Bitte um Mitwirkung'],
    paragraphs: [
      `Sehr geehrte Damen und Herren,`,
      `für die Prüfung Ihres Anspruchs auf Kindergeld für ${who.child} fehlen uns noch Unterlagen.`,
      `Bitte senden Sie uns ${dueText} folgende Unterlagen:`,
      {
        bullets: [
          'Schulbescheinigung für das laufende Schuljahr',
          'Anlage Kind (ausgefüllt und unterschrieben)',
          'Nachweis über den Wohnsitz des Kindes',
        ],
      },
      'Wenn Sie nicht mitwirken, können wir das Kindergeld nach § 66 SGB I versagen.',
      ...CLOSING,
    ],
    truth: {
      ...emptyTruth(),
      authority: 'familienkasse',
      letterType: 'mitwirkung',
      letterDate,
      deadline: { date: due, estimated: false, text: dueText },
      references: { kindergeldNummer, bgNummer: null, kundennummer: null, aktenzeichen: null, steuerId },
      recipient: recipientTruth(who),
      requestedDocuments: ['Schulbescheinigung', 'Anlage Kind', 'Nachweis über den Wohnsitz des Kindes'],
    },
  };
};

const jobcenterEinladung: Template = (random, id, form) => {
  const who = person(random);
  const letterDate = workday(random, '2026-01-05', 330);
  const day = workday(random, addDays(letterDate, 7), 14);
  const hour = random.int(8, 15);
  const minute = random.pick([0, 15, 30, 45]);
  const time = `${hour}:${String(minute).padStart(2, '0')}`;
  const bgNummer = `${random.digits(5)}BG${random.digits(7)}`;
  const kundennummer = `${random.int(100, 999)}D${random.digits(6)}`;
  const weekdays = ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'];
  const appointmentText = `am ${weekdays[weekday(day)]}, ${germanDate(day)} um ${time} Uhr`;
  return {
    id,
    form,
    letterhead: ['Jobcenter Essen', 'Standort Mitte'],
    returnLine: 'Jobcenter Essen · Berliner Platz 1 · 45127 Essen',
    recipientLines: recipientLines(who, random),
    info: [`BG-Nummer: ${bgNummer}`, `Kundennummer: ${kundennummer}`],
    dateLine: `Essen, ${germanDate(letterDate)}`,
    subject: ['Einladung zu einem Gespräch'],
    paragraphs: [
      'Guten Tag,',
      `ich lade Sie ein, ${appointmentText} in das Jobcenter Essen, Zimmer 2.14, zu kommen.`,
      'Ich möchte mit Ihnen über Ihre berufliche Situation sprechen.',
      'Bitte bringen Sie folgende Unterlagen mit:',
      { bullets: ['Personalausweis oder Reisepass', 'Lebenslauf'] },
      'Wenn Sie ohne wichtigen Grund nicht kommen, kann Ihr Bürgergeld gemindert werden.',
      ...CLOSING,
    ],
    truth: {
      ...emptyTruth(),
      authority: 'jobcenter',
      letterType: 'einladung',
      letterDate,
      appointment: `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
      deadline: { date: day, estimated: false, text: appointmentText },
      references: { kindergeldNummer: null, bgNummer, kundennummer, aktenzeichen: null, steuerId: null },
      recipient: recipientTruth(who),
      requestedDocuments: ['Ausweis', 'Lebenslauf'],
    },
  };
};

const wohngeldAblehnung: Template = (random, id, form) => {
  const who = person(random);
  const letterDate = workday(random, '2026-01-05', 330);
  const aktenzeichen = `WG-2026-${random.digits(6)}`;
  const income = random.int(2100, 3400) + random.pick([0, 0.5, 0.25]);
  const limit = random.int(1500, 2000);
  const period = 'innerhalb eines Monats nach Bekanntgabe';
  return {
    id,
    form,
    letterhead: ['Stadt Duisburg', 'Amt für Soziales und Wohnen – Wohngeldstelle'],
    returnLine: 'Stadt Duisburg · Wohngeldstelle · 47049 Duisburg',
    recipientLines: recipientLines(who, random),
    info: [`Aktenzeichen: ${aktenzeichen}`, `Datum: ${germanDate(letterDate)}`],
    subject: ['Ablehnung Ihres Antrags auf Wohngeld'],
    paragraphs: [
      'Sehr geehrte Damen und Herren,',
      `Ihren Antrag auf Wohngeld lehnen wir ab. Ihr monatliches Gesamteinkommen von ${euro(income)} übersteigt die Höchstgrenze von ${euro(limit)}.`,
      'Rechtsbehelfsbelehrung',
      `Gegen diesen Bescheid können Sie ${period} Widerspruch erheben. Der Widerspruch ist schriftlich bei der Stadt Duisburg einzulegen.`,
      ...CLOSING,
    ],
    truth: {
      ...emptyTruth(),
      authority: 'wohngeldstelle',
      letterType: 'ablehnung',
      letterDate,
      deadline: {
        date: deadlineAfterDelivery(letterDate, { count: 1, unit: 'month' }, 'sgb-x'),
        estimated: true,
        text: period,
      },
      references: {
        kindergeldNummer: null,
        bgNummer: null,
        kundennummer: null,
        aktenzeichen,
        steuerId: null,
      },
      amounts: [income, limit],
      recipient: recipientTruth(who),
    },
  };
};

const familienkasseRueckforderung: Template = (random, id, form) => {
  const who = person(random);
  const letterDate = workday(random, '2026-01-05', 330);
  const due = addDays(letterDate, 30);
  const months = random.int(2, 6);
  const monthly = 259;
  const total = monthly * months;
  const kindergeldNummer = `${random.int(100, 999)}FK${random.digits(6)}`;
  const iban = inventIban(random);
  const dueText = `bis zum ${germanDate(due)}`;
  return {
    id,
    form,
    letterhead: ['Familienkasse Nordrhein-Westfalen West', 'Bundesagentur für Arbeit'],
    returnLine: 'Familienkasse NRW West · 47001 Duisburg',
    recipientLines: recipientLines(who, random),
    info: [`Kindergeldnummer: ${kindergeldNummer}`, `Datum: ${germanDate(letterDate)}`],
    subject: ['Aufhebung der Festsetzung und Rückforderung von Kindergeld'],
    paragraphs: [
      'Sehr geehrte Damen und Herren,',
      `für ${who.child} haben Sie ${months} Monate lang Kindergeld von monatlich ${euro(monthly)} erhalten, obwohl kein Anspruch bestand.`,
      `Die Überzahlung beträgt insgesamt ${euro(total)}. Bitte überweisen Sie den Betrag ${dueText} auf das folgende Konto:`,
      `IBAN: ${groupIban(iban)}`,
      `Geben Sie als Verwendungszweck bitte Ihre Kindergeldnummer an.`,
      ...CLOSING,
    ],
    truth: {
      ...emptyTruth(),
      authority: 'familienkasse',
      letterType: 'rueckforderung',
      letterDate,
      deadline: { date: due, estimated: false, text: dueText },
      references: {
        kindergeldNummer,
        bgNummer: null,
        kundennummer: null,
        aktenzeichen: null,
        steuerId: null,
      },
      iban,
      amounts: [monthly, total],
      recipient: recipientTruth(who),
    },
  };
};

const unterhaltsvorschussBewilligung: Template = (random, id, form) => {
  const who = person(random);
  const letterDate = workday(random, '2026-01-05', 330);
  const aktenzeichen = `51-UV-${random.digits(5)}`;
  const from = `${letterDate.slice(0, 7)}-01`;
  const until = addDays(`${Number(letterDate.slice(0, 4)) + 1}${from.slice(4)}`, -1);
  const amount = random.pick([227, 299, 338]);
  const period = 'innerhalb eines Monats nach Bekanntgabe';
  return {
    id,
    form,
    letterhead: ['Stadt Köln', 'Jugendamt – Unterhaltsvorschusskasse'],
    returnLine: 'Stadt Köln · Unterhaltsvorschusskasse · 50605 Köln',
    recipientLines: recipientLines(who, random),
    info: [`Aktenzeichen: ${aktenzeichen}`],
    dateLine: `Köln, ${germanDate(letterDate)}`,
    subject: ['Bewilligung von Unterhaltsvorschuss'],
    paragraphs: [
      'Sehr geehrte Damen und Herren,',
      `für Ihr Kind ${who.child} bewilligen wir Unterhaltsvorschuss nach dem Unterhaltsvorschussgesetz.`,
      `Bewilligungszeitraum: ${germanDate(from)} bis ${germanDate(until)}`,
      `Der monatliche Betrag ist ${euro(amount)}.`,
      `Sie müssen uns jede Änderung sofort mitteilen. Gegen diesen Bescheid können Sie ${period} Widerspruch erheben.`,
      ...CLOSING,
    ],
    truth: {
      ...emptyTruth(),
      authority: 'unterhaltsvorschusskasse',
      letterType: 'bewilligung',
      letterDate,
      validUntil: until,
      deadline: {
        date: deadlineAfterDelivery(letterDate, { count: 1, unit: 'month' }, 'sgb-x'),
        estimated: true,
        text: period,
      },
      references: {
        kindergeldNummer: null,
        bgNummer: null,
        kundennummer: null,
        aktenzeichen,
        steuerId: null,
      },
      amounts: [amount],
      recipient: recipientTruth(who),
    },
  };
};

const jobcenterMitwirkung: Template = (random, id, form) => {
  const who = person(random);
  const letterDate = workday(random, '2026-01-05', 330);
  const bgNummer = `${random.digits(5)}BG${random.digits(7)}`;
  const period = 'innerhalb von zwei Wochen nach Zugang dieses Schreibens';
  return {
    id,
    form,
    letterhead: ['Jobcenter Dortmund', 'Team Leistung 412'],
    returnLine: 'Jobcenter Dortmund · Steinstraße 39 · 44147 Dortmund',
    recipientLines: recipientLines(who, random),
    info: [`BG-Nummer: ${bgNummer}`, `Datum: ${germanDate(letterDate)}`],
    subject: ['Aufforderung zur Mitwirkung – fehlende Unterlagen'],
    paragraphs: [
      'Sehr geehrte Damen und Herren,',
      `um über Ihren Antrag auf Bürgergeld zu entscheiden, benötigen wir noch Unterlagen. Bitte reichen Sie ${period} folgende Unterlagen ein:`,
      { bullets: ['Kontoauszüge der letzten drei Monate', 'Mietvertrag', 'Lohnabrechnungen ab Januar'] },
      'Ohne diese Unterlagen können wir die Leistung nach § 66 SGB I versagen.',
      ...CLOSING,
    ],
    truth: {
      ...emptyTruth(),
      authority: 'jobcenter',
      letterType: 'mitwirkung',
      letterDate,
      deadline: {
        date: deadlineAfterDelivery(letterDate, { count: 2, unit: 'week' }, 'sgb-x'),
        estimated: true,
        text: period,
      },
      references: {
        kindergeldNummer: null,
        bgNummer,
        kundennummer: null,
        aktenzeichen: null,
        steuerId: null,
      },
      recipient: recipientTruth(who),
      requestedDocuments: ['Kontoauszüge', 'Mietvertrag', 'Einkommensnachweise'],
    },
  };
};

const elterngeldAnhoerung: Template = (random, id, form) => {
  const who = person(random);
  const letterDate = workday(random, '2026-01-05', 330);
  const due = addDays(letterDate, 21);
  const aktenzeichen = `EG ${random.digits(4)}/${letterDate.slice(2, 4)}`;
  const amount = random.int(300, 1800) + 0.4;
  const dueText = `bis zum ${germanDate(due)}`;
  return {
    id,
    form,
    letterhead: ['Stadt Düsseldorf', 'Elterngeldstelle'],
    returnLine: 'Stadt Düsseldorf · Elterngeldstelle · 40200 Düsseldorf',
    recipientLines: recipientLines(who, random),
    info: [`Aktenzeichen: ${aktenzeichen}`, `Datum: ${germanDate(letterDate)}`],
    subject: ['Anhörung zur Erstattung von Elterngeld'],
    paragraphs: [
      'Sehr geehrte Damen und Herren,',
      `wir beabsichtigen, Elterngeld in Höhe von ${euro(amount)} zurückzufordern, weil Ihr Einkommen höher war als angegeben.`,
      `Bevor wir entscheiden, haben Sie Gelegenheit zur Stellungnahme (§ 24 SGB X). Bitte äußern Sie sich ${dueText}.`,
      ...CLOSING,
    ],
    truth: {
      ...emptyTruth(),
      authority: 'elterngeldstelle',
      letterType: 'anhoerung',
      letterDate,
      deadline: { date: due, estimated: false, text: dueText },
      references: {
        kindergeldNummer: null,
        bgNummer: null,
        kundennummer: null,
        aktenzeichen,
        steuerId: null,
      },
      amounts: [amount],
      recipient: recipientTruth(who),
    },
  };
};

const jobcenterWeiterbewilligung: Template = (random, id, form) => {
  const who = person(random);
  const letterDate = workday(random, '2026-01-05', 300);
  const ends = addDays(`${addDays(letterDate, 45).slice(0, 7)}-01`, -1);
  const due = addDays(ends, -14);
  const bgNummer = `${random.digits(5)}BG${random.digits(7)}`;
  const dueText = `bis zum ${germanDate(due)}`;
  return {
    id,
    form,
    letterhead: ['Jobcenter Köln', 'Geschäftsstelle Kalk'],
    returnLine: 'Jobcenter Köln · Postfach 10 11 11 · 50451 Köln',
    recipientLines: recipientLines(who, random),
    info: [`BG-Nummer: ${bgNummer}`, `Datum: ${germanDate(letterDate)}`],
    subject: ['Ihr Weiterbewilligungsantrag für das Bürgergeld'],
    paragraphs: [
      'Sehr geehrte Damen und Herren,',
      `Ihr Bewilligungszeitraum endet am ${germanDate(ends)}. Wenn Sie weiter Bürgergeld brauchen, stellen Sie bitte einen Weiterbewilligungsantrag.`,
      `Bitte senden Sie uns den Antrag ${dueText} zurück. Legen Sie bitte folgende Unterlagen bei:`,
      { bullets: ['Kontoauszüge der letzten drei Monate', 'Einkommensnachweise'] },
      ...CLOSING,
    ],
    truth: {
      ...emptyTruth(),
      authority: 'jobcenter',
      letterType: 'weiterbewilligung',
      letterDate,
      validUntil: ends,
      deadline: { date: due, estimated: false, text: dueText },
      references: {
        kindergeldNummer: null,
        bgNummer,
        kundennummer: null,
        aktenzeichen: null,
        steuerId: null,
      },
      recipient: recipientTruth(who),
      requestedDocuments: ['Kontoauszüge', 'Einkommensnachweise'],
    },
  };
};

const familienkasseBewilligung: Template = (random, id, form) => {
  const who = person(random);
  const letterDate = workday(random, '2026-01-05', 330);
  const kindergeldNummer = `${random.int(100, 999)}FK${random.digits(6)}`;
  const period = 'innerhalb eines Monats nach Bekanntgabe';
  return {
    id,
    form,
    letterhead: ['Familienkasse Nordrhein-Westfalen Ost', 'Bundesagentur für Arbeit'],
    returnLine: 'Familienkasse NRW Ost · 45100 Essen',
    recipientLines: recipientLines(who, random),
    info: [`Kindergeldnummer: ${kindergeldNummer}`, `Datum: ${germanDate(letterDate)}`],
    subject: ['Bescheid über die Festsetzung von Kindergeld'],
    paragraphs: [
      'Sehr geehrte Damen und Herren,',
      `für Ihr Kind ${who.child} wird Kindergeld festgesetzt. Es beträgt monatlich ${euro(259)}.`,
      'Das Kindergeld wird auf Ihr Konto überwiesen.',
      `Gegen diesen Bescheid können Sie ${period} Einspruch einlegen.`,
      ...CLOSING,
    ],
    truth: {
      ...emptyTruth(),
      authority: 'familienkasse',
      letterType: 'bewilligung',
      letterDate,
      deadline: {
        date: deadlineAfterDelivery(letterDate, { count: 1, unit: 'month' }, 'ao'),
        estimated: true,
        text: period,
      },
      references: {
        kindergeldNummer,
        bgNummer: null,
        kundennummer: null,
        aktenzeichen: null,
        steuerId: null,
      },
      amounts: [259],
      recipient: recipientTruth(who),
    },
  };
};

export const TEMPLATES: Record<string, Template> = {
  'familienkasse-mitwirkung': familienkasseMitwirkung,
  'jobcenter-einladung': jobcenterEinladung,
  'wohngeld-ablehnung': wohngeldAblehnung,
  'familienkasse-rueckforderung': familienkasseRueckforderung,
  'uvk-bewilligung': unterhaltsvorschussBewilligung,
  'jobcenter-mitwirkung': jobcenterMitwirkung,
  'elterngeld-anhoerung': elterngeldAnhoerung,
  'jobcenter-weiterbewilligung': jobcenterWeiterbewilligung,
  'familienkasse-bewilligung': familienkasseBewilligung,
};

/**
 * Letters for the corpus: `perTemplate` of each template, alternating DIN 5008 forms A and B over
 * templates and within each template, so that even one letter per template covers both forms.
 */
export function buildLetterSpecs(random: SeededRandom, perTemplate: number): LetterSpec[] {
  const specs: LetterSpec[] = [];
  for (const [templateIndex, [name, template]] of Object.entries(TEMPLATES).entries()) {
    for (let index = 0; index < perTemplate; index++) {
      const form = (templateIndex + index) % 2 === 0 ? 'A' : 'B';
      specs.push(template(random, `${name}-${index + 1}-${form}`, form));
    }
  }
  return specs;
}
