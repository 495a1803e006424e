import { describe } from 'node:test';
import { startTestApp } from '../support/test-app';
import { teamNameContract } from './team-names-contract';

describe('team names on SQLite: one team however it is spelt', () => {
  teamNameContract(() => startTestApp());
});
