export default definePageConfig({ navigationBarTitleText: '材料清单' });
