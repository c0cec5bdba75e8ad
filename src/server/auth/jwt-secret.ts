// The signing secret: JWT_SECRET when given, else one generated on first boot and kept in DATA_DIR.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

const MIN_LENGTH = 32;

async function readSecret(file: string): Promise<string | undefined> {
  try {
    const secret = (await fs.readFile(file, 'utf8')).trim();
    if (secret.length < MIN_LENGTH) {
      // Replacing it silently would sign users out and hide whatever damaged the file.
      throw new Error(
        `${file} holds fewer than ${MIN_LENGTH} characters. Delete it to have a new secret generated (everyone will have to sign in again), or set JWT_SECRET.`,
      );
    }
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export async function resolveJwtSecret(options: {
  configured: string | undefined;
  dataDir: string;
}): Promise<string> {
  if (options.configured) return options.configured;
  const file = path.join(options.dataDir, 'jwt-secret');
  const existing = await readSecret(file);
  if (existing) return existing;

  await fs.mkdir(options.dataDir, { recursive: true });
  // Written in full to a private temp file, then linked into place: the link either appears
  // whole or fails with EEXIST because another process won the race (then its secret is used).
  // A crash can therefore never leave an empty or partial secret file behind.
  const secret = crypto.randomBytes(48).toString('base64url');
  const temp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  await fs.writeFile(temp, secret, { mode: 0o600, flag: 'wx' });
  try {
    await fs.link(temp, file);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = await readSecret(file);
    if (!winner) throw error;
    return winner;
  } finally {
    await fs.rm(temp, { force: true });
  }
}
