export default definePageConfig({ navigationBarTitleText: '信件办理' });
