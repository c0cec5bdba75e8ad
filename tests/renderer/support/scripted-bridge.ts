// window.imageDesk for jsdom: the preload needs Electron, so this stands in for it. Channels
// answer what the test scripts (or NOT_FOUND), calls are recorded, and push events are emitted
// by hand.
import type {
  ImageDeskBridge,
  IpcChannel,
  IpcEnvelope,
  IpcEventName,
  IpcEventPayload,
  IpcResult,
} from '../../../src/shared/ipc';

type Answer<C extends IpcChannel> = IpcEnvelope<IpcResult<C>> | (() => IpcEnvelope<IpcResult<C>>);

export function installScriptedBridge() {
  const answers = new Map<IpcChannel, Answer<IpcChannel>>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: Array<[IpcChannel, unknown]> = [];
  const bridge: ImageDeskBridge = {
    async invoke(channel, args) {
      calls.push([channel, args]);
      const answer = answers.get(channel);
      if (!answer) return { ok: false, error: { code: 'NOT_FOUND', message: `no ${channel}` } };
      return (typeof answer === 'function' ? answer() : answer) as never;
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    pathForFile: () => '',
    previewUrl: (id) => `app://image-desk/preview/${id}`,
  };
  (window as unknown as { imageDesk?: ImageDeskBridge }).imageDesk = bridge;
  return {
    calls,
    answer<C extends IpcChannel>(channel: C, result: IpcResult<C>) {
      answers.set(channel, { ok: true, result } as Answer<IpcChannel>);
    },
    refuse(channel: IpcChannel, error: { code: 'CONFLICT' | 'INTERNAL'; message: string }) {
      answers.set(channel, { ok: false, error });
    },
    emit<E extends IpcEventName>(event: E, payload: IpcEventPayload<E>) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    uninstall() {
      delete (window as unknown as { imageDesk?: ImageDeskBridge }).imageDesk;
    },
  };
}
