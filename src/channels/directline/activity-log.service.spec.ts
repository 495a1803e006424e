import { after, before, describe } from 'node:test';
import { ActivityLogService } from './activity-log.service';
import { startChannelApp } from '../../../test/channels/channel-test-app';
import { activityLogContract } from '../../../test/support/activity-log-contract';
import { TestApp } from '../../../test/support/test-app';

describe('Direct Line conversation log on SQLite', () => {
  let sut: TestApp;
  before(async () => {
    sut = await startChannelApp();
  });
  after(() => sut?.close());

  activityLogContract(() => sut.app.get(ActivityLogService));
});
