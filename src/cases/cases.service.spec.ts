import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DataSource } from 'typeorm';
import { BotHarness, startBotHarness, TestConversation } from '../../test/support/bot-harness';
import { replayThroughBot } from '../../test/support/bot-transcript-runner';
import { transcriptNamed } from '../../test/transcripts/transcript-runner';
import { AuditService } from '../audit/audit.service';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';

const twoChildren = () => transcriptNamed('kg1-two-children.yaml');
const letter = Buffer.from('%PDF-1.4\n% Bescheid der Familienkasse für Ayşe Yılmaz\n');
const caseTables = ['case_answers', 'case_documents', 'case_notes', 'case_status_changes', 'documents'];

/** A family that sends a letter in the chat, then submits. */
async function submitWithUpload(
  harness: BotHarness,
): Promise<{ conversation: TestConversation; caseId: string }> {
  const transcript = twoChildren();
  const conversation = await replayThroughBot(harness, transcript, { to: 3 });
  await conversation.turn({
    type: 'message',
    attachments: [
      {
        contentType: 'application/pdf',
        name: 'bescheid-yilmaz.pdf',
        contentUrl: `data:application/pdf;base64,${letter.toString('base64')}`,
      },
    ],
  });
  await replayThroughBot(harness, transcript, { from: 3, conversation });
  return { conversation, caseId: (await conversation.stored())!.caseId! };
}

describe('CasesService: privacy export and deletion', () => {
  let harness: BotHarness;
  let sut: CasesService;
  let database: DataSource;
  let caseId: string;
  let otherCaseId: string;

  const rowsOf = async (id: string) => {
    const counts: Record<string, number> = {};
    for (const table of caseTables) {
      const [row] = await database.query<Array<{ n: number }>>(
        `SELECT COUNT(*) AS n FROM ${table} WHERE case_id = ?`,
        [id],
      );
      counts[table] = Number(row.n);
    }
    return counts;
  };

  before(async () => {
    harness = await startBotHarness();
    sut = harness.app.get(CasesService);
    database = harness.app.get(DataSource);
    ({ caseId } = await submitWithUpload(harness));
    ({ caseId: otherCaseId } = await submitWithUpload(harness));
    await sut.addNote(caseId, { author: 'user:k-17', kind: 'ask-back', text: 'Wann ist Can geboren?' });
    await sut.changeStatus(caseId, 'waiting_for_family', 'user:k-17');
  });

  after(async () => {
    await harness.close();
    harness.remove();
  });

  it('exports everything stored about the family, decrypted, as JSON, and audits the export', async () => {
    const exported = JSON.parse(JSON.stringify(await sut.exportCase(caseId, 'user:admin-1'))) as Awaited<
      ReturnType<CasesService['exportCase']>
    >;

    assert.equal(exported.format, 'antragslotse-case-export');
    assert.equal(exported.case.id, caseId);
    assert.equal(exported.case.familyName, 'Ayşe Yılmaz');
    const lastName = exported.answers.find((answer) => answer.path === 'applicant.lastName')!;
    assert.equal(lastName.value, 'Yılmaz');
    assert.equal(lastName.source, 'family');
    assert.ok(
      exported.answers.some(
        (answer) => answer.path === 'children[1].children.firstName' && answer.value === 'Can',
      ),
    );
    assert.deepEqual(
      exported.notes.map((note) => [note.kind, note.text]),
      [['ask-back', 'Wann ist Can geboren?']],
    );
    assert.deepEqual(
      exported.statusChanges.map((change) => [change.fromStatus, change.toStatus, change.changedBy]),
      [
        [null, 'submitted', 'family'],
        ['submitted', 'waiting_for_family', 'user:k-17'],
      ],
    );
    assert.equal(exported.uploads.length, 1);
    assert.equal(exported.uploads[0].fileName, 'bescheid-yilmaz.pdf');
    assert.deepEqual(Buffer.from(exported.uploads[0].contentBase64, 'base64'), letter);
    assert.equal(exported.generatedDocuments.length, 3);
    for (const document of exported.generatedDocuments) {
      assert.equal(Buffer.from(document.contentBase64, 'base64').subarray(0, 5).toString('latin1'), '%PDF-');
    }
    assert.ok(exported.conversationReference);

    const audit = await harness.app.get(AuditService).findBySubject('case', caseId);
    assert.ok(audit.some((event) => event.action === 'case.exported' && event.actor === 'user:admin-1'));
  });

  it('refuses to export a case that does not exist', async () => {
    await assert.rejects(sut.exportCase('00000000-0000-4000-8000-000000000000'), { code: 'CASE_NOT_FOUND' });
  });

  it('deletes a case with its answers, PDFs, notes, status changes and uploads, and nothing of another case', async () => {
    const before = await rowsOf(caseId);
    assert.ok(
      caseTables.every((table) => before[table] > 0),
      `every table has rows first: ${JSON.stringify(before)}`,
    );
    const otherBefore = await rowsOf(otherCaseId);
    const [{ conversation_key: conversationKey }] = await database.query<Array<{ conversation_key: string }>>(
      `SELECT conversation_key FROM cases WHERE id = ?`,
      [caseId],
    );
    const savedInterview = `SELECT key FROM bot_state WHERE key = ?`;
    assert.equal((await database.query<unknown[]>(savedInterview, [conversationKey])).length, 1);

    await sut.deleteCase(caseId, 'user:admin-1');

    assert.deepEqual(
      await database.query(savedInterview, [conversationKey]),
      [],
      'the saved interview is gone',
    );
    assert.deepEqual(await rowsOf(caseId), Object.fromEntries(caseTables.map((table) => [table, 0])));
    assert.deepEqual(await database.query(`SELECT id FROM cases WHERE id = ?`, [caseId]), []);
    assert.deepEqual(await rowsOf(otherCaseId), otherBefore);
    await assert.rejects(harness.app.get(CasesRepository).getCase(caseId), { code: 'CASE_NOT_FOUND' });
    await assert.rejects(sut.deleteCase(caseId, 'user:admin-1'), { code: 'CASE_NOT_FOUND' });
    const audit = await harness.app.get(AuditService).findBySubject('case', caseId);
    assert.ok(audit.some((event) => event.action === 'case.deleted' && event.actor === 'user:admin-1'));
  });
});
