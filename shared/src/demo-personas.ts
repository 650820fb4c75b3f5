/**
 * The people of the demo city. The fake WeChat mints login codes for their openids, the seed
 * creates their users and staff accounts, and the H5 persona picker lists them. Demo only:
 * production users come from real WeChat identities.
 */
export type DemoPersonaRole = 'RESIDENT' | 'WINDOW_STAFF' | 'MAILBOX_OFFICE' | 'DEPARTMENT_HANDLER' | 'ADMIN';

export type DemoPersona = {
  key: string;
  openid: string;
  nickname: string;
  /** Mainland mobile number returned by the fake getuserphonenumber. */
  phone: string;
  role: DemoPersonaRole;
  /** Hall name (window staff) or department name (department handler, office) of the staff scope. */
  scopeName?: string;
  description: string;
};

export const demoPersonas: readonly DemoPersona[] = [
  { key: 'resident-zhang', openid: 'oDEMO_resident_zhangxm', nickname: '张晓明', phone: '13857610001', role: 'RESIDENT', description: '居民，江北区，想办护照和预约社保业务' },
  { key: 'resident-li', openid: 'oDEMO_resident_lifang', nickname: '李芳', phone: '13857610002', role: 'RESIDENT', description: '居民，江南区，给市长信箱写过信' },
  { key: 'resident-wang', openid: 'oDEMO_resident_wangjun', nickname: '王军', phone: '13857610003', role: 'RESIDENT', description: '个体工商户，关注开办企业和意见征集' },
  { key: 'window-chen', openid: 'oDEMO_staff_window_chen', nickname: '陈静', phone: '13857620001', role: 'WINDOW_STAFF', scopeName: '清江市民中心政务服务大厅', description: '市民中心综合窗口工作人员' },
  { key: 'window-zhou', openid: 'oDEMO_staff_window_zhou', nickname: '周涛', phone: '13857620002', role: 'WINDOW_STAFF', scopeName: '清江市江南区便民服务中心', description: '江南区便民服务中心窗口工作人员' },
  { key: 'office-liu', openid: 'oDEMO_staff_office_liu', nickname: '刘洋', phone: '13857630001', role: 'MAILBOX_OFFICE', scopeName: '清江市人民政府办公室', description: '市政府办公室信箱受理员' },
  { key: 'handler-sifa', openid: 'oDEMO_staff_handler_sifa', nickname: '赵敏', phone: '13857640001', role: 'DEPARTMENT_HANDLER', scopeName: '清江市司法局', description: '司法局承办人' },
  { key: 'handler-scjg', openid: 'oDEMO_staff_handler_scjg', nickname: '孙磊', phone: '13857640002', role: 'DEPARTMENT_HANDLER', scopeName: '清江市市场监督管理局', description: '市场监管局承办人' },
  { key: 'admin-wu', openid: 'oDEMO_staff_admin_wu', nickname: '吴倩', phone: '13857650001', role: 'ADMIN', description: '系统管理员' },
];

export function findDemoPersona(key: string): DemoPersona | undefined {
  return demoPersonas.find((persona) => persona.key === key);
}
