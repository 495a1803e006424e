// Operator command: create a workspace account. The first admin is created this way; there is
// no default user and no default password anywhere.
//   npm run user:create -- --email <e-mail> --name <name> --role admin|kuemmerer [--team <team name>]
// The password is read from standard input (first line), or asked twice without echo on a
// terminal; never from the command line, where it would end up in the shell history and in `ps`.
// Exit codes: 0 created, 1 user error (arguments, weak password, e-mail taken), 2 internal error.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { AccountsError } from '../src/accounts/accounts.errors';
import { roles, type Role } from '../src/accounts/accounts.types';
import { PasswordHasher } from '../src/accounts/password/password-hasher.service';
import { passwordProblems } from '../src/accounts/password/password-policy.util';
import { SessionsService } from '../src/accounts/sessions.service';
import { TeamsService } from '../src/accounts/teams.service';
import { UsersService } from '../src/accounts/users.service';
import { AuditEvent } from '../src/audit/audit-event.entity';
import { AuditService } from '../src/audit/audit.service';
import { loadConfig } from '../src/config/app-config';
import { databaseOptions } from '../src/database/database-options';

const USAGE = `Aufruf / usage:
  npm run user:create -- --email <e-mail> --name <name> --role admin|kuemmerer [--team <teamname>]
Das Passwort kommt über die Standardeingabe oder wird ohne Anzeige abgefragt.
The password is read from standard input, or asked without echo on a terminal.
  printf '%s\\n' "$PASSWORT" | npm run user:create -- --email ayse.yilmaz@example.org --name "Ayşe Yılmaz" --role admin`;

class UserError extends Error {}

interface CommandLine {
  email: string;
  name: string;
  role: Role;
  team?: string;
}

async function main(argv: string[]): Promise<number> {
  const args = parseCommandLine(argv);
  const password = process.stdin.isTTY ? await askTwice() : await readFirstLine();
  if (!password) {
    throw new UserError('Kein Passwort erhalten. / No password received.');
  }
  // Checked before anything is written: a refused password must not leave a new team behind.
  const problems = passwordProblems(password, args.email);
  if (problems.length > 0) {
    throw new UserError(
      `Das Passwort erfüllt die Regeln nicht. / The password does not meet the rules.\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
  }
  const config = loadConfig();
  const dataSource = new DataSource(databaseOptions(config));
  await dataSource.initialize();
  try {
    const audit = new AuditService(dataSource.getRepository(AuditEvent));
    const teams = new TeamsService(dataSource, audit);
    const users = new UsersService(
      dataSource,
      new PasswordHasher(),
      new SessionsService(dataSource, config),
      audit,
    );
    const actor = 'cli:user-create';
    const team = args.team ? await teams.findOrCreate(args.team, actor) : undefined;
    const user = await users.create(
      { login: args.email, displayName: args.name, role: args.role, teamId: team?.id ?? null, password },
      actor,
    );
    const where = team ? `, Team / team "${team.name}"` : '';
    process.stdout.write(
      `Konto angelegt / account created: ${user.login} (${user.role}${where}) id ${user.id}\n`,
    );
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

function parseCommandLine(argv: string[]): CommandLine {
  if (argv.some((arg) => /^(--password|--passwort|-p)(=|$)/i.test(arg))) {
    throw new UserError(
      'Das Passwort darf nicht auf der Kommandozeile stehen (Shell-Verlauf, Prozessliste). Bitte über die Standardeingabe geben. / Never pass the password as an argument; send it on standard input.',
    );
  }
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        team: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    throw new UserError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (!values.email || !values.name || !values.role) {
    throw new UserError(
      `Bitte --email, --name und --role angeben. / Please give --email, --name and --role.\n${USAGE}`,
    );
  }
  if (!(roles as readonly string[]).includes(values.role)) {
    throw new UserError(`--role muss admin oder kuemmerer sein. / --role must be admin or kuemmerer.`);
  }
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) {
    throw new UserError('Bitte eine gültige E-Mail-Adresse angeben. / Please give a valid e-mail address.');
  }
  return { email: values.email, name: values.name, role: values.role as Role, team: values.team };
}

async function readFirstLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
}

async function askTwice(): Promise<string> {
  const first = await askHidden('Passwort / password: ');
  const second = await askHidden('Noch einmal / again: ');
  if (first !== second) {
    throw new UserError('Die beiden Eingaben sind verschieden. / The two entries differ.');
  }
  return first;
}

/** Reads one line from the terminal in raw mode, so the typed characters are not shown. */
function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    let typed = '';
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const onData = (data: string): void => {
      for (const character of data) {
        if (character === '\r' || character === '\n') {
          finish();
          resolve(typed);
          return;
        }
        if (character === '\u0003') {
          finish();
          reject(new UserError('Abgebrochen. / Cancelled.'));
          return;
        }
        if (character === '\u007f' || character === '\b') {
          typed = [...typed].slice(0, -1).join('');
        } else {
          typed += character;
        }
      }
    };
    const finish = (): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UserError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    if (error instanceof AccountsError) {
      const reasons = error.reasons.map((reason) => `  - ${reason}\n`).join('');
      process.stderr.write(`${error.message}\n${reasons}`);
      process.exit(1);
    }
    process.stderr.write(
      `Interner Fehler / internal error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(2);
  },
);
