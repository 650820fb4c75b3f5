export default definePageConfig({ navigationBarTitleText: '政务掌上通' });
