// The desktop app's self-update as the window shows it: the updater's state (pushed by the main
// process) and the one thing a person does with it, restarting into a downloaded version.
import type { UpdateState } from '../../shared/updates';
import { errorMessage, invoke } from '../lib/ipc';
import type { SliceCreator } from './app-store';

export interface UpdateSlice {
  /** null until the main process has answered. */
  update: UpdateState | null;
  /** The ready version the person put off with "Later"; a newer one is offered again. */
  updateDeferred: string | null;
  updateRestarting: boolean;
  loadUpdateState(): Promise<void>;
  setUpdateState(state: UpdateState): void;
  restartToUpdate(): Promise<void>;
  deferUpdate(): void;
}

export const createUpdateSlice: SliceCreator<UpdateSlice> = (set, get) => ({
  update: null,
  updateDeferred: null,
  updateRestarting: false,

  async loadUpdateState() {
    try {
      set({ update: await invoke('update:get-state') });
    } catch (error) {
      // Nothing for the person to do: the next update:state event brings the state anyway.
      console.warn('[image-desk] the update state could not be read:', errorMessage(error));
    }
  },

  setUpdateState: (update) => set({ update }),

  async restartToUpdate() {
    set({ updateRestarting: true });
    try {
      // On success the app quits and restarts: nothing to do after.
      await invoke('update:restart');
    } catch (error) {
      set({ updateRestarting: false });
      get().notify(errorMessage(error), 'error');
    }
  },

  deferUpdate() {
    const { update } = get();
    if (update?.status === 'ready') set({ updateDeferred: update.version });
  },
});
