// People channels (administrators): list accounts, invite, change a role, disable or enable,
// issue a password reset, delete. The server decides who may; a member gets its FORBIDDEN.
import type { IpcHandlers } from './router';
import type { DesktopContext } from './context';
import { withSession } from './session-call';

type PeopleChannels =
  'people:list' | 'people:invite' | 'people:update' | 'people:reset-password' | 'people:delete';

export function peopleHandlers(ctx: DesktopContext): Pick<IpcHandlers, PeopleChannels> {
  const call = withSession(ctx);
  const api = () => ctx.session.api();
  return {
    'people:list': ({ cursor }) => call(() => api().listUsers(cursor ? { cursor } : {})),
    'people:invite': (body) => call(() => api().createInvite(body)),
    'people:update': ({ id, changes }) => call(() => api().updateUser(id, changes)),
    'people:reset-password': ({ id }) => call(() => api().createPasswordReset(id)),
    'people:delete': ({ id }) =>
      call(async () => (await api().deleteUser(id), { ok: true as const })),
  };
}
