import { openPage, routes } from './routes';

/** Where the guide screens lead: each opener names its page and the one parameter it needs. */

export function openGuide(code: string): void {
  openPage(routes.guideDetail, { code });
}

export function openGuideSearch(query = ''): void {
  openPage(routes.guideSearch, query.trim() ? { q: query.trim() } : {});
}

/** 一件事: the guides a life event (新生儿出生, 开办企业 …) brings together. */
export function openLifeEvent(lifeEvent: string): void {
  openPage(routes.guideList, { lifeEvent });
}

export function openChecklist(code: string, name: string): void {
  openPage(routes.guideChecklist, { code, name });
}

export function openErrorReport(code: string, name: string): void {
  openPage(routes.guideErrorReport, { code, name });
}

/** 预约办理 for a guide: hall → day → slot → confirm (booking subpackage). */
export function openBooking(code: string): void {
  openPage(routes.booking, { code });
}
