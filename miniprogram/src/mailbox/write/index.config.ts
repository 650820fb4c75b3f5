export default definePageConfig({ navigationBarTitleText: '写信' });
