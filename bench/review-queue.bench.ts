// Queue page server time with 5,000 cases in one team (npm run bench:review). Prints the median.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DataCipher } from '../src/privacy/data-cipher.service';
import { startTestApp } from '../test/support/test-app';
import { createUser, ensureTeam, signIn } from '../test/review/workspace-session';

async function main(): Promise<void> {
  const testApp = await startTestApp();
  const { app } = testApp;
  const team = await ensureTeam(app, 'Essen-Altendorf');
  await createUser(app, 'dragana.petrovic@example.org', 'kuemmerer', team, 'Dragana Petrović');
  const user = await signIn(app, 'dragana.petrovic@example.org');
  const database = app.get(DataSource);
  const cipher = app.get(DataCipher);
  const statuses = ['submitted', 'in_review', 'waiting_for_family', 'approved'];
  await database.transaction(async (manager) => {
    for (let index = 0; index < 5000; index++) {
      const id = randomUUID();
      const deadline =
        index % 3 === 0 ? null : `2026-0${1 + (index % 9)}-${String(1 + (index % 28)).padStart(2, '0')}`;
      await manager.query(
        `INSERT INTO cases (id, application_id, status, family_name, nearest_deadline, last_activity_at, team_id, created_at, updated_at)
         VALUES (?, 'kindergeld', ?, ?, ?, ?, ?, ?, ?)`,
        [
          id,
          statuses[index % 4],
          cipher.encryptJson(`Familie ${index}`, `case-family-name:${id}`),
          deadline,
          new Date().toISOString(),
          team,
          new Date(Date.now() - index * 60_000).toISOString(),
          new Date().toISOString(),
        ],
      );
      await manager.query(
        `INSERT INTO case_status_changes (id, case_id, from_status, to_status, changed_by, changed_at) VALUES (?, ?, NULL, 'submitted', 'family', ?)`,
        [randomUUID(), id, new Date(Date.now() - index * 60_000).toISOString()],
      );
    }
  });
  const times: number[] = [];
  for (let run = 0; run < 21; run++) {
    const started = performance.now();
    await request(app.getHttpServer()).get('/review').set('Cookie', user.cookie).expect(200);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(
    `review queue page, 5000 cases, 50 per page: median ${times[10].toFixed(1)} ms, max ${times[20].toFixed(1)} ms (21 runs)`,
  );
  await testApp.close();
}

void main();
