// downloadToFile, the part of "Download original" that writes the file: what a person finds on
// disk when storage refuses or the connection drops half-way (a real HTTP server stands in for
// the store; the whole path through a signed URL is in tests/main/ipc/router.test.ts).
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadToFile } from '../../../src/main/services/download-original';
import { tempDirs } from './helpers';

const BYTES = Buffer.alloc(256 * 1024, 7);
let server: http.Server;
let base: string;
const newDir = tempDirs('image-desk-download-');

beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (request.url === '/ok') return void response.end(BYTES);
    if (request.url === '/denied') return void response.writeHead(403).end('AccessDenied');
    // Promises the whole file, sends half, then drops the connection.
    response.writeHead(200, { 'content-length': String(BYTES.length) });
    response.write(BYTES.subarray(0, BYTES.length / 2), () => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('downloadToFile', () => {
  it('writes every byte under the chosen name and nothing else', async () => {
    const dir = await newDir();
    const file = path.join(dir, 'photo.jpg');
    expect(await downloadToFile(`${base}/ok`, file)).toBe(BYTES.length);
    expect((await fs.readFile(file)).equals(BYTES)).toBe(true);
    expect(await fs.readdir(dir)).toEqual(['photo.jpg']);
  });

  it('says storage refused, and writes nothing', async () => {
    const dir = await newDir();
    await expect(downloadToFile(`${base}/denied`, path.join(dir, 'x.jpg'))).rejects.toMatchObject({
      code: 'STORAGE_UNAVAILABLE',
      message: expect.stringContaining('storage answered 403'),
    });
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('keeps the file that was there when the connection drops half-way', async () => {
    const dir = await newDir();
    const file = path.join(dir, 'photo.jpg');
    await fs.writeFile(file, 'the older file');
    await expect(downloadToFile(`${base}/cut`, file)).rejects.toMatchObject({
      code: 'NETWORK_ERROR',
    });
    expect(await fs.readFile(file, 'utf8')).toBe('the older file');
    expect(await fs.readdir(dir)).toEqual(['photo.jpg']);
  });

  it('says storage did not answer when nothing listens', async () => {
    const dir = await newDir();
    await expect(
      downloadToFile('http://127.0.0.1:9/none', path.join(dir, 'x.jpg')),
    ).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    expect(await fs.readdir(dir)).toEqual([]);
  });
});
