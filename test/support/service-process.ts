import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The built service (`npm run build` writes it). */
export const serviceMainJs = join(__dirname, '..', '..', 'src', 'main.js');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Service {
  child: ChildProcess;
  baseUrl: string;
}

/** Starts `node dist/src/main.js` on a free loopback port and waits for /health. */
export async function startService(env: Record<string, string>): Promise<Service> {
  const port = await freePort();
  const child = spawn(process.execPath, [serviceMainJs], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let waited = 0; waited < 30000; waited += 100) {
    if (child.exitCode !== null) {
      throw new Error(`the service stopped at start-up: ${stderr}`);
    }
    try {
      if ((await fetch(`${baseUrl}/health`)).status < 500) {
        return { child, baseUrl };
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the service did not listen within 30 s: ${stderr}`);
}

export function killHard(service: Service): Promise<void> {
  return new Promise((resolve) => {
    if (service.child.exitCode !== null || service.child.signalCode !== null) {
      resolve();
      return;
    }
    service.child.once('exit', () => resolve());
    service.child.kill('SIGKILL');
  });
}
