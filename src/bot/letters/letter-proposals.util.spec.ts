import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LetterAnalysis } from '../../documents/analysis/letter-analysis.types';
import type { IndexedQuestion } from '../../forms/definition/question-index.util';
import { kindergeldApplication } from '../../../test/support/kindergeld-application';
import { letterProposals } from './letter-proposals.util';

function analysis(overrides: Partial<LetterAnalysis>): LetterAnalysis {
  return {
    authority: 'familienkasse',
    letterType: 'mitwirkung',
    letterDate: '2026-01-05',
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
    iban: 'DE02120300000000202051',
    amounts: [],
    recipient: {
      name: 'Dragana Petrović',
      street: 'Altendorfer Straße 3a',
      postalCode: '45127',
      city: 'Essen',
    },
    requestedDocuments: [],
    evidence: { iban: { page: 1, box: [10, 20, 100, 10], confidence: 0.9 } },
    ...overrides,
  };
}

describe('letterProposals', () => {
  it('maps recipient and IBAN through letterFields, with evidence', async () => {
    const questions: Iterable<IndexedQuestion> = (await kindergeldApplication()).questions.values();
    const sut = letterProposals({
      analysis: analysis({}),
      document: { pages: [{ page: 1, width: 595, height: 842, words: [], text: '' }] } as never,
      documentId: 'doc-1',
      questions,
    });
    const byPath = Object.fromEntries(sut.map((proposal) => [proposal.path, proposal]));
    assert.equal(byPath['applicant.firstName'].value, 'Dragana');
    assert.equal(byPath['applicant.lastName'].value, 'Petrović');
    assert.equal(byPath['applicant.street'].value, 'Altendorfer Straße');
    assert.equal(byPath['applicant.houseNumber'].value, '3a');
    assert.equal(byPath['applicant.postalCode'].value, '45127');
    assert.equal(byPath['bank.iban'].value, 'DE02120300000000202051');
    assert.deepEqual(byPath['bank.iban'].source, {
      documentId: 'doc-1',
      page: 1,
      box: { x: 10, y: 20, width: 100, height: 10 },
      confidence: 0.9,
    });
    assert.equal(byPath['applicant.hasKindergeldNumber'], undefined);
  });

  it('never proposes the IBAN of a Rückforderung (it is the authority’s account)', async () => {
    const questions = (await kindergeldApplication()).questions.values();
    const sut = letterProposals({
      analysis: analysis({ letterType: 'rueckforderung' }),
      document: { pages: [] },
      documentId: 'doc-2',
      questions,
    });
    assert.ok(!sut.some((proposal) => proposal.path === 'bank.iban'));
  });
});
