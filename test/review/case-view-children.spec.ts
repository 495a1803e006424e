import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { CaseIntakeService } from '../../src/cases/case-intake.service';
import { projectPath } from '../../src/channels/web/project-path.util';
import { Answers } from '../../src/forms/definition/answers.types';
import { InterviewState } from '../../src/interview/interview-state.types';
import { replayThroughBot } from '../support/bot-transcript-runner';
import { BotHarness } from '../support/bot-harness';
import { readTranscript, transcriptFiles } from '../transcripts/transcript-runner';
import { startWorkspaceApp } from './workspace-app';
import { createUser, ensureTeam, signIn, SignedInUser } from './workspace-session';

const kg1 = () => readTranscript(transcriptFiles().find((file) => file.endsWith('kg1-two-children.yaml'))!);

interface ViewAnswer {
  path: string;
  label: string;
  value: unknown;
  source: string;
}
interface ViewForm {
  formId: string;
  sections: Array<{ title: string; copy: string | null; answers: ViewAnswer[] }>;
}

describe('review workspace: the children in the case view', () => {
  let app: INestApplication;
  let harness: BotHarness;
  let dataDir: string;
  let dragana: SignedInUser;
  let chatCase: string;
  let yilmazCase: string;

  before(async () => {
    ({ app, dataDir, bot: harness } = await startWorkspaceApp('case-view-children'));
    const altendorf = await ensureTeam(app, 'Essen-Altendorf');
    await createUser(app, 'dragana.petrovic@example.org', 'kuemmerer', altendorf, 'Dragana Petrović');
    dragana = await signIn(app, 'dragana.petrovic@example.org');
    chatCase = (await (await replayThroughBot(harness, kg1())).stored())!.caseId!;
    // The example family with a child and six children they already get Kindergeld for (KG 1, Punkt 5).
    const answers = JSON.parse(
      readFileSync(join(projectPath('forms'), 'examples', 'kindergeld-yilmaz.json'), 'utf8'),
    ) as Answers;
    const state = {
      applicationId: 'kindergeld',
      answers,
      provenance: {},
      unknown: [],
    } as unknown as InterviewState;
    yilmazCase = await app
      .get(CaseIntakeService)
      .createFromInterview(state, { key: 'test:yilmaz', reference: {}, team: 'Essen-Altendorf' });
    await harness.settled();
  });

  after(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const server = () => app.getHttpServer() as import('node:http').Server;
  const view = async (caseId: string) =>
    (await request(server()).get(`/api/review/cases/${caseId}`).set('Cookie', dragana.cookie).expect(200))
      .body as { forms: ViewForm[] };
  const answersOf = (form: ViewForm | undefined) =>
    form?.sections.flatMap((section) => section.answers) ?? [];

  it('shows each child’s names and birth date in its "Anlage Kind", headed with the name', async () => {
    const anlage = (await view(chatCase)).forms.find((form) => form.formId === 'kg1-anlage-kind')!;
    const first = anlage.sections[0];
    assert.equal(first.copy, 'Kind 1: Elif Yılmaz');
    assert.deepEqual(
      first.answers.slice(0, 3).map((answer) => [answer.path, answer.label, answer.value]),
      [
        ['children[0].children.firstName', 'Vorname', 'Elif'],
        ['children[0].children.lastName', 'Familienname', 'Yılmaz'],
        ['children[0].children.birthDate', 'Geburtsdatum', '2019-04-02'],
      ],
    );
    assert.ok(anlage.sections.some((section) => section.copy === 'Kind 2: Can Yılmaz'));
    assert.ok(answersOf(anlage).some((answer) => answer.path === 'children[1].children.firstName'));
    // Asked once, shown once: not again under KG 1.
    const kg1Form = (await view(chatCase)).forms.find((form) => form.formId === 'kg1');
    assert.ok(!answersOf(kg1Form).some((answer) => answer.path.startsWith('children[')));

    const page = await request(server())
      .get(`/review/cases/${chatCase}`)
      .set('Cookie', dragana.cookie)
      .expect(200);
    assert.match(page.text, /<h4>Kind 1: Elif Yılmaz – Angaben zum Kind<\/h4>/);
    assert.match(page.text, /name="path"\s+value="children\[0\]\.children\.firstName"/);
  });

  it('corrects a child’s first name on the page, and the heading follows', async () => {
    await request(server())
      .post(`/review/cases/${chatCase}/answers`)
      .set('Cookie', dragana.cookie)
      .type('form')
      .send({ path: 'children[0].children.firstName', value: 'Elif Su', _csrf: dragana.csrfToken })
      .expect(303);
    const anlage = (await view(chatCase)).forms.find((form) => form.formId === 'kg1-anlage-kind')!;
    assert.equal(anlage.sections[0].copy, 'Kind 1: Elif Su Yılmaz');
    const firstName = answersOf(anlage).find((answer) => answer.path === 'children[0].children.firstName')!;
    assert.equal(firstName.value, 'Elif Su');
    assert.equal(firstName.source, 'kuemmerer');
  });

  it('lists the children the family already gets Kindergeld for under KG 1, item by item', async () => {
    const forms = (await view(yilmazCase)).forms;
    const kg1Answers = answersOf(forms.find((form) => form.formId === 'kg1'));
    const emre = kg1Answers.find((answer) => answer.path === 'receivingChildren[0].receivingChildren.name');
    assert.equal(emre?.value, 'Emre');
    assert.equal(emre?.label, 'Name – Kind 1');
    assert.equal(kg1Answers.filter((answer) => answer.path.startsWith('receivingChildren[')).length, 6 * 4);
    const anlage = forms.find((form) => form.formId === 'kg1-anlage-kind')!;
    assert.equal(anlage.sections[0].copy, 'Kind 1: Zeynep Yılmaz');
    const page = await request(server())
      .get(`/review/cases/${yilmazCase}`)
      .set('Cookie', dragana.cookie)
      .expect(200);
    assert.match(page.text, /Kind 1: Zeynep Yılmaz – Angaben zum Kind/);
    assert.match(page.text, /name="path"\s+value="receivingChildren\[5\]\.receivingChildren\.birthDate"/);
  });
});
