// Undo of a bulk edit puts every image back as it was, in as few requests as their old values allow.
import { describe, expect, it } from 'vitest';
import type { Image } from '../../../src/shared/api';
import { undoRequests } from '../../../src/renderer/lib/bulk-edit-undo';

function image(id: string, fields: Partial<Image> = {}): Image {
  return {
    id,
    key: `users/u/${id}.png`,
    thumbnailKey: null,
    ownerId: '00000000-0000-4000-8000-000000000000',
    filename: `${id}.png`,
    contentType: 'image/png',
    size: 10,
    width: 1,
    height: 1,
    sha256: null,
    title: null,
    alt: null,
    albumId: null,
    tags: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    takenAt: null,
    thumbhash: null,
    trashedAt: null,
    sourceSha256: null,
    ...fields,
  };
}

describe('undoRequests', () => {
  it('reverts added tags on images that had none in one request', () => {
    const before = [image('a'), image('b')];
    const after = [image('a', { tags: ['sea'] }), image('b', { tags: ['sea'] })];
    expect(undoRequests(before, after, { addTags: ['sea'] })).toEqual([
      { ids: ['a', 'b'], removeTags: ['sea'] },
    ]);
  });

  it('does not remove a tag an image already had, and puts back removed ones', () => {
    const before = [image('a', { tags: ['sea', 'old'] }), image('b', { tags: ['old'] })];
    const after = [image('a', { tags: ['sea'] }), image('b', { tags: ['sea'] })];
    expect(undoRequests(before, after, { addTags: ['sea'], removeTags: ['old'] })).toEqual([
      { ids: ['a'], addTags: ['old'] },
      { ids: ['b'], removeTags: ['sea'], addTags: ['old'] },
    ]);
  });

  it('restores each old title, alt and album, grouping equal ones', () => {
    const before = [
      image('a', { title: 'One', albumId: null }),
      image('b', { title: 'One', albumId: null }),
      image('c', { title: null, alt: 'x', albumId: '11111111-1111-4111-8111-111111111111' }),
    ];
    const after = before.map((i) => ({ ...i, title: 'New', alt: null, albumId: null }));
    expect(undoRequests(before, after, { title: 'New', alt: null, albumId: null })).toEqual([
      { ids: ['a', 'b'], title: 'One', alt: null, albumId: null },
      {
        ids: ['c'],
        title: null,
        alt: 'x',
        albumId: '11111111-1111-4111-8111-111111111111',
      },
    ]);
  });
});
