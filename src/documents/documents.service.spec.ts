import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BotHarness, startBotHarness } from '../../test/support/bot-harness';
import { DocumentsService } from './documents.service';

describe('DocumentsService uploads', () => {
  let harness: BotHarness & { remove(): void };
  let documents: DocumentsService;

  before(async () => {
    harness = await startBotHarness();
    documents = harness.app.get(DocumentsService);
  });
  after(async () => {
    await harness?.close();
    harness?.remove();
  });

  it('stores an upload and reads back the same bytes, name and time', async () => {
    const bytes = Buffer.from('%PDF-1.4\n% Brief der Familienkasse an Dragana Petrović\n');
    const stored = await documents.storeUpload({
      conversationKey: 'dl_upload',
      fileName: 'brief.pdf',
      bytes,
    });
    assert.ok(stored.createdAt instanceof Date && !Number.isNaN(stored.createdAt.getTime()));
    assert.equal(stored.mediaType, 'application/pdf');

    const read = await documents.read(stored.id);
    assert.deepEqual(read.bytes, bytes);
    assert.equal(read.fileName, 'brief.pdf');
    assert.ok(Math.abs(read.info.createdAt.getTime() - stored.createdAt.getTime()) < 1000);
    assert.deepEqual(await documents.listForConversation('dl_upload'), [read.info]);
  });

  it('says DOCUMENT_NOT_FOUND for an id it does not have', async () => {
    await assert.rejects(
      documents.read('00000000-0000-4000-8000-000000000000'),
      /DOCUMENT_NOT_FOUND|does not exist/,
    );
  });
});
