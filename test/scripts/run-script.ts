import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export interface ScriptRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a compiled operator script (dist/scripts/<name>.js) the way `npm run` does. */
export function runScript(name: string, args: string[], env: NodeJS.ProcessEnv = {}): ScriptRun {
  // __dirname is dist/test/scripts; the compiled scripts sit in dist/scripts.
  const script = join(__dirname, '..', '..', 'scripts', `${name}.js`);
  const result = spawnSync(process.execPath, [script, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
