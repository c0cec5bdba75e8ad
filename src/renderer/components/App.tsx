// The top of the tree: a start-up screen until the session is known, then sign-in or the
// workspace; the update banner and notices float above either.
import { useNoFileNavigation } from '../hooks/useNoFileNavigation';
import { useAppStore } from '../store/app-store';
import { AuthScreen } from './auth/AuthScreen';
import { Notices } from './common/Notices';
import { UpdateBanner } from './common/UpdateBanner';
import { StartupScreen } from './workspace/StartupScreen';
import { Workspace } from './workspace/Workspace';

export function App() {
  useNoFileNavigation();
  const known = useAppStore((s) => s.session !== null);
  const signedIn = useAppStore((s) => s.session?.signedIn ?? false);
  return (
    <>
      {!known ? <StartupScreen /> : signedIn ? <Workspace /> : <AuthScreen />}
      <UpdateBanner />
      <Notices />
    </>
  );
}
