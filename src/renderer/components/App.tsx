// The top of the tree: a start-up screen until the session is known, then sign-in or the
// workspace; notices float above either.
import { useNoFileNavigation } from '../hooks/useNoFileNavigation';
import { useAppStore } from '../store/app-store';
import { AuthScreen } from './auth/AuthScreen';
import { Notices } from './common/Notices';
import { StartupScreen } from './workspace/StartupScreen';
import { Workspace } from './workspace/Workspace';

export function App() {
  useNoFileNavigation();
  const known = useAppStore((s) => s.session !== null);
  const signedIn = useAppStore((s) => s.session?.signedIn ?? false);
  return (
    <>
      {!known ? <StartupScreen /> : signedIn ? <Workspace /> : <AuthScreen />}
      <Notices />
    </>
  );
}
