import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DataSource } from 'typeorm';
import { Team } from './entities/team.entity';
import { TeamScope } from './team-scope';
import { entities, migrations } from '../database/database-options';

const altendorf = '11111111-1111-4111-8111-111111111111';
const katernberg = '22222222-2222-4222-8222-222222222222';

describe('TeamScope', () => {
  it("limits a Kümmerer to their team and lets an admin see every team's", () => {
    const sut = TeamScope.of({ role: 'kuemmerer', teamId: altendorf });
    assert.equal(sut.allows(altendorf), true);
    assert.equal(sut.allows(katernberg), false);
    assert.equal(sut.allows(null), false);
    const admin = TeamScope.of({ role: 'admin', teamId: null });
    assert.equal(admin.coversAllTeams, true);
    assert.equal(admin.allows(katernberg), true);
    assert.equal(admin.allows(null), true);
  });

  it('gives a Kümmerer without a team nothing', () => {
    const sut = TeamScope.of({ role: 'kuemmerer', teamId: null });
    assert.equal(sut.allows(null), false);
    assert.equal(sut.allows(altendorf), false);
  });

  it('adds the team condition to a query, and nothing for every team', async () => {
    const dataSource = new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      // The real schema from the migrations, as everywhere else; never synchronize.
      entities,
      migrations,
      migrationsRun: true,
    });
    await dataSource.initialize();
    try {
      await dataSource.getRepository(Team).insert([
        { id: altendorf, name: 'Essen-Altendorf' },
        { id: katernberg, name: 'Essen-Katernberg' },
      ]);
      const query = () => dataSource.getRepository(Team).createQueryBuilder('t').orderBy('t.name');
      const own = await TeamScope.team(altendorf).applyTo(query(), 't.id').getMany();
      assert.deepEqual(
        own.map((team) => team.name),
        ['Essen-Altendorf'],
      );
      const all = await TeamScope.allTeams().applyTo(query(), 't.id').getMany();
      assert.equal(all.length, 2);
    } finally {
      await dataSource.destroy();
    }
  });
});
