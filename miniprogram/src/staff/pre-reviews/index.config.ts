export default definePageConfig({ navigationBarTitleText: '材料预审' });
