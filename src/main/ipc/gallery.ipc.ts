// Gallery, image and album channels: thin calls to the backend with the token kept here.
import { CodedError } from '../../shared/errors';
import { ApiError } from '../services/api-error';
import type { IpcHandlers } from './router';
import type { DesktopContext } from './context';

type GalleryChannels =
  | 'gallery:list'
  | 'gallery:signed-urls'
  | 'images:update'
  | 'images:delete'
  | 'albums:list'
  | 'albums:create'
  | 'albums:rename'
  | 'albums:delete';

/** A 401 from the backend ends the session in the UI; the queue keeps its files. */
function withSession(ctx: DesktopContext) {
  return async <T>(call: () => Promise<T>): Promise<T> => {
    if (!ctx.session.state().signedIn) {
      throw new CodedError('AUTH_REQUIRED', 'Sign in to see your gallery.');
    }
    try {
      return await call();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        ctx.expireSession(error.message);
        throw new CodedError('AUTH_EXPIRED', 'Your session has expired. Sign in again.');
      }
      throw error;
    }
  };
}

export function galleryHandlers(ctx: DesktopContext): Pick<IpcHandlers, GalleryChannels> {
  const call = withSession(ctx);
  const api = () => ctx.session.api();
  return {
    'gallery:list': (query) => call(() => api().listImages(query)),
    'gallery:signed-urls': ({ ids, variant }) => call(() => api().signedUrls(ids, variant)),
    'images:update': ({ id, changes }) => call(() => api().updateImage(id, changes)),
    'images:delete': ({ ids }) => call(() => api().bulkDelete(ids)),
    'albums:list': () => call(() => api().listAlbums()),
    'albums:create': ({ name }) => call(() => api().createAlbum(name)),
    'albums:rename': ({ id, name }) => call(() => api().renameAlbum(id, name)),
    'albums:delete': ({ id }) =>
      call(async () => (await api().deleteAlbum(id), { ok: true as const })),
  };
}
