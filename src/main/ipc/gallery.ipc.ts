// Gallery, image and album channels: thin calls to the backend with the token kept here.
import type { IpcHandlers } from './router';
import type { DesktopContext } from './context';
import { withSession } from './session-call';
import { deleteForever, emptyTrash } from '../services/trash-calls';
import { downloadOriginal } from '../services/download-original';

type GalleryChannels =
  | 'gallery:list'
  | 'gallery:signed-urls'
  | 'images:update'
  | 'images:delete'
  | 'images:restore'
  | 'images:delete-forever'
  | 'trash:empty'
  | 'images:bulk-update'
  | 'images:download'
  | 'albums:list'
  | 'albums:create'
  | 'albums:rename'
  | 'albums:delete';

export function galleryHandlers(ctx: DesktopContext): Pick<IpcHandlers, GalleryChannels> {
  const call = withSession(ctx);
  const api = () => ctx.session.api();
  return {
    'gallery:list': (query) => call(() => api().listImages(query)),
    'gallery:signed-urls': ({ ids, variant, expiresIn, disposition }) =>
      call(() => api().signedUrls(ids, variant, { expiresIn, disposition })),
    'images:download': ({ id }) => call(() => downloadOriginal(api(), ctx.chooseSavePath, id)),
    'images:update': ({ id, changes }) => call(() => api().updateImage(id, changes)),
    'images:delete': ({ ids }) => call(() => api().bulkDelete(ids)),
    'images:restore': ({ ids }) => call(() => api().bulkRestore(ids)),
    'images:delete-forever': ({ ids }) => call(() => deleteForever(api(), ids)),
    'trash:empty': () => call(() => emptyTrash(api())),
    'images:bulk-update': (request) => call(() => api().bulkUpdate(request)),
    'albums:list': () => call(() => api().listAlbums()),
    'albums:create': ({ name }) => call(() => api().createAlbum(name)),
    'albums:rename': ({ id, name }) => call(() => api().renameAlbum(id, name)),
    'albums:delete': ({ id }) =>
      call(async () => (await api().deleteAlbum(id), { ok: true as const })),
  };
}
