export default definePageConfig({ navigationBarTitleText: '指南纠错处理' });
