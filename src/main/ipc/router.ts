// Transport-independent IPC dispatch: checks the channel, parses the arguments with the shared
// schema, runs the handler and wraps the outcome in the {ok, result} | {ok:false, error} envelope.
// The Electron transport and the browser preview's bridge both call dispatch().
import type { z } from 'zod';
import { CodedError } from '../../shared/errors';
import {
  ipcContract,
  isIpcChannel,
  type IpcChannel,
  type IpcEnvelope,
  type IpcParsedArgs,
  type IpcResult,
} from '../../shared/ipc';

export type IpcHandlers = {
  [C in IpcChannel]: (args: IpcParsedArgs<C>) => Promise<IpcResult<C>>;
};

export interface IpcRouter {
  dispatch(channel: unknown, args: unknown): Promise<IpcEnvelope<unknown>>;
}

export interface IpcRouterOptions {
  /** Errors without a code are logged here; the renderer only gets a generic sentence. */
  onUnexpectedError?: (channel: string, error: unknown) => void;
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'arguments';
  return `${where}: ${issue?.message ?? 'is not valid'}`;
}

export function createIpcRouter(handlers: IpcHandlers, options: IpcRouterOptions = {}): IpcRouter {
  return {
    async dispatch(channel, args) {
      if (!isIpcChannel(channel)) {
        return { ok: false, error: { code: 'NOT_FOUND', message: 'Unknown IPC channel.' } };
      }
      const parsed = ipcContract[channel].args.safeParse(args);
      if (!parsed.success) {
        return {
          ok: false,
          error: { code: 'VALIDATION_FAILED', message: describeIssue(parsed.error) },
        };
      }
      try {
        const handler = handlers[channel] as (a: unknown) => Promise<unknown>;
        // Results go through the contract too: whatever a handler returns beyond it (a token,
        // a PUT URL) is stripped before it can reach the renderer.
        const result = ipcContract[channel].result.safeParse(await handler(parsed.data));
        if (!result.success)
          throw new Error(`${channel} returned a result outside the contract`, {
            cause: result.error,
          });
        return { ok: true, result: result.data };
      } catch (error) {
        if (error instanceof CodedError) {
          return { ok: false, error: { code: error.code, message: error.message } };
        }
        options.onUnexpectedError?.(channel, error);
        return {
          ok: false,
          error: { code: 'INTERNAL', message: 'Something went wrong in the app. Try again.' },
        };
      }
    },
  };
}
