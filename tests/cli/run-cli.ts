// Runs the real CLI (compiled, as `npm run cli` and the `image-desk` command run it) as a child
// process, the way a script would.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { nodeArgs } from '../support/compiled';

const root = path.resolve(import.meta.dirname, '../..');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  args: string[],
  options: { env?: Record<string, string>; stdin?: string } = {},
): Promise<CliResult> {
  const argv = await nodeArgs('cli', ...args);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, {
      cwd: root,
      env: {
        ...process.env,
        ...options.env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

/** `signup` or `login` through the CLI, the password on stdin as a script would pass it. */
export function cliSignIn(
  command: 'signup' | 'login',
  account: { serverUrl: string; email: string; password: string; username?: string },
  env: Record<string, string>,
): Promise<CliResult> {
  const username = command === 'signup' ? ['--username', account.username ?? 'user'] : [];
  return runCli(
    [
      '--server',
      account.serverUrl,
      command,
      '--email',
      account.email,
      ...username,
      '--password-stdin',
    ],
    { env, stdin: `${account.password}\n` },
  );
}
