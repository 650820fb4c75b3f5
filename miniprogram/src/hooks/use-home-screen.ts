import type { HomeScreen } from '@govpocket/shared';
import { chinaDateTime } from '@/format/guide-format';
import { fetchHomeScreen } from '@/services/home-service';
import { useRemoteData, type RemoteData } from './use-remote-data';
import { useReloadOnReturn } from './use-reload-on-return';
import { useSession } from './use-session';

/** A personal panel on the home page: an invitation to log in, or a summary of the user's data. */
export type PersonalPanel =
  | { state: 'signed-out' }
  | { state: 'loading' }
  | { state: 'ready'; summary: string; detail?: string; isHighlighted: boolean }
  | { state: 'unavailable' };

export type HomeScreenView = {
  /** 热门事项 and 一件事 for everyone. */
  guides: RemoteData<Pick<HomeScreen, 'hotGuides' | 'lifeEvents'>>;
  nextAppointment: PersonalPanel;
  unreadMessages: PersonalPanel;
  reload: () => void;
};

/** The 首页 data, from one `GET /home`; read again whenever the page shows (new bookings, messages). */
export function useHomeScreen(): HomeScreenView {
  const { session } = useSession();
  const { state, reload } = useRemoteData(`home:${session?.token ?? 'anonymous'}`, fetchHomeScreen);
  useReloadOnReturn(reload);

  const isSignedIn = session !== null;
  return {
    guides: state.status === 'ready' ? { status: 'ready', data: { hotGuides: state.data.hotGuides, lifeEvents: state.data.lifeEvents } } : state,
    nextAppointment: personalPanel(isSignedIn, state, (screen) => appointmentPanel(screen.nextAppointment)),
    unreadMessages: personalPanel(isSignedIn, state, (screen) => unreadPanel(screen.unreadCount)),
    reload,
  };
}

function personalPanel(isSignedIn: boolean, state: RemoteData<HomeScreen>, toPanel: (screen: HomeScreen) => PersonalPanel): PersonalPanel {
  if (!isSignedIn) return { state: 'signed-out' };
  if (state.status === 'ready') return toPanel(state.data);
  if (state.status === 'error') return { state: 'unavailable' };
  return { state: 'loading' };
}

function appointmentPanel(appointment: HomeScreen['nextAppointment']): PersonalPanel {
  if (!appointment) return { state: 'ready', summary: '暂无待办理的预约', isHighlighted: false };
  const queue = appointment.queueNumber ? ` · 排队号 ${appointment.queueNumber}` : '';
  return { state: 'ready', summary: appointment.itemName, detail: `${chinaDateTime(appointment.startsAt)} · ${appointment.hallName}${queue}`, isHighlighted: true };
}

function unreadPanel(unreadCount: HomeScreen['unreadCount']): PersonalPanel {
  if (!unreadCount) return { state: 'ready', summary: '暂无未读消息', isHighlighted: false };
  return { state: 'ready', summary: `${unreadCount} 条未读消息`, isHighlighted: true };
}
