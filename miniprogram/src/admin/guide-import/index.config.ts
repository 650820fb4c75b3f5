export default definePageConfig({ navigationBarTitleText: '批量导入办事指南' });
