#!/usr/bin/env node
// Runs one test suite with Node's built-in test runner over the compiled output in dist/.
// Suites are chosen by file name so that a test says what it needs:
//   unit     *.spec.ts         no service besides SQLite; the default `npm test`
//   postgres *.pg-spec.ts      a real PostgreSQL (DATABASE_URL or 127.0.0.1:5432/test)
//   system   *.system-spec.ts  system packages (poppler-utils, Chromium)
//   redis    *.redis-spec.ts   a real Redis (TEST_REDIS_URL or 127.0.0.1:6379)
'use strict';
const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const suffixes = {
  unit: '.spec.js',
  postgres: '.pg-spec.js',
  system: '.system-spec.js',
  redis: '.redis-spec.js',
};
const suite = process.argv[2] ?? 'unit';
const suffix = suffixes[suite];
if (!suffix) {
  console.error(`Unknown suite "${suite}". Use one of: ${Object.keys(suffixes).join(', ')}`);
  process.exit(2);
}

function collect(dir) {
  let found = [];
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return found;
  }
  for (const entry of entries) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found = found.concat(collect(path));
    else if (entry.endsWith(suffix)) found.push(path);
  }
  return found;
}

const files = [...collect('dist/src'), ...collect('dist/test')].sort();
if (files.length === 0) {
  console.error(`No ${suite} tests found under dist/ (did the build run?)`);
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--test', '--test-reporter=spec', '--enable-source-maps', ...files],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
process.exit(result.status ?? 1);
