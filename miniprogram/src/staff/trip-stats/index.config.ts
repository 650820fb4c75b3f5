export default definePageConfig({ navigationBarTitleText: '办件跑动统计' });
