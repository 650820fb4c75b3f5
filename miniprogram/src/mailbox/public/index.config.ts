export default definePageConfig({ navigationBarTitleText: '信件选登' });
