// The one bound store, made of slices; components select single fields (or use useShallow).
import { create, type StateCreator } from 'zustand';
import { setAuthErrorHandler } from '../lib/ipc';
import { createAlbumsSlice, type AlbumsSlice } from './albums-slice';
import { createBulkEditSlice, type BulkEditSlice } from './bulk-edit-slice';
import { createGallerySlice, type GallerySlice } from './gallery-slice';
import { createPeopleSlice, type PeopleSlice } from './people-slice';
import { createQueueSlice, type QueueSlice } from './queue-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';
import { createThumbsSlice, type ThumbsSlice } from './thumbs-slice';
import { createUiSlice, type UiSlice } from './ui-slice';
import { createUpdateSlice, type UpdateSlice } from './update-slice';

export type AppState = SessionSlice &
  SettingsSlice &
  QueueSlice &
  GallerySlice &
  BulkEditSlice &
  ThumbsSlice &
  AlbumsSlice &
  PeopleSlice &
  UiSlice &
  UpdateSlice;

export type SliceCreator<T> = StateCreator<AppState, [], [], T>;

export const useAppStore = create<AppState>()((...a) => ({
  ...createSessionSlice(...a),
  ...createSettingsSlice(...a),
  ...createQueueSlice(...a),
  ...createGallerySlice(...a),
  ...createBulkEditSlice(...a),
  ...createThumbsSlice(...a),
  ...createAlbumsSlice(...a),
  ...createPeopleSlice(...a),
  ...createUiSlice(...a),
  ...createUpdateSlice(...a),
}));

// Any call that finds the session gone (AUTH_EXPIRED / AUTH_REQUIRED) lands on sign-in.
setAuthErrorHandler((message) => useAppStore.getState().sessionExpired(message));
