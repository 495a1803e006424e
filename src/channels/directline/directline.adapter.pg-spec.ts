import { describe } from 'node:test';
import { turnRepliesContract } from '../../../test/support/turn-replies-contract';

describe('DirectLineAdapter: the replies of a bot turn are stored with its state (PostgreSQL)', () => {
  turnRepliesContract({ postgres: true });
});
