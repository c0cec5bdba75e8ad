// The bar across the top: search, sort, whose images (admins), People (admins), the uploads
// and settings toggles, and who is signed in.
import { useAppStore } from '../../store/app-store';
import { Icon } from '../common/Icon';
import { OwnerSwitch } from './OwnerSwitch';
import { SearchBox } from './SearchBox';
import { SortSelect } from './SortSelect';
import { TagFilters } from './TagFilters';
import { UserAvatar } from './UserAvatar';
import { describeTotals } from '../../lib/queue-totals-view';

export function TopBar() {
  const user = useAppStore((s) => s.session?.user ?? null);
  const uploadsOpen = useAppStore((s) => s.uploadsOpen);
  const setUploadsOpen = useAppStore((s) => s.setUploadsOpen);
  const setSettingsOpen = useAppStore((s) => s.setSettingsOpen);
  const view = useAppStore((s) => s.view);
  const setView = useAppStore((s) => s.setView);
  const signOut = useAppStore((s) => s.signOut);
  const active = useAppStore((s) => describeTotals(s.queueTotals).active);

  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand__mark" aria-hidden="true">
          <Icon name="images" size={20} />
        </span>
        <span className="brand__name">Image Desk</span>
      </div>
      <div className="topbar__tools">
        <SearchBox />
        <SortSelect />
        <TagFilters />
        {user?.role === 'admin' ? <OwnerSwitch /> : null}
      </div>
      <div className="topbar__end">
        {user?.role === 'admin' ? (
          <button
            type="button"
            className={`button button--ghost${view === 'people' ? ' is-active' : ''}`}
            aria-pressed={view === 'people'}
            onClick={() => setView(view === 'people' ? 'gallery' : 'people')}
          >
            <Icon name="users" />
            <span className="button__label">People</span>
          </button>
        ) : null}
        <button
          type="button"
          className={`button button--ghost${uploadsOpen ? ' is-active' : ''}`}
          aria-pressed={uploadsOpen}
          onClick={() => setUploadsOpen(!uploadsOpen)}
        >
          <Icon name="upload" />
          <span className="button__label">Uploads</span>
          {active > 0 ? <span className="badge">{active.toLocaleString()}</span> : null}
        </button>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => setSettingsOpen(true)}
        >
          <Icon name="settings" />
          <span className="button__label">Settings</span>
        </button>
        <span className="user-chip" title={user?.email}>
          <UserAvatar
            userId={user?.id}
            avatarKey={user?.avatarKey ?? null}
            initial={(user?.username ?? '?').slice(0, 1).toUpperCase()}
          />
          <span className="user-chip__name">{user?.username}</span>
        </span>
        <button
          type="button"
          className="icon-button"
          aria-label="Sign out"
          title="Sign out"
          onClick={() => void signOut()}
        >
          <Icon name="logout" />
        </button>
      </div>
    </header>
  );
}
