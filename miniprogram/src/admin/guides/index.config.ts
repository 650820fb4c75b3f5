export default definePageConfig({ navigationBarTitleText: '办事指南管理', enablePullDownRefresh: false });
