// The date taken leaves the desktop/CLI queue with the registration: read from the source's
// EXIF before metadata is stripped, so the gallery can sort by it.
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { withExifDate } from '../../support/exiftool';
import { listRows, newUser, openQueue, useServer, useTempDir } from './helpers';

const server = useServer();
const tmp = useTempDir();

describe('date taken from the queue', () => {
  it('registers each photo with the date its EXIF gives, or none', async () => {
    const t = server();
    const user = await newUser(t);
    const dir = path.join(tmp(), 'dated');
    await fs.mkdir(dir, { recursive: true });
    const photo = (colour: string) =>
      sharp({ create: { width: 48, height: 32, channels: 3, background: colour } })
        .jpeg()
        .toBuffer();
    const files: Array<[string, Buffer]> = [
      [
        'phone.jpg',
        await withExifDate(await photo('#a33'), {
          dateTimeOriginal: '2023:07:14 21:30:00',
          offsetTimeOriginal: '+09:00',
        }),
      ],
      [
        'camera.jpg',
        await withExifDate(await photo('#3a3'), { dateTimeOriginal: '2015:06:01 08:00:00' }),
      ],
      ['scan.jpg', await photo('#33a')],
    ];
    for (const [name, data] of files) await fs.writeFile(path.join(dir, name), data);

    const { queue } = await openQueue({
      file: path.join(tmp(), 'queue.json'),
      api: () => user.api,
    });
    await queue.add([dir]);
    queue.start();
    await queue.idle();
    await queue.close();

    const rows = await listRows(t, user.token);
    const byName = Object.fromEntries(rows.map((r) => [r.filename, r.takenAt]));
    expect(byName).toEqual({
      'phone.jpg': '2023-07-14T21:30:00+09:00',
      'camera.jpg': '2015-06-01T08:00:00',
      'scan.jpg': null,
    });
    // The placeholder travels with the same registration.
    expect(rows.every((r) => typeof r.thumbhash === 'string' && r.thumbhash.length > 0)).toBe(true);
  });
});
