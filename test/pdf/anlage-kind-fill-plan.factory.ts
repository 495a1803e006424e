import type { FieldFill, FillPlan } from '../../src/pdf/fill-plan';

// A hand-written FillPlan for the genuine KG 1 Anlage Kind (09/2025): Dragana Petrović applies for
// her foster child Olena Kovalenko. Invented persons only.

const page1 = 'topmostSubform[0].Page1[0]';
const page3 = 'topmostSubform[0].Page3[0]';
const page4 = 'topmostSubform[0].Page4[0]';

export const anlageKindFields = {
  applicantName: `${page1}.Kopfzeile[0].Kopfangaben[0].Name_Vorname_KGB[0]`,
  taxId: [1, 2, 3, 4].map((part) => `${page1}.Frage-1[0].Steuer-ID[0].Steuer-ID-${part}[0]`),
  lastName: `${page1}.Frage-1[0].Pkt-1-Zeile-2[0].Familienname-Kind[0]`,
  firstName: `${page1}.Frage-1[0].Pkt-1-Zeile-3[0].Vorname-Kind[0]`,
  birthDate: `${page1}.Frage-1[0].Pkt-1-Zeile-4[0].Geburtsdatum[0]`,
  birthPlace: `${page1}.Frage-1[0].Pkt-1-Zeile-4[0].Geburtsort-Kind[0]`,
  sex: `${page1}.Frage-1[0].Pkt-1-Zeile-4[0].Geschlecht[0]`,
  nationality: `${page1}.Frage-1[0].Pkt-1-Zeile-4[0].Staatsangehörigkeit[0]`,
  fosterChild: `${page1}.Frage-2[0].#area[10].Kindschaftsverhältnis[0].Zeile1[0].Zelle4[0]`,
  ownChild: `${page1}.Frage-2[0].#area[10].Kindschaftsverhältnis[0].Zeile1[0].Zelle2[0]`,
  otherParentLastName: `${page1}.Frage-2[0].Angaben-and-Person[0].Name-and-Person[0]`,
  otherParentFirstName: `${page1}.Frage-2[0].Angaben-and-Person[0].Vorname-and-Person[0]`,
  noOtherBenefit: `${page3}.Frage-4[0].Pkt-4-Zeile-1[0].Nein-4[0]`,
  yesOtherBenefit: `${page3}.Frage-4[0].Pkt-4-Zeile-1[0].Ja-4[0]`,
  date: `${page4}.Erklärung[0].#area[9].Datum-1[0]`,
} as const;

function text(field: string, value: string, label: string): FieldFill {
  return { kind: 'text', field, value, label };
}

export function anlageKindFillPlan(): FillPlan {
  const f = anlageKindFields;
  return {
    formId: 'kg1-anlage-kind',
    formTitle: 'KG 1 Anlage Kind',
    fields: [
      text(f.applicantName, 'Petrović, Dragana', 'Familienname, Vorname der antragstellenden Person'),
      ...['47', '110', '392', '856'].map((part, index) =>
        text(f.taxId[index], part, 'Punkt 1: Steuer-ID des Kindes'),
      ),
      text(f.lastName, 'Kovalenko', 'Punkt 1: Familienname des Kindes'),
      text(f.firstName, 'Olena', 'Punkt 1: Vorname des Kindes'),
      text(f.birthDate, '09.02.2015', 'Punkt 1: Geburtsdatum'),
      text(f.birthPlace, 'Kyjiw (Київ)', 'Punkt 1: Geburtsort'),
      text(f.sex, 'w', 'Punkt 1: Geschlecht'),
      text(f.nationality, 'ukrainisch', 'Punkt 1: Staatsangehörigkeit'),
      { kind: 'checkbox', field: f.fosterChild, checked: true },
      { kind: 'checkbox', field: f.ownChild, checked: false },
      text(f.otherParentLastName, 'Kovalenko', 'Punkt 2: Familienname der anderen Person'),
      text(f.otherParentFirstName, 'Andrij', 'Punkt 2: Vorname der anderen Person'),
      { kind: 'checkbox', field: f.noOtherBenefit, checked: true },
      { kind: 'checkbox', field: f.yesOtherBenefit, checked: false },
      text(f.date, '01.10.2025', 'Datum'),
    ],
    addendum: [],
  };
}
