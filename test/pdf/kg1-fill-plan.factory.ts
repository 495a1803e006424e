import type { FieldFill, FillPlan } from '../../src/pdf/fill-plan';

// A hand-written FillPlan for the genuine KG 1 (09/2025), as the forms side would produce it for an
// invented family: Ayşe Yılmaz applies for six children, her husband is Mehmet Yılmaz.
// Used by the PDF filler tests and the fill benchmark.

const page1 = 'topmostSubform[0].Seite1[0]';
const page2 = 'topmostSubform[0].Page2[0]';

export const kg1Fields = {
  phone: `${page1}.#area[0].Kopfzeile[0].#area[3].Telefon[0]`,
  attachments: `${page1}.#area[0].Überschrift[0].Anzahl-Anlagen[0]`,
  taxId: [1, 2, 3, 4].map((part) => `${page1}.Punkt-1[0].Steuer-ID[0].Steuer-ID-${part}[0]`),
  lastName: `${page1}.Punkt-1[0].Pkt-1-Zeile-1[0].Name-Antragsteller[0]`,
  firstName: `${page1}.Punkt-1[0].Pkt-1-Zeile-2[0].Vorname-Antragsteller[0]`,
  birthName: `${page1}.Punkt-1[0].Pkt-1-Zeile-2[0].Geburtsname-Antragsteller[0]`,
  birthDate: `${page1}.Punkt-1[0].Pkt-1-Zeile-3[0].Geburtsdatum-Antragsteller[0]`,
  birthPlace: `${page1}.Punkt-1[0].Pkt-1-Zeile-3[0].Geburtsort-Antragsteller[0]`,
  sex: `${page1}.Punkt-1[0].Pkt-1-Zeile-3[0].Geschlecht-Antragsteller[0]`,
  nationality: `${page1}.Punkt-1[0].Pkt-1-Zeile-3[0].Staatsangehörigkeit-Antragsteller[0]`,
  address: `${page1}.Punkt-1[0].Anschrift-Antragsteller[0]`,
  single: `${page1}.Punkt-1[0].Familienstand[0].#area[12].ledig[0]`,
  married: `${page1}.Punkt-1[0].Familienstand[0].#area[12].verheiratet[0]`,
  divorced: `${page1}.Punkt-1[0].Familienstand[0].#area[12].geschieden[0]`,
  since: `${page1}.Punkt-1[0].Familienstand[0].#area[12].seit[0]`,
  partnerTaxId: [1, 2, 3, 4].map((part) => `${page1}.Punkt-2[0].Steuer-ID-2[1].Steuer-ID-2\\.${part}[0]`),
  partnerLastName: `${page1}.Punkt-2[0].#area[15].Name-Partner[0]`,
  partnerFirstName: `${page1}.Punkt-2[0].#area[15].Vorname-Partner[0]`,
  partnerBirthDate: `${page1}.Punkt-2[0].#area[15].Geburtsdatum-Partner[0]`,
  partnerNationality: `${page1}.Punkt-2[0].#area[15].Staatsangehörigkeit-Partner[0]`,
  partnerSex: `${page1}.Punkt-2[0].#area[15].Geschlecht-Partner[0]`,
  iban: `${page1}.Punkt-3[0].IBAN[0]`,
  bic: `${page1}.Punkt-3[0].BIC[0]`,
  bank: `${page1}.Punkt-3[0].Bank[0]`,
  accountHolderIsApplicant: `${page1}.Punkt-3[0].Antragsteller[0]`,
  accountHolderIsOther: `${page1}.Punkt-3[0].andere-Person[0]`,
  childCell: (row: number, cell: number) =>
    `${page2}.Punkt-5[0].Tabelle1-Kinder[0].Zeile${row}[0].Zelle${cell}[0]`,
  signatureDate: `${page2}.Unterschrift-1[0].Datum-1[0]`,
} as const;

/** An address too long for the one-line field even at 6 pt: it must go to the addendum. */
export const longAddress =
  'Hinterhaus, 3. Obergeschoss links, bei Familie Petrović (c/o Dragana Petrović), ' +
  'Große Hamburger Straße 117a, Aufgang C, Wohnung 34, 10115 Berlin-Mitte, Bundesrepublik Deutschland, ' +
  'Klingel „Yılmaz/Petrović“, bitte zweimal läuten, der Briefkasten ist im Hof neben den Fahrrädern';

export const kg1Children = [
  { name: 'Elif Yılmaz', birthDate: '02.04.2019', sex: 'w' },
  { name: 'Can Yılmaz', birthDate: '17.08.2016', sex: 'm' },
  { name: 'Zeynep Yılmaz', birthDate: '30.11.2013', sex: 'w' },
  { name: 'Emir Yılmaz', birthDate: '05.01.2011', sex: 'm' },
  { name: 'Defne Yılmaz', birthDate: '21.06.2009', sex: 'w' },
  { name: 'Ömer Yılmaz', birthDate: '14.03.2022', sex: 'm' },
];

function text(field: string, value: string, label: string): FieldFill {
  return { kind: 'text', field, value, label };
}

export function kg1FillPlan(options: { address?: string } = {}): FillPlan {
  const f = kg1Fields;
  const fields: FieldFill[] = [
    text(f.phone, '030 1234567', 'Telefon'),
    text(f.attachments, '6', 'Anzahl Anlagen Kind'),
    ...['12', '345', '678', '901'].map((part, index) => text(f.taxId[index], part, 'Punkt 1: Steuer-ID')),
    text(f.lastName, 'Yılmaz', 'Punkt 1: Familienname'),
    text(f.firstName, 'Ayşe', 'Punkt 1: Vorname'),
    text(f.birthName, 'Kaya', 'Punkt 1: Geburtsname'),
    text(f.birthDate, '12.05.1988', 'Punkt 1: Geburtsdatum'),
    text(f.birthPlace, 'İzmir', 'Punkt 1: Geburtsort'),
    text(f.sex, 'w', 'Punkt 1: Geschlecht'),
    text(f.nationality, 'türkisch', 'Punkt 1: Staatsangehörigkeit'),
    text(f.address, options.address ?? longAddress, 'Punkt 1: Anschrift der antragstellenden Person'),
    { kind: 'checkbox', field: f.married, checked: true },
    { kind: 'checkbox', field: f.single, checked: false },
    { kind: 'checkbox', field: f.divorced, checked: false },
    text(f.since, '23.07.2010', 'Punkt 1: Familienstand seit'),
    ...['98', '765', '432', '109'].map((part, index) =>
      text(f.partnerTaxId[index], part, 'Punkt 2: Steuer-ID'),
    ),
    text(f.partnerLastName, 'Yılmaz', 'Punkt 2: Familienname'),
    text(f.partnerFirstName, 'Mehmet', 'Punkt 2: Vorname'),
    text(f.partnerBirthDate, '03.09.1985', 'Punkt 2: Geburtsdatum'),
    text(f.partnerNationality, 'türkisch', 'Punkt 2: Staatsangehörigkeit'),
    text(f.partnerSex, 'm', 'Punkt 2: Geschlecht'),
    text(f.iban, 'DE02120300000000202051', 'Punkt 3: IBAN'),
    text(f.bic, 'BYLADEM1001', 'Punkt 3: BIC'),
    text(f.bank, 'Deutsche Kreditbank Berlin', 'Punkt 3: Bank'),
    { kind: 'checkbox', field: f.accountHolderIsApplicant, checked: true },
    { kind: 'checkbox', field: f.accountHolderIsOther, checked: false },
    ...kg1Children
      .slice(0, 5)
      .flatMap((child, index) => [
        text(f.childCell(index + 1, 1), child.name, `Punkt 5: Kind ${index + 1}, Name`),
        text(f.childCell(index + 1, 2), child.birthDate, `Punkt 5: Kind ${index + 1}, Geburtsdatum`),
        text(f.childCell(index + 1, 3), child.sex, `Punkt 5: Kind ${index + 1}, Geschlecht`),
      ]),
    text(f.signatureDate, '01.10.2025', 'Datum'),
  ];
  const sixth = kg1Children[5];
  return {
    formId: 'kg1',
    formTitle: 'KG 1 Antrag auf Kindergeld',
    fields,
    addendum: [
      {
        title: 'Punkt 5: Kinder, für die Kindergeld beantragt wird (weitere Kinder)',
        rows: [
          { label: 'Kind 6: Vorname, Familienname', value: sixth.name },
          { label: 'Kind 6: Geburtsdatum', value: sixth.birthDate },
          { label: 'Kind 6: Geschlecht', value: sixth.sex },
        ],
      },
    ],
  };
}
