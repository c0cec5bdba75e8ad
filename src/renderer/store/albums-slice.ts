// Albums: the sidebar's list, create/rename/delete, and moving images into one (or out of all).
import type { Album, Image } from '../../shared/api';
import { errorMessage, invoke } from '../lib/ipc';
import { plural } from '../lib/format';
import type { SliceCreator } from './app-store';

/** Moves run a few at a time: one images:update per image, without flooding the server. */
const MOVE_CONCURRENCY = 4;

export interface AlbumsSlice {
  albums: readonly Album[];
  albumsError: string | null;
  loadAlbums(): Promise<void>;
  /** Each returns an error sentence, or null when it worked. */
  createAlbum(name: string): Promise<string | null>;
  renameAlbum(id: string, name: string): Promise<string | null>;
  deleteAlbum(id: string): Promise<string | null>;
  moveImagesToAlbum(ids: readonly string[], albumId: string | null): Promise<void>;
}

async function eachLimited<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

const byName = (a: Album, b: Album) => a.name.localeCompare(b.name);

export const createAlbumsSlice: SliceCreator<AlbumsSlice> = (set, get) => ({
  albums: [],
  albumsError: null,

  async loadAlbums() {
    try {
      const { albums } = await invoke('albums:list');
      set({ albums: [...albums].sort(byName), albumsError: null });
    } catch (error) {
      set({ albumsError: errorMessage(error) });
    }
  },

  async createAlbum(name) {
    try {
      const { album } = await invoke('albums:create', { name });
      set((s) => ({ albums: [...s.albums, album].sort(byName) }));
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  },

  async renameAlbum(id, name) {
    try {
      const { album } = await invoke('albums:rename', { id, name });
      set((s) => ({ albums: s.albums.map((a) => (a.id === id ? album : a)).sort(byName) }));
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  },

  async deleteAlbum(id) {
    try {
      await invoke('albums:delete', { id });
      set((s) => ({ albums: s.albums.filter((a) => a.id !== id) }));
      // Its images stay, in no album: the shown list and counts change.
      if (get().galleryQuery.albumId === id) get().setGalleryQuery({ albumId: null });
      else void get().loadGallery();
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  },

  async moveImagesToAlbum(ids, albumId) {
    const moved: Image[] = [];
    let firstError: string | null = null;
    let failed = 0;
    await eachLimited(ids, MOVE_CONCURRENCY, async (id) => {
      try {
        const { image } = await invoke('images:update', { id, changes: { albumId } });
        moved.push(image);
      } catch (error) {
        failed += 1;
        firstError ??= errorMessage(error);
      }
    });
    get().replaceImages(moved);
    void get().loadAlbums();
    const target = albumId ? get().albums.find((a) => a.id === albumId)?.name : null;
    if (moved.length > 0) {
      const where = target ? `to “${target}”` : 'out of their album';
      get().notify(`Moved ${plural(moved.length, 'image')} ${where}.`, 'success');
    }
    if (firstError) {
      const more = failed > 1 ? ` (${plural(failed, 'image')} not moved)` : '';
      get().notify(`${firstError}${more}`, 'error');
    }
  },
});
