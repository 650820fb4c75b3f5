import type { NotificationEvent, PrismaClient } from '../../generated/client/client';
import { pageLinks } from '@govpocket/shared';
import { seedId } from './clock';
import { type People, personaUserId } from './people';

/**
 * A few messages in the in-app message centre, matching the seeded letters and consultations.
 * Links open the letter or consultation itself, built with the same pageLinks as the BFF's.
 */

type MessageSpec = {
  key: string;
  personaKey: string;
  eventType: NotificationEvent;
  title: string;
  body: string;
  link: string;
  hoursAgo: number;
  isRead: boolean;
};

const hourMs = 60 * 60 * 1000;

export async function seedNotifications(prisma: PrismaClient, people: People, letters: Map<string, string>, consultations: Map<string, string>, now: Date): Promise<void> {
  const letterLink = (trackingCode: string): string => {
    const letterId = letters.get(trackingCode);
    if (!letterId) throw new Error(`seed: no letter ${trackingCode} for its message`);
    return pageLinks.residentLetter(letterId);
  };
  const staffLetterLink = (trackingCode: string): string => {
    const letterId = letters.get(trackingCode);
    if (!letterId) throw new Error(`seed: no letter ${trackingCode} for its message`);
    return pageLinks.staffLetter(letterId);
  };
  const consultationLink = (key: string): string => {
    const consultationId = consultations.get(key);
    if (!consultationId) throw new Error(`seed: no consultation ${key} for its message`);
    return pageLinks.consultation(consultationId);
  };
  const messages: MessageSpec[] = [
    {
      key: 'letter-0003-accepted',
      personaKey: 'resident-wang',
      eventType: 'LETTER_ACCEPTED',
      title: '您的来信已受理',
      body: '您于市长信箱提交的来信《个体工商户变更经营场所需要办理哪些手续》已受理，查询码 QJDEMO0003。',
      link: letterLink('QJDEMO0003'),
      hoursAgo: 20,
      isRead: false,
    },
    {
      key: 'letter-0002-not-accepted',
      personaKey: 'resident-wang',
      eventType: 'LETTER_NOT_ACCEPTED',
      title: '您的来信不予受理',
      body: '您的来信《对商品房买卖合同纠纷一审判决不服》属于涉诉涉法事项，请依法通过司法途径解决。',
      link: letterLink('QJDEMO0002'),
      hoursAgo: 120,
      isRead: true,
    },
    {
      key: 'letter-0007-replied',
      personaKey: 'resident-li',
      eventType: 'LETTER_REPLIED',
      title: '您的来信已答复',
      body: '您的来信《父亲去世后办理房产继承公证需要哪些材料》已答复，请查看并在7天内评价。',
      link: letterLink('QJDEMO0007'),
      hoursAgo: 44,
      isRead: false,
    },
    {
      key: 'letter-0004-warning',
      personaKey: 'handler-scjg',
      eventType: 'LETTER_DEADLINE_WARNING',
      title: '来信即将到期',
      body: '来信《江北区一家超市多次销售过期食品》将在2个工作日内到达答复期限，请抓紧办理。',
      link: staffLetterLink('QJDEMO0004'),
      hoursAgo: 6,
      isRead: false,
    },
    {
      key: 'letter-0005-overdue',
      personaKey: 'handler-sifa',
      eventType: 'LETTER_OVERDUE',
      title: '来信已超期',
      body: '来信《母亲被骗购买高价保健品，想申请法律援助》已超过答复期限，已列入督办。',
      link: staffLetterLink('QJDEMO0005'),
      hoursAgo: 3,
      isRead: false,
    },
    {
      key: 'letter-0006-review',
      personaKey: 'office-liu',
      eventType: 'LETTER_REPLY_SUBMITTED',
      title: '有答复待审核',
      body: '市市场监管局已提交来信《网购生鲜食品能否七日无理由退货》的答复，请审核。',
      link: staffLetterLink('QJDEMO0006'),
      hoursAgo: 18,
      isRead: false,
    },
    ...['resident-wang', 'resident-li', 'resident-zhang'].map(
      (personaKey): MessageSpec => ({
        key: `ebike-feedback-${personaKey}`,
        personaKey,
        eventType: 'OPINION_OUTCOME_PUBLISHED',
        title: '意见采纳情况已反馈',
        body: '您对《清江市电动自行车停放充电管理办法（征求意见稿）》提出的意见，采纳情况已公布。',
        link: consultationLink('ebike-charging-2026'),
        hoursAgo: 24 * 75,
        isRead: true,
      }),
    ),
  ];

  await prisma.notification.createMany({
    data: messages.map((message) => {
      const createdAt = new Date(now.getTime() - message.hoursAgo * hourMs);
      return {
        id: seedId('notification', message.key),
        userId: personaUserId(people, message.personaKey),
        eventType: message.eventType,
        title: message.title,
        body: message.body,
        link: message.link,
        readAt: message.isRead ? new Date(createdAt.getTime() + hourMs) : null,
        createdAt,
      };
    }),
    skipDuplicates: true,
  });
}
