import { describe } from 'node:test';
import { startTestApp } from '../support/test-app';
import { itemRemovalContract } from './item-removal-contract';

describe('removing an item of a repeat group (SQLite)', () => {
  itemRemovalContract(() => startTestApp());
});
