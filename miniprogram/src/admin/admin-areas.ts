import { routes } from '@/navigation/routes';
import { guideAdminPages } from './guide-admin-routes';

export type AdminArea = {
  key: string;
  title: string;
  description: string;
  /** The area's page; areas without one announce that they are coming. */
  page?: (typeof guideAdminPages)[keyof typeof guideAdminPages];
  /** An area whose pages live in another subpackage (the consultation editors are in staff). */
  route?: typeof routes.staffConsultations;
};

/** The areas an admin maintains; their editors arrive with the admin issues. */
export const adminAreas: readonly AdminArea[] = [
  { key: 'departments', title: '部门', description: '委办局与承办部门、部门信箱' },
  { key: 'halls', title: '大厅与窗口', description: '办事大厅地址与时间、窗口及可办事项' },
  { key: 'schedules', title: '排班', description: '预约时段模板、容量与日期调整' },
  { key: 'guides', title: '办事指南', description: '事项要素、材料清单、流程与时限', page: guideAdminPages.list },
  { key: 'guide-import', title: '办事指南批量导入', description: 'CSV/XLSX 模板、校验与导入、全部导出', page: guideAdminPages.import },
  { key: 'consultations', title: '意见征集', description: '草案发布、征集期与采纳反馈', route: routes.staffConsultations },
  { key: 'holidays', title: '节假日', description: '法定节假日与调休工作日' },
  { key: 'staff-accounts', title: '员工账号', description: '角色与范围、一次性绑定码' },
  { key: 'settings', title: '设置', description: '预约规则、办理时限、消息模板等参数' },
];
