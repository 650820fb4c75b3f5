export default definePageConfig({ navigationBarTitleText: '最近浏览' });
