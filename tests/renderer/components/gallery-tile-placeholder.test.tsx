// A gallery tile paints the image's ThumbHash at once, before its thumbnail's URL is even
// signed, and swaps in the thumbnail when it has loaded.
import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render } from '@testing-library/react';
import { rgbaToThumbHash } from 'thumbhash';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GalleryTile } from '../../../src/renderer/components/gallery/GalleryTile';
import { useAppStore } from '../../../src/renderer/store/app-store';
import type { Image } from '../../../src/shared/api';

const initialState = useAppStore.getState();
const ID = '0b5d3f4e-8f1a-4c1e-9a55-3f0f2b7c9d10';

/** A real ThumbHash of a 100 × 50 red-to-blue gradient. */
function gradientHash(): string {
  const w = 100;
  const h = 50;
  const rgba = new Uint8Array(w * h * 4);
  for (let i = 0; i < w * h; i++) {
    const x = i % w;
    rgba.set([255 - (x * 255) / w, 0, (x * 255) / w, 255], i * 4);
  }
  return btoa(String.fromCharCode(...rgbaToThumbHash(w, h, rgba)));
}

function image(thumbhash: string | null): Image {
  return {
    id: ID,
    key: `users/u/${ID}.jpg`,
    thumbnailKey: `users/u/${ID}.webp`,
    ownerId: '6d1f0a3c-1b2e-4f5a-8c9d-0e1f2a3b4c5d',
    filename: 'sunset.jpg',
    contentType: 'image/jpeg',
    size: 1000,
    width: 100,
    height: 50,
    sha256: null,
    title: null,
    alt: null,
    albumId: null,
    tags: [],
    createdAt: new Date().toISOString(),
    takenAt: null,
    sourceSha256: null,
    thumbhash,
    trashedAt: null,
  };
}

const frameOf = (container: HTMLElement) => container.querySelector<HTMLElement>('.tile__frame')!;

beforeEach(() => useAppStore.setState(initialState, true));
afterEach(cleanup);

describe('the tile placeholder', () => {
  it('paints the ThumbHash before the thumbnail loads, then shows the thumbnail alone', () => {
    useAppStore.setState({ images: { [ID]: image(gradientHash()) } });
    const { container, rerender } = render(<GalleryTile id={ID} tabStop x={0} y={0} size={160} />);
    // No signed URL yet: the placeholder is already there.
    expect(container.querySelector('img')).toBeNull();
    expect(frameOf(container).style.backgroundImage).toMatch(/^url\("data:image\/png;base64,/);

    const now = Date.now();
    useAppStore.setState({
      thumbUrls: {
        [ID]: { url: 'https://store.test/t.webp', expiresAt: now + 300_000, signedAt: now },
      },
    });
    rerender(<GalleryTile id={ID} tabStop x={0} y={0} size={160} />);
    const img = container.querySelector('img')!;
    expect(img).not.toHaveClass('is-loaded');
    expect(frameOf(container).style.backgroundImage).toContain('data:image/png');

    fireEvent.load(img);
    expect(img).toHaveClass('is-loaded');
    expect(frameOf(container).style.backgroundImage).toBe('');
  });

  it('shows the plain frame for images registered without a placeholder', () => {
    useAppStore.setState({ images: { [ID]: image(null) } });
    const { container } = render(<GalleryTile id={ID} tabStop x={0} y={0} size={160} />);
    expect(frameOf(container).style.backgroundImage).toBe('');
  });
});
