import { homeScreenSchema, type HomeScreen } from '@govpocket/shared';
import { bffClient } from './api-client';

/** `GET /home`: hot items and life events for everyone; next appointment and unread count when signed in. */
export function fetchHomeScreen(): Promise<HomeScreen> {
  return bffClient.request({ path: '/home', responseSchema: homeScreenSchema });
}
