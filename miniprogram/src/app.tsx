import type { PropsWithChildren } from 'react';
import { startPrivacyAuthorizationListener } from '@/hooks/use-privacy-consent';
import { useProfileSync } from '@/hooks/use-profile';
import './app.scss';

// weapp: WeChat asks the app to show its privacy prompt when a privacy API is used unconsented.
startPrivacyAuthorizationListener();

/** The app shell: pages render as children; session and profile state live in their stores. */
export default function App({ children }: PropsWithChildren) {
  // The profile (长辈版, privacy consent) loads at start-up and after each sign-in.
  useProfileSync();
  return children;
}
