import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { staffConsultationSchema, type ConsultationInput, type StaffConsultation } from '@govpocket/shared';
import { openDueConsultations } from '../../bff/src/modules/consultation';
import type { WechatTestApp } from '../support/fake-wechat-app';
import type { LoggedIn } from '../support/factories';

/** Builders shared by the consultation suites: a draft's input, a consultation opened by the job. */
export function shanghaiToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function draftInput(overrides: Partial<ConsultationInput> = {}): ConsultationInput {
  return {
    title: `《清江市测试管理办法（征求意见稿）》${randomUUID().slice(0, 4)}`,
    summary: '规范测试管理，公开征求意见。',
    background: '为规范本市测试管理工作，起草了本办法。',
    basis: '《中华人民共和国立法法》',
    startDate: shanghaiToday(),
    contact: { name: '市测试局法规处', phone: '0576-88000000', email: 'fg@test.example.cn', address: '清江市市民大道1号' },
    sections: [
      { heading: '第一章 总则', body: '为了规范测试管理，制定本办法。' },
      { heading: '第一章 总则', body: '本办法适用于本市行政区域内的测试活动。' },
      { heading: '第二章 管理', body: '测试单位应当在每年三月底前报送年度测试计划。' },
    ],
    ...overrides,
  };
}

export const api = (t: WechatTestApp) => request(t.app.callback());

export async function createDraft(t: WechatTestApp, staff: LoggedIn, departmentId: string, overrides: Partial<ConsultationInput> = {}): Promise<StaffConsultation> {
  const response = await api(t).post(`/staff/departments/${departmentId}/consultations`).set(staff.auth).send(draftInput(overrides));
  if (response.status !== 201) throw new Error(`create failed: ${response.status} ${JSON.stringify(response.body)}`);
  return staffConsultationSchema.parse(response.body);
}

/** A consultation that started today and was opened by the lifecycle job. */
export async function createOpenConsultation(t: WechatTestApp, staff: LoggedIn, departmentId: string, overrides: Partial<ConsultationInput> = {}): Promise<StaffConsultation> {
  const draft = await createDraft(t, staff, departmentId, overrides);
  await openDueConsultations({ prisma: t.prisma }, { now: new Date() });
  return { ...draft, status: 'OPEN' };
}

export async function submitOpinion(t: WechatTestApp, resident: LoggedIn, consultationId: string, body: { sectionId?: string | null; body: string }, key: string = randomUUID()) {
  return api(t).post(`/consultations/${consultationId}/opinions`).set(resident.auth).set('Idempotency-Key', key).send(body);
}
