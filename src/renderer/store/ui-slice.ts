// Window-level UI state: short notices (toasts), which dialogs are open, the upload panel, and
// whether the main area shows the gallery or People.
import type { SliceCreator } from './app-store';

export type NoticeTone = 'info' | 'success' | 'error';

export interface Notice {
  id: number;
  text: string;
  tone: NoticeTone;
}

/** What the signed-in window's main area shows: the gallery, or People (admins). */
export type MainView = 'gallery' | 'people';

export interface UiSlice {
  notices: Notice[];
  view: MainView;
  settingsOpen: boolean;
  deleteConfirmOpen: boolean;
  uploadsOpen: boolean;
  notify(text: string, tone?: NoticeTone): void;
  dismissNotice(id: number): void;
  setSettingsOpen(open: boolean): void;
  setDeleteConfirmOpen(open: boolean): void;
  setUploadsOpen(open: boolean): void;
  setView(view: MainView): void;
}

let nextNoticeId = 1;
const NOTICE_MS = 6_000;
const MAX_NOTICES = 4;

export const createUiSlice: SliceCreator<UiSlice> = (set, get) => ({
  notices: [],
  view: 'gallery',
  settingsOpen: false,
  deleteConfirmOpen: false,
  uploadsOpen: true,
  notify(text, tone = 'info') {
    // The same sentence twice in a row says nothing new (e.g. a failing background refresh).
    if (get().notices.some((n) => n.text === text)) return;
    const id = nextNoticeId++;
    set((s) => ({ notices: [...s.notices, { id, text, tone }].slice(-MAX_NOTICES) }));
    // Errors stay until dismissed: a person may need to read them twice.
    if (tone !== 'error') setTimeout(() => get().dismissNotice(id), NOTICE_MS);
  },
  dismissNotice(id) {
    set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
  },
  setSettingsOpen: (settingsOpen) => set({ settingsOpen }),
  setDeleteConfirmOpen: (deleteConfirmOpen) => set({ deleteConfirmOpen }),
  setUploadsOpen: (uploadsOpen) => set({ uploadsOpen }),
  setView: (view) => set({ view }),
});
