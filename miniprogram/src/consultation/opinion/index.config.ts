export default definePageConfig({ navigationBarTitleText: '提出意见' });
