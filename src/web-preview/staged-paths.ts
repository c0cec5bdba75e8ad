// In Electron, paths come from the person's own drop or file dialog. In the browser preview the
// page can only have got its paths from /bridge/stage, so a path to anything else (~/.ssh, /etc)
// is refused here, before the queue or the avatar upload could read and send it anywhere.
import type { IpcEnvelope } from '../shared/ipc';
import type { StagingArea } from './staging';

const REFUSED: IpcEnvelope<never> = {
  ok: false,
  error: {
    code: 'FORBIDDEN',
    message:
      'The browser preview uploads only files dropped or chosen in this page. Add the files again.',
  },
};

/** The paths an IPC call would read from disk; non-strings are left to the contract's checks. */
function pathsIn(channel: string, args: unknown): string[] {
  if (typeof args !== 'object' || args === null) return [];
  const record = args as Record<string, unknown>;
  if (channel === 'queue:add' && Array.isArray(record.paths))
    return record.paths.filter((p): p is string => typeof p === 'string');
  if (channel === 'session:signup' && typeof record.avatarPath === 'string')
    return [record.avatarPath];
  return [];
}

/** The refusal envelope when a call names a file the bridge did not stage, else undefined. */
export function checkStagedPaths(
  channel: string,
  args: unknown,
  staging: Pick<StagingArea, 'holds'>,
): IpcEnvelope<never> | undefined {
  return pathsIn(channel, args).every((file) => staging.holds(file)) ? undefined : REFUSED;
}
