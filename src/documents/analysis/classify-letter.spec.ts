import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { letterDocument, PlacedLine } from '../../../test/support/letter-document.factory';
import { classifyAuthority, classifyLetterType, letterZones } from './classify-letter';
import { buildLetterText } from './letter-text';

function zones(head: string, subject: string, body: string[] = []) {
  const lines: PlacedLine[] = [
    { text: head, y: 10 },
    { text: subject, y: 98 },
    { text: 'Sehr geehrte Damen und Herren,', y: 110 },
    ...body.map((text, index) => ({ text, y: 120 + index * 5 })),
  ];
  return letterZones(buildLetterText(letterDocument(lines)));
}

describe('classifyAuthority and classifyLetterType', () => {
  const cases = [
    {
      head: 'Familienkasse Nordrhein-Westfalen Ost',
      subject: 'Kindergeld: Bitte um Mitwirkung',
      authority: 'familienkasse',
      type: 'mitwirkung',
    },
    {
      head: 'Jobcenter Essen',
      subject: 'Einladung zu einem Gespräch',
      authority: 'jobcenter',
      type: 'einladung',
    },
    {
      head: 'Stadt Duisburg – Wohngeldstelle',
      subject: 'Ablehnung Ihres Antrags auf Wohngeld',
      authority: 'wohngeldstelle',
      type: 'ablehnung',
    },
    {
      head: 'Familienkasse NRW West',
      subject: 'Aufhebung der Festsetzung und Rückforderung von Kindergeld',
      authority: 'familienkasse',
      type: 'rueckforderung',
    },
    {
      head: 'Jugendamt – Unterhaltsvorschusskasse',
      subject: 'Bewilligung von Unterhaltsvorschuss',
      authority: 'unterhaltsvorschusskasse',
      type: 'bewilligung',
    },
    {
      head: 'Stadt Düsseldorf Elterngeldstelle',
      subject: 'Anhörung zur Erstattung von Elterngeld',
      authority: 'elterngeldstelle',
      type: 'anhoerung',
    },
    {
      head: 'Jobcenter Köln',
      subject: 'Ihr Weiterbewilligungsantrag für das Bürgergeld',
      authority: 'jobcenter',
      type: 'weiterbewilligung',
    },
    {
      head: 'Kreis Mettmann Bildung und Teilhabe',
      subject: 'Bewilligung von Leistungen für Bildung und Teilhabe',
      authority: 'but-stelle',
      type: 'bewilligung',
    },
    // OCR noise: lost umlaut dots, one wrong letter in a long word.
    {
      head: 'Famiiienkasse Bayern Nord',
      subject: 'Ruckforderung von Kindergeld',
      authority: 'familienkasse',
      type: 'rueckforderung',
    },
    { head: 'Jobcenter Essen', subject: 'Meldeaufforderunq', authority: 'jobcenter', type: 'einladung' },
    { head: 'Stadtwerke Essen', subject: 'Ihre Jahresrechnung', authority: 'other', type: 'other' },
  ] as const;
  for (const { head, subject, authority, type } of cases) {
    it(`"${head}" / "${subject}" -> ${authority} / ${type}`, () => {
      const sut = zones(head, subject);
      assert.equal(classifyAuthority(sut), authority);
      assert.equal(classifyLetterType(sut), type);
    });
  }

  it('lets the letterhead outweigh a benefit named in the body', () => {
    const sut = zones('Jobcenter Dortmund', 'Aufforderung zur Mitwirkung', [
      'Bitte legen Sie den Kindergeldbescheid der Familienkasse vor.',
    ]);
    assert.equal(classifyAuthority(sut), 'jobcenter');
  });
});
