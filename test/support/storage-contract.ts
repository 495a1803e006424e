import { it } from 'node:test';
import assert from 'node:assert/strict';
import { ConversationState, TestAdapter, UserState } from 'botbuilder';
import { StateConflictError } from '../../src/bot/bot.errors';
import { BotStateRecord } from '../../src/bot/state/bot-state.entity';
import { TurnBatchStorage } from '../../src/bot/state/turn-batch-storage';
import { TypeOrmStorage } from '../../src/bot/state/typeorm-storage';
import { TestDatabase } from './test-database';

let counter = 0;
/** A key nobody else in the run uses. */
const freshKey = (label: string) => `test/conversations/${label}-${process.pid}-${++counter}`;

const isConflict = (error: unknown) =>
  error instanceof StateConflictError && error.code === 'BOT_STATE_ETAG_CONFLICT';

/** The same behaviour on SQLite and PostgreSQL: botbuilder storage semantics, encryption, atomic turns. */
export function storageContract(database: () => TestDatabase): void {
  const storage = () => new TypeOrmStorage(database().dataSource, database().cipher);

  it('writes and reads items, gives each write a new eTag and stores them encrypted', async () => {
    const sut = storage();
    const key = freshKey('roundtrip');
    await sut.write({ [key]: { applicant: 'Ayşe Yılmaz', answers: { 'children.count': 2 } } });
    const first = await sut.read([key, freshKey('missing')]);
    assert.deepEqual(Object.keys(first), [key]);
    assert.equal(first[key].applicant, 'Ayşe Yılmaz');
    assert.deepEqual(first[key].answers, { 'children.count': 2 });
    assert.match(first[key].eTag as string, /^[0-9a-f-]{36}$/);

    await sut.write({ [key]: { ...first[key], applicant: 'Ayşe Yılmaz-Demir' } });
    const second = await sut.read([key]);
    assert.notEqual(second[key].eTag, first[key].eTag);
    assert.equal(second[key].applicant, 'Ayşe Yılmaz-Demir');

    const raw = await database().dataSource.getRepository(BotStateRecord).findOneByOrFail({ key });
    assert.ok(!raw.document.includes('Yılmaz'));
    assert.ok(!Buffer.from(raw.document, 'base64').toString('latin1').includes('Demir'));
  });

  it('refuses a stale eTag, and writes with "*" or without eTag unconditionally', async () => {
    const sut = storage();
    const key = freshKey('etag');
    await sut.write({ [key]: { step: 1 } });
    const read = await sut.read([key]);
    await sut.write({ [key]: { ...read[key], step: 2 } });
    await assert.rejects(sut.write({ [key]: { ...read[key], step: 3 } }), isConflict);
    assert.equal((await sut.read([key]))[key].step, 2);

    await sut.write({ [key]: { step: 4, eTag: '*' } });
    assert.equal((await sut.read([key]))[key].step, 4);
    await sut.write({ [key]: { step: 5 } });
    assert.equal((await sut.read([key]))[key].step, 5);
  });

  it('refuses an eTag for an item that does not exist (deleted meanwhile)', async () => {
    const sut = storage();
    await assert.rejects(sut.write({ [freshKey('gone')]: { eTag: 'some-old-etag', step: 1 } }), isConflict);
  });

  it('writes all changes of one call or none', async () => {
    const sut = storage();
    const [a, b] = [freshKey('atomic-a'), freshKey('atomic-b')];
    await sut.write({ [b]: { value: 'before' } });
    await assert.rejects(
      sut.write({ [a]: { value: 'new' }, [b]: { value: 'after', eTag: 'stale' } }),
      isConflict,
    );
    const items = await sut.read([a, b]);
    assert.equal(items[a], undefined);
    assert.equal(items[b].value, 'before');
  });

  it('deletes items', async () => {
    const sut = storage();
    const key = freshKey('delete');
    await sut.write({ [key]: { value: 1 } });
    await sut.delete([key]);
    assert.deepEqual(await sut.read([key]), {});
  });

  it('cannot decrypt an item copied to another key (the key is the authenticated context)', async () => {
    const sut = storage();
    const [original, copy] = [freshKey('original'), freshKey('copy')];
    await sut.write({ [original]: { name: 'Dragana Petrović' } });
    const repository = database().dataSource.getRepository(BotStateRecord);
    const row = await repository.findOneByOrFail({ key: original });
    await repository.insert({ ...row, key: copy });
    await assert.rejects(sut.read([copy]), /damaged or belongs to another record/);
  });

  it('commits a turn once: conversation and user state in one transaction, after the handler', async () => {
    const inner = storage();
    let commits = 0;
    const commit = inner.commit.bind(inner);
    inner.commit = async (...args) => {
      commits++;
      return commit(...args);
    };
    const sut = new TurnBatchStorage(inner);
    const conversationState = new ConversationState(sut);
    const userState = new UserState(sut);
    const step = conversationState.createProperty<number>('step');
    const locale = userState.createProperty<string>('locale');
    const conversationId = freshKey('turn').replace(/\//g, '-');
    const adapter = new TestAdapter(async (context) => {
      await sut.runTurn(async () => {
        await step.set(context, ((await step.get(context)) ?? 0) + 1);
        await locale.set(context, 'tr');
        await conversationState.saveChanges(context);
        await userState.saveChanges(context);
        // Held back until the turn ends: the database still has the previous turn's step.
        const key = `test/conversations/${conversationId}/`;
        const stored = (await inner.read([key]))[key]?.step ?? 0;
        assert.equal(stored, (await step.get(context))! - 1);
        await context.sendActivity(`step ${await step.get(context)}`);
      });
    });
    adapter.conversation.conversation.id = conversationId;
    await adapter.send('eins').assertReply('step 1').send('zwei').assertReply('step 2').startTest();
    assert.equal(commits, 2);
    // botbuilder's keys: "<channel>/conversations/<id>/" and "<channel>/users/<id>/".
    const stored = await inner.read([`test/conversations/${conversationId}/`, 'test/users/user1/']);
    assert.equal(stored[`test/conversations/${conversationId}/`].step, 2);
    assert.equal(stored['test/users/user1/'].locale, 'tr');
  });

  it('writes nothing when the turn throws, so the previous state stays', async () => {
    const inner = storage();
    const sut = new TurnBatchStorage(inner);
    const key = freshKey('crash');
    await inner.write({ [key]: { step: 1 } });
    await assert.rejects(
      sut.runTurn(async () => {
        const items = await sut.read([key]);
        await sut.write({ [key]: { ...items[key], step: 2, eTag: '*' } });
        throw new Error('handler failed mid-turn');
      }),
      /handler failed mid-turn/,
    );
    assert.equal((await inner.read([key]))[key].step, 1);
  });

  it('lets the second of two concurrent turns of one conversation fail instead of overwriting', async () => {
    const inner = storage();
    const sut = new TurnBatchStorage(inner);
    const key = freshKey('concurrent');
    await inner.write({ [key]: { answers: [] as string[] } });
    let releaseFirst!: () => void;
    const firstHasRead = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    const turn = (answer: string, pause: Promise<void>) =>
      sut.runTurn(async () => {
        const items = await sut.read([key]);
        await pause;
        await sut.write({
          [key]: { ...items[key], answers: [...(items[key].answers as string[]), answer], eTag: '*' },
        });
      });
    const first = turn('erste', firstHasRead);
    const second = turn('zweite', Promise.resolve());
    await second;
    releaseFirst();
    await assert.rejects(first, isConflict);
    assert.deepEqual((await inner.read([key]))[key].answers, ['zweite']);
  });

  it('creates a new item in a turn only if no other turn created it meanwhile', async () => {
    const inner = storage();
    const sut = new TurnBatchStorage(inner);
    const key = freshKey('create-race');
    await assert.rejects(
      sut.runTurn(async () => {
        await sut.read([key]);
        await inner.write({ [key]: { by: 'other instance' } });
        await sut.write({ [key]: { by: 'this turn', eTag: '*' } });
      }),
      isConflict,
    );
    assert.equal((await inner.read([key]))[key].by, 'other instance');
  });

  it('runs extra work in the same transaction as the turn state', async () => {
    const inner = storage();
    const sut = new TurnBatchStorage(inner);
    const [key, stale] = [freshKey('alongside'), freshKey('alongside-stale')];
    await inner.write({ [stale]: { value: 1 } });
    const read = await inner.read([stale]);
    await inner.write({ [stale]: { value: 2 } });
    await assert.rejects(
      sut.runTurn(async () => {
        await sut.write({ [key]: { value: 'moved' } });
        await sut.commitWithTurn(async (manager) => {
          await manager.getRepository(BotStateRecord).delete({ key: stale });
        });
        await sut.write({ [stale]: { ...read[stale] } });
      }),
      isConflict,
    );
    // The failed precondition rolled back the write and the extra work alike.
    const items = await inner.read([key, stale]);
    assert.equal(items[key], undefined);
    assert.equal(items[stale].value, 2);
  });

  it('runs work after the commit only when the turn committed', async () => {
    const inner = storage();
    const sut = new TurnBatchStorage(inner);
    const key = freshKey('after-commit');
    const seen: string[] = [];
    await sut.runTurn(async () => {
      await sut.write({ [key]: { value: 1 } });
      await sut.commitWithTurn(
        () => {
          seen.push('in the transaction');
          return Promise.resolve();
        },
        async () => {
          seen.push(`after the commit: ${(await inner.read([key]))[key]?.value}`);
        },
      );
      seen.push('turn ends');
    });
    assert.deepEqual(seen, ['turn ends', 'in the transaction', 'after the commit: 1']);

    seen.length = 0;
    await assert.rejects(
      sut.runTurn(async () => {
        await sut.commitWithTurn(
          () => {
            seen.push('in the transaction');
            return Promise.resolve();
          },
          () => {
            seen.push('after the commit');
            return Promise.resolve();
          },
        );
        throw new Error('the turn failed');
      }),
      /the turn failed/,
    );
    assert.deepEqual(seen, []);
  });

  it('does not hold back what work started by a finished turn writes later', async () => {
    const inner = storage();
    const sut = new TurnBatchStorage(inner);
    const key = freshKey('later');
    let later: Promise<void> | undefined;
    let release!: () => void;
    const turnEnded = new Promise<void>((resolve) => (release = resolve));
    await sut.runTurn(() => {
      // E.g. a letter read in the background: it goes on in the turn's async context.
      later = turnEnded.then(async () => {
        assert.equal(sut.inTurn, false);
        await sut.write({ [key]: { value: 'written later' } });
      });
      return Promise.resolve();
    });
    release();
    await later;
    assert.equal((await inner.read([key]))[key]?.value, 'written later');
  });
}
