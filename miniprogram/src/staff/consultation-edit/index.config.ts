export default definePageConfig({ navigationBarTitleText: '编辑意见征集' });
