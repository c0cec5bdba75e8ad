// The gallery: the query (search, sort, album, owner), the loaded pages of images, the
// selection, the preview, and the edits and deletes made from here.
import type { Image, ImageSort, UpdateImageRequest } from '../../shared/api';
import { appendPage, mergeHead } from '../lib/gallery-merge';
import { createRefreshThrottle } from '../lib/refresh-throttle';
import { errorMessage, invoke } from '../lib/ipc';
import { plural } from '../lib/format';
import {
  EMPTY_SELECTION,
  clearSelection,
  clickItem,
  moveFocus,
  pruneSelection,
  selectAll,
  toggleFocused,
  type Modifiers,
  type Selection,
} from '../lib/selection';
import type { SliceCreator } from './app-store';

const PAGE_SIZE = 100;
/** At most one background refresh of the first page per interval while uploads finish. */
const REFRESH_INTERVAL_MS = 1_000;
const DELETE_BATCH = 500;

export interface GalleryQuery {
  q: string;
  sort: ImageSort;
  /** An album id, 'none' for images in no album, or null for all. */
  albumId: string | null;
  owner: 'me' | 'all';
  /** Only images carrying every one of these tags. */
  tags: readonly string[];
  /** The Trash instead of the gallery (newest trashed first; the other fields do not apply). */
  trash: boolean;
}

export interface GallerySlice {
  galleryQuery: GalleryQuery;
  images: Readonly<Record<string, Image>>;
  imageIds: readonly string[];
  nextCursor: string | null;
  galleryStatus: 'idle' | 'loading' | 'ready' | 'error';
  galleryLoadingMore: boolean;
  galleryError: string | null;
  selection: Selection;
  previewId: string | null;
  setGalleryQuery(patch: Partial<GalleryQuery>): void;
  loadGallery(): Promise<void>;
  loadMoreImages(): Promise<void>;
  scheduleGalleryRefresh(): void;
  resetGallery(): void;
  select(id: string, mods?: Modifiers): void;
  moveSelection(delta: number, mods?: Modifiers): void;
  toggleFocusedImage(): void;
  selectAllImages(): void;
  clearImageSelection(): void;
  setPreviewId(id: string | null): void;
  updateImage(id: string, changes: UpdateImageRequest): Promise<string | null>;
  /** Moves images to the trash; the notice offers Undo. */
  deleteImages(ids: readonly string[]): Promise<void>;
  restoreImages(ids: readonly string[]): Promise<void>;
  deleteImagesForever(ids: readonly string[]): Promise<void>;
  emptyTrash(): Promise<void>;
  /** Local bookkeeping after images changed elsewhere (moved out of the shown album). */
  replaceImages(changed: readonly Image[]): void;
  removeImages(ids: readonly string[]): void;
}

const INITIAL_QUERY: GalleryQuery = {
  q: '',
  sort: 'newest',
  albumId: null,
  owner: 'me',
  tags: [],
  trash: false,
};

function listArgs(query: GalleryQuery, cursor?: string) {
  if (query.trash)
    return { limit: PAGE_SIZE, trash: 'true' as const, ...(cursor ? { cursor } : {}) };
  return {
    limit: PAGE_SIZE,
    sort: query.sort,
    ...(query.q.trim() ? { q: query.q.trim() } : {}),
    ...(query.tags.length > 0 ? { tag: [...query.tags] } : {}),
    ...(query.albumId ? { albumId: query.albumId } : {}),
    ...(query.owner === 'all' ? { owner: 'all' as const } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

function byId(images: readonly Image[]): Record<string, Image> {
  return Object.fromEntries(images.map((image) => [image.id, image]));
}

/** Runs a bulk call 500 ids at a time; a call that fails outright counts as one failure. */
async function inBatches(
  ids: readonly string[],
  call: (batch: string[]) => Promise<{ done: string[]; failed: Array<{ message: string }> }>,
): Promise<{ done: string[]; failures: string[] }> {
  const done: string[] = [];
  const failures: string[] = [];
  try {
    for (let i = 0; i < ids.length; i += DELETE_BATCH) {
      const answer = await call(ids.slice(i, i + DELETE_BATCH));
      done.push(...answer.done);
      failures.push(...answer.failed.map((f) => f.message));
    }
  } catch (error) {
    failures.push(errorMessage(error));
  }
  return { done, failures };
}

export const createGallerySlice: SliceCreator<GallerySlice> = (set, get) => {
  // Answers to an older query are dropped: each reload bumps the generation.
  let generation = 0;

  function reportFailures(failures: string[]) {
    if (failures.length === 0) return;
    const more = failures.length > 1 ? ` (and ${failures.length - 1} more)` : '';
    get().notify(`${failures[0]}${more}`, 'error');
  }

  function showList(list: readonly Image[], nextCursor: string | null) {
    const imageIds = list.map((image) => image.id);
    set((s) => ({
      images: byId(list),
      imageIds,
      nextCursor,
      galleryStatus: 'ready',
      galleryError: null,
      selection: pruneSelection(s.selection, imageIds),
      previewId: s.previewId && imageIds.includes(s.previewId) ? s.previewId : null,
    }));
  }

  const currentList = () => get().imageIds.map((id) => get().images[id]!);

  /** Fetches the first page again and merges it in, keeping what was scrolled in below it. */
  async function refreshHead(): Promise<void> {
    if (!get().session?.signedIn) return;
    if (get().galleryStatus !== 'ready') return get().loadGallery();
    const mine = generation;
    try {
      const head = await invoke('gallery:list', listArgs(get().galleryQuery));
      if (mine !== generation) return;
      const merged = mergeHead(currentList(), head.images, head.nextCursor === null);
      const replaced = merged.length === head.images.length;
      showList(merged, replaced ? head.nextCursor : get().nextCursor);
      void get().loadAlbums();
    } catch {
      // A background refresh failing is not worth a notice; the next one will try again.
    }
  }
  const refresh = createRefreshThrottle(refreshHead, REFRESH_INTERVAL_MS);

  return {
    galleryQuery: INITIAL_QUERY,
    images: {},
    imageIds: [],
    nextCursor: null,
    galleryStatus: 'idle',
    galleryLoadingMore: false,
    galleryError: null,
    selection: EMPTY_SELECTION,
    previewId: null,

    setGalleryQuery(patch) {
      // Choosing a library row or an album leaves the Trash.
      const trash = patch.trash ?? ('albumId' in patch ? false : get().galleryQuery.trash);
      set((s) => ({
        galleryQuery: { ...s.galleryQuery, ...patch, trash },
        selection: EMPTY_SELECTION,
      }));
      void get().loadGallery();
    },

    async loadGallery() {
      const mine = ++generation;
      set({ galleryStatus: 'loading', galleryError: null, galleryLoadingMore: false });
      try {
        const page = await invoke('gallery:list', listArgs(get().galleryQuery));
        if (mine === generation) showList(page.images, page.nextCursor);
      } catch (error) {
        if (mine === generation) set({ galleryStatus: 'error', galleryError: errorMessage(error) });
      }
    },

    async loadMoreImages() {
      const { nextCursor, galleryLoadingMore, galleryStatus } = get();
      if (!nextCursor || galleryLoadingMore || galleryStatus !== 'ready') return;
      const mine = generation;
      set({ galleryLoadingMore: true });
      try {
        const page = await invoke('gallery:list', listArgs(get().galleryQuery, nextCursor));
        if (mine === generation) showList(appendPage(currentList(), page.images), page.nextCursor);
      } catch (error) {
        if (mine === generation) get().notify(errorMessage(error), 'error');
      } finally {
        if (mine === generation) set({ galleryLoadingMore: false });
      }
    },

    scheduleGalleryRefresh: () => refresh.request(),

    resetGallery() {
      generation += 1;
      refresh.cancel();
      set({
        images: {},
        imageIds: [],
        nextCursor: null,
        galleryStatus: 'idle',
        galleryError: null,
        selection: EMPTY_SELECTION,
        previewId: null,
        galleryQuery: INITIAL_QUERY,
      });
      get().resetThumbs();
    },

    select: (id, mods) => set((s) => ({ selection: clickItem(s.selection, s.imageIds, id, mods) })),
    moveSelection: (delta, mods) =>
      set((s) => ({ selection: moveFocus(s.selection, s.imageIds, delta, mods) })),
    toggleFocusedImage: () => set((s) => ({ selection: toggleFocused(s.selection, s.imageIds) })),
    selectAllImages: () => set((s) => ({ selection: selectAll(s.selection, s.imageIds) })),
    clearImageSelection: () => set((s) => ({ selection: clearSelection(s.selection) })),
    setPreviewId: (previewId) => set({ previewId }),

    async updateImage(id, changes) {
      try {
        const { image } = await invoke('images:update', { id, changes });
        get().replaceImages([image]);
        return null;
      } catch (error) {
        return errorMessage(error);
      }
    },

    async deleteImages(ids) {
      const { done, failures } = await inBatches(ids, async (batch) => {
        const answer = await invoke('images:delete', { ids: batch });
        return { done: answer.deleted, failed: answer.failed };
      });
      get().removeImages(done);
      void get().loadAlbums();
      if (done.length > 0) {
        get().notify(`Moved ${plural(done.length, 'image')} to the Trash.`, 'success', {
          label: 'Undo',
          run: () => void get().restoreImages(done),
        });
      }
      reportFailures(failures);
    },

    async restoreImages(ids) {
      const { done, failures } = await inBatches(ids, async (batch) => {
        const answer = await invoke('images:restore', { ids: batch });
        return { done: answer.restored, failed: answer.failed };
      });
      // In the Trash they leave the list; in the gallery they come back where they belong.
      if (get().galleryQuery.trash) get().removeImages(done);
      else if (done.length > 0) void get().loadGallery();
      void get().loadAlbums();
      if (done.length > 0) get().notify(`Restored ${plural(done.length, 'image')}.`, 'success');
      reportFailures(failures);
    },

    async deleteImagesForever(ids) {
      const { done, failures } = await inBatches(ids, async (batch) => {
        const answer = await invoke('images:delete-forever', { ids: batch });
        return { done: answer.deleted, failed: answer.failed };
      });
      get().removeImages(done);
      if (done.length > 0)
        get().notify(`Deleted ${plural(done.length, 'image')} for good.`, 'success');
      reportFailures(failures);
    },

    async emptyTrash() {
      try {
        const { deleted } = await invoke('trash:empty');
        if (get().galleryQuery.trash) await get().loadGallery();
        get().notify(
          deleted > 0 ? `Deleted ${plural(deleted, 'image')} for good.` : 'The Trash is empty.',
          'success',
        );
      } catch (error) {
        get().notify(errorMessage(error), 'error');
        if (get().galleryQuery.trash) void get().loadGallery();
      }
    },

    replaceImages(changed) {
      const { albumId } = get().galleryQuery;
      const shown = changed.filter((image) => get().images[image.id]);
      // Images moved out of the album being shown leave the list.
      const leaving = shown.filter(
        (image) => albumId !== null && (image.albumId ?? 'none') !== albumId,
      );
      set((s) => ({ images: { ...s.images, ...byId(shown) } }));
      if (leaving.length > 0) get().removeImages(leaving.map((image) => image.id));
    },

    removeImages(ids) {
      if (ids.length === 0) return;
      const gone = new Set(ids);
      showList(
        currentList().filter((image) => !gone.has(image.id)),
        get().nextCursor,
      );
      get().forgetThumbs(ids);
    },
  };
};
