// The People screen as an admin uses it, against the real main process and backend (see
// support/live-desktop.ts): reached from the top bar; invite (the code shown once, and it works
// for that email); change a role; disable (the server refuses that person's token at once);
// reset a password (a code shown once); delete after a confirmation; and the server's sentence
// when the last administrator would be demoted. Also the Change password form in Settings.
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../../src/renderer/components/App';
import { useAppStore } from '../../../src/renderer/store/app-store';
import { fillJsdomGaps } from '../support/jsdom-gaps';
import { startLiveDesktop, type LiveDesktop } from '../support/live-desktop';

const PASSWORD = 'correct horse battery';
let live: LiveDesktop;

beforeAll(async () => {
  fillJsdomGaps();
  live = await startLiveDesktop();
  (window as unknown as { imageDesk: unknown }).imageDesk = live.bridge;
  const ok = await useAppStore.getState().signUp({
    serverUrl: live.serverUrl,
    email: 'admin@example.com',
    password: PASSWORD,
    username: 'Admin',
    avatar: null,
  });
  expect(ok, useAppStore.getState().authError ?? '').toBe(true);
}, 120_000);
afterEach(() => cleanup());
afterAll(() => live?.stop());

async function api(method: string, path: string, body?: unknown, token?: string) {
  const response = await fetch(`${live.serverUrl}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

async function openPeople() {
  const user = userEvent.setup();
  act(() => useAppStore.getState().setView('gallery'));
  render(<App />);
  await user.click(await screen.findByRole('button', { name: 'People' }));
  const table = await screen.findByRole('table', { name: 'People' });
  await within(table).findByRole('row', { name: 'Admin' });
  return { user, table };
}

describe('the People screen', () => {
  it('invites, changes a role, disables, resets a password and deletes', async () => {
    const { user } = await openPeople();
    expect(screen.getByText(/Anyone who reaches this server can create an account/)).toBeTruthy();

    await user.type(screen.getByLabelText('Email to invite'), 'mia@example.com');
    await user.click(screen.getByRole('button', { name: 'Invite' }));
    const codeField = (await screen.findByLabelText('Invite code')) as HTMLInputElement;
    const code = codeField.value;
    expect(code).toMatch(/^inv_[A-Za-z0-9_-]{43}$/);
    expect(screen.getByText(/Shown only now/)).toBeTruthy();
    // The code works, for that email, as Mia signs up on her own machine.
    const mia = await api('POST', '/api/auth/signup', {
      email: 'mia@example.com',
      password: PASSWORD,
      username: 'Mia',
      inviteToken: code,
    });
    expect(mia.status).toBe(201);
    await user.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByLabelText('Invite code')).toBeNull());

    // Back and forth through the top bar reloads the list.
    await user.click(screen.getByRole('button', { name: 'Back to the gallery' }));
    await user.click(screen.getByRole('button', { name: 'People' }));
    // The table was rendered again on the way back: the one from openPeople() is detached.
    const peopleTable = await screen.findByRole('table', { name: 'People' });
    const row = await within(peopleTable).findByRole('row', { name: 'Mia' });
    expect(within(row).getByText('mia@example.com')).toBeTruthy();

    const role = within(row).getByLabelText('Role of Mia') as HTMLSelectElement;
    await user.selectOptions(role, 'admin');
    await waitFor(async () => {
      const listed = await api('POST', '/api/auth/login', {
        email: 'mia@example.com',
        password: PASSWORD,
      });
      expect(listed.body.user.role).toBe('admin');
    });

    await user.click(within(row).getByRole('button', { name: 'Disable Mia' }));
    await within(row).findByText('Disabled');
    expect(within(row).getByRole('button', { name: 'Enable Mia' })).toBeTruthy();
    const refused = await api('GET', '/api/auth/me', undefined, mia.body.token);
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('ACCOUNT_DISABLED');

    await user.click(within(row).getByRole('button', { name: 'Reset password of Mia' }));
    const reset = (await screen.findByLabelText('Password reset code')) as HTMLInputElement;
    expect(reset.value).toMatch(/^rst_/);
    await user.click(screen.getByRole('button', { name: 'Done' }));

    await user.click(within(row).getByRole('button', { name: 'Delete Mia' }));
    const confirm = await screen.findByRole('dialog', { name: 'Delete account' });
    expect(within(confirm).getByText(/cannot be undone/)).toBeTruthy();
    await user.click(within(confirm).getByRole('button', { name: 'Delete account' }));
    await waitFor(() => expect(screen.queryByRole('row', { name: 'Mia' })).toBeNull());
    const gone = await api('POST', '/api/auth/login', {
      email: 'mia@example.com',
      password: PASSWORD,
    });
    expect(gone.status).toBe(401);
    expect(gone.body.error.code).toBe('INVALID_CREDENTIALS');
  });

  it('shows why the last administrator cannot become a member', async () => {
    const { user, table } = await openPeople();
    const self = within(table).getByRole('row', { name: 'Admin' });
    await user.selectOptions(within(self).getByLabelText('Role of Admin'), 'member');
    expect(await screen.findByText(/only enabled administrator/)).toBeTruthy();
    expect((within(self).getByLabelText('Role of Admin') as HTMLSelectElement).value).toBe('admin');
    act(() => useAppStore.setState({ notices: [] }));
  });
});

describe('Change password in Settings', () => {
  it('refuses a wrong current password with a sentence, then changes it', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    const form = await screen.findByRole('form', { name: 'Change password' });
    await user.type(within(form).getByLabelText('Current password'), 'not my password');
    await user.type(within(form).getByLabelText('New password'), 'an even better one');
    await user.type(within(form).getByLabelText('Repeat new password'), 'an even better one');
    await user.click(within(form).getByRole('button', { name: 'Change password' }));
    expect((await within(form).findByRole('alert')).textContent).toMatch(
      /current password is not correct/,
    );

    await user.clear(within(form).getByLabelText('Current password'));
    await user.type(within(form).getByLabelText('Current password'), PASSWORD);
    await user.click(within(form).getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText(/Password changed/)).toBeTruthy();
    // Still signed in (the main process kept the new token), and the new password works.
    expect(useAppStore.getState().session?.signedIn).toBe(true);
    const login = await api('POST', '/api/auth/login', {
      email: 'admin@example.com',
      password: 'an even better one',
    });
    expect(login.status).toBe(200);
    const people = await live.bridge.invoke('people:list', {});
    expect(people.ok).toBe(true);
  });
});
