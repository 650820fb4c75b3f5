export default definePageConfig({ navigationBarTitleText: '意见答复' });
