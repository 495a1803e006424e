import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Test } from '@nestjs/testing';
import { fixtureFormsDir } from '../../test/fixtures/forms/forms-workspace';
import { FormDefinitionError, FormsError } from './forms.errors';
import { FormsModule } from './forms.module';
import { FormRegistry } from './forms.registry';

async function startModule(fixture: string) {
  const moduleRef = await Test.createTestingModule({
    imports: [
      FormsModule.register({ formsDir: fixtureFormsDir(fixture), templateDir: '/nonexistent-templates' }),
    ],
  }).compile();
  await moduleRef.init();
  return moduleRef;
}

describe('FormRegistry', () => {
  it('loads the definitions when the module starts and answers lookups', async () => {
    const moduleRef = await startModule('valid');
    const sut = moduleRef.get(FormRegistry);
    assert.equal(sut.getForm('family').shortTitle, 'FL 1');
    assert.deepEqual(sut.getApplication('family-benefit').forms, [
      { form: 'family' },
      { form: 'family-child', each: 'children' },
    ]);
    assert.deepEqual(
      sut.listForms().map((form) => form.id),
      ['family', 'family-child'],
    );
    assert.equal(sut.templateStatus('family').state, 'missing');
    assert.equal(sut.loadedApplication('family-benefit').questions.has('children.school'), true);
    await moduleRef.close();
  });

  it('throws domain errors with codes for unknown ids', async () => {
    const moduleRef = await startModule('valid');
    const sut = moduleRef.get(FormRegistry);
    assert.throws(
      () => sut.getForm('kg99'),
      (error: unknown) => error instanceof FormsError && error.code === 'FORM_NOT_FOUND',
    );
    assert.throws(
      () => sut.getApplication('kiz'),
      (error: unknown) => error instanceof FormsError && error.code === 'APPLICATION_NOT_FOUND',
    );
    await moduleRef.close();
  });

  it('stops the start-up when a definition is broken', async () => {
    await assert.rejects(
      startModule('broken-form'),
      (error: unknown) => error instanceof FormDefinitionError && error.problems.length === 13,
    );
  });
});
