// Reads a password: from stdin with --password-stdin (scripts), else from a prompt that does
// not echo what is typed.
import readline from 'node:readline';
import { UsageError } from './cli-error';

export async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  // Only the trailing newline that `echo` adds is dropped; other whitespace may be intended.
  const password = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (!password) throw new UsageError('--password-stdin was given but standard input was empty.');
  return password;
}

export async function promptPassword(label = 'Password: '): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new UsageError('No terminal to ask for the password: pipe it in with --password-stdin.');
  }
  const rl = readline.createInterface({
    input: process.stdin,
    output: process.stderr,
    terminal: true,
  });
  const output = rl as unknown as { _writeToOutput: (text: string) => void };
  let prompted = false;
  output._writeToOutput = (text: string) => {
    // Show the prompt once, then nothing of what is typed.
    if (!prompted) {
      process.stderr.write(text);
      prompted = true;
    }
  };
  try {
    return await new Promise<string>((resolve) => rl.question(label, resolve));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}
