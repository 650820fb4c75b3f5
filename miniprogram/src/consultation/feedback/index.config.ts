export default definePageConfig({ navigationBarTitleText: '采纳情况反馈' });
