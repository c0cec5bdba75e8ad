// Window-level UI state: short notices (toasts), which dialogs are open, the upload panel, and
// whether the main area shows the gallery or People.
import type { SliceCreator } from './app-store';

export type NoticeTone = 'info' | 'success' | 'error';

/** A button on a notice (Undo): it runs once, and the notice goes. */
export interface NoticeAction {
  label: string;
  run(): void;
}

export interface Notice {
  id: number;
  text: string;
  tone: NoticeTone;
  action?: NoticeAction | undefined;
}

/** What the signed-in window's main area shows: the gallery, or People (admins). */
export type MainView = 'gallery' | 'people';

export interface UiSlice {
  notices: Notice[];
  view: MainView;
  settingsOpen: boolean;
  deleteConfirmOpen: boolean;
  emptyTrashConfirmOpen: boolean;
  uploadsOpen: boolean;
  notify(text: string, tone?: NoticeTone, action?: NoticeAction): void;
  dismissNotice(id: number): void;
  setSettingsOpen(open: boolean): void;
  setDeleteConfirmOpen(open: boolean): void;
  setEmptyTrashConfirmOpen(open: boolean): void;
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
  emptyTrashConfirmOpen: false,
  uploadsOpen: true,
  notify(text, tone = 'info', action) {
    // The same sentence twice in a row says nothing new (e.g. a failing background refresh);
    // one with an action (Undo) is always shown: each undoes its own step.
    if (!action && get().notices.some((n) => n.text === text)) return;
    const id = nextNoticeId++;
    set((s) => ({ notices: [...s.notices, { id, text, tone, action }].slice(-MAX_NOTICES) }));
    // Errors stay until dismissed: a person may need to read them twice.
    if (tone !== 'error') setTimeout(() => get().dismissNotice(id), NOTICE_MS);
  },
  dismissNotice(id) {
    set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
  },
  setSettingsOpen: (settingsOpen) => set({ settingsOpen }),
  setDeleteConfirmOpen: (deleteConfirmOpen) => set({ deleteConfirmOpen }),
  setEmptyTrashConfirmOpen: (emptyTrashConfirmOpen) => set({ emptyTrashConfirmOpen }),
  setUploadsOpen: (uploadsOpen) => set({ uploadsOpen }),
  setView: (view) => set({ view }),
});
