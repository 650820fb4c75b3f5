export default definePageConfig({ navigationBarTitleText: '绑定员工账号' });
