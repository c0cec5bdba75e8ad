// Runs a backend call for the signed-in user: refused while signed out, and a 401 from the
// backend ends the session in the UI with the server's sentence (the queue keeps its files).
import { CodedError } from '../../shared/errors';
import { ApiError } from '../services/api-error';
import type { DesktopContext } from './context';

export function withSession(ctx: DesktopContext) {
  return async <T>(call: () => Promise<T>): Promise<T> => {
    if (!ctx.session.state().signedIn) {
      throw new CodedError('AUTH_REQUIRED', 'Sign in to see your gallery.');
    }
    try {
      return await call();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        // "Your session has expired", "This account has been disabled", "This session has
        // ended: the password was changed…": the sign-in screen shows which.
        ctx.expireSession(error.message);
        throw new CodedError('AUTH_EXPIRED', 'Your session has expired. Sign in again.');
      }
      throw error;
    }
  };
}
