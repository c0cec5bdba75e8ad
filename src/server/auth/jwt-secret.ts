// The signing secret: JWT_SECRET when given, else one generated on first boot and kept in DATA_DIR.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export async function resolveJwtSecret(options: {
  configured: string | undefined;
  dataDir: string;
}): Promise<string> {
  if (options.configured) return options.configured;
  const file = path.join(options.dataDir, 'jwt-secret');
  try {
    const existing = (await fs.readFile(file, 'utf8')).trim();
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = crypto.randomBytes(48).toString('base64url');
  await fs.mkdir(options.dataDir, { recursive: true });
  // 'wx' fails if another process won the race; then its secret is the one to use.
  try {
    await fs.writeFile(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return (await fs.readFile(file, 'utf8')).trim();
  }
}
