/**
 * Word lists for masking letters before publication (publish-masking.ts). Kept apart so the rules
 * there stay readable. Every list is deliberately conservative: a surname char that is also a very
 * common word (和, 时, 全, 应 …) is left out, because names are only ever detected next to a cue.
 */

/** 复姓: checked before single surnames (欧阳晓明 is 欧阳 + 晓明, not 欧 + 阳晓). */
export const compoundSurnames: readonly string[] = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '长孙', '宇文', '司徒', '夏侯',
  '轩辕', '端木', '独孤', '南宫', '西门', '呼延', '闻人', '万俟', '澹台', '公冶', '太史', '申屠', '钟离', '宗政',
  '濮阳', '淳于', '赫连', '拓跋', '东郭', '左丘', '梁丘', '闾丘', '谷梁', '仲孙', '司空', '鲜于', '百里',
];

/** 百家姓: the most common single surnames (about 200). */
export const singleSurnames = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬仇栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝',
]);

/** Words that introduce a name right after them: 我叫王小明, 联系人：李四, 我母亲陈秀英. */
export const leadingCues: readonly string[] = [
  '我的名字是', '我的名字叫', '我名叫', '我叫', '我是', '本人', '姓名', '名叫', '叫做', '署名', '落款', '联系人', '来信人', '写信人', '反映人',
  '投诉人', '举报人', '申请人', '当事人', '户主', '业主', '患者', '我父亲', '我母亲', '我爸爸', '我妈妈', '我爸', '我妈', '我丈夫', '我妻子',
  '我爱人', '我老伴', '我儿子', '我女儿', '我孩子', '我爷爷', '我奶奶', '我外公', '我外婆', '我哥哥', '我姐姐', '我弟弟', '我妹妹', '邻居',
  '敬礼',
];

/** Words right after a full name that show it is one: 王小明同志, 欧阳晓明女士, 王小明：您好. */
export const trailingCues: readonly string[] = [
  '同志', '先生', '女士', '老师', '师傅', '阿姨', '大爷', '大妈', '大姐', '大哥', '老人', '同学', '医生', '律师', '书记', '主任', '经理',
  '局长', '科长', '所长', '站长', '院长', '校长', '村长', '组长', '队长', '警官', '敬上', '谨上',
];

/** What may come before a name found by a trailing cue (besides the start, punctuation or a digit). */
export const leftBoundaryWords: readonly string[] = [
  '尊敬的', '亲爱的', '感谢', '谢谢', '表扬', '称赞', '联系', '咨询', '告诉', '通知', '帮助', '委托', '以及', '还有', '特别是', '尤其是',
  '的', '致', '给', '对', '向', '请', '经', '由', '是', '和', '与', '及', '同', '跟', '让', '叫', '找', '为', '被', '把', '将', '在', '有', '位', '名',
];

/** What may follow a name found by a leading cue (besides the end, punctuation or a digit). */
export const rightBoundaryWords: readonly string[] = [
  ...trailingCues, '家住', '居住', '住在', '今年', '电话', '手机', '联系', '身份证', '反映', '来自', '一家', '夫妇', '通过', '经常', '多次', '关于',
  '此前', '之前', '先后', '本人', '业主', '居民', '村民', '退休', '去年', '最近', '一直', '长期', '目前', '平时', '每天', '特此', '代表', '拨打',
  '是', '在', '住', '的', '现', '系', '向', '想', '为', '因', '从', '男', '女', '和', '与', '及', '等', '也', '要', '请', '就', '又', '还', '于',
  '曾', '已', '对', '家', '户', '今', '昨', '前', '近', '上', '下', '说', '带', '给', '被', '把', '让', '所', '了', '年', '岁', '（', '(',
];

/** Characters that are never part of a given name (they end it or show it was never a name). */
export const notInGivenName = new Set([...'的是在住了们吗呢吧啊和与及也就又还从向为因于对已曾请要说让把被给跟家今现系年岁路街市区县镇村省号室楼某爷奶叔婶']);

/** Two-char words that start with a surname char but are ordinary words. */
export const commonWords = new Set([
  '常年', '常常', '高度', '高兴', '方便', '方面', '周边', '周末', '周围', '黄色', '白天', '白色', '金额', '马路', '马上', '石头', '江边', '于是',
  '安全', '安装', '安排', '万元', '谢谢', '任何', '严重', '严格', '程序', '许多', '许可', '文明', '文件', '毛病', '向来', '高峰', '路面', '路灯',
  '路口', '车辆', '车位', '房屋', '房子', '温度', '华东', '江南', '江北', '关于', '关注', '管理', '连续', '连日', '简单', '宁可', '单位', '单元',
  '包括', '林地', '项目', '景区', '党员', '费用', '冷水', '米饭', '卫生', '宗教', '边上', '池塘', '查询', '齐全', '易燃', '尚未', '甘心', '曾经', '党委', '党支', '司机', '司法', '管道', '包裹', '钟表',
]);

/** Given names that are also common words: never masked when they stand alone. */
export const commonGivenNames = new Set([
  '建国', '国庆', '建军', '建华', '建设', '和平', '平安', '红旗', '文明', '胜利', '光明', '幸福', '国家', '新华', '中华', '发展', '永远', '春天',
  '阳光', '明天', '海洋', '英雄', '美丽', '长江', '黄河', '东方', '学习', '工作', '生活', '社区', '小区', '居民',
]);

/** Place names that begin like a name: a candidate that starts one of these is not a name. */
export const placeNames: readonly string[] = [
  '王府井', '张家口', '张家港', '张家界', '李子园', '周庄', '黄山', '马鞍山', '石家庄', '金华', '江山', '常州', '高新区', '黄浦', '杨浦', '徐汇',
  '朱家角', '罗湖', '龙华', '宋庄', '韩城', '潘家园', '曹家渡', '钱塘', '白云', '武昌', '汤山', '温州', '梁溪', '萧山', '余杭', '董家渡', '江宁',
  '柯桥', '安吉', '吴江', '吴中', '宁波', '宁海', '华山', '泰山', '黄埔', '欧洲', '东方明珠',
];

/** Province abbreviations that begin a licence plate. */
export const plateProvinces = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
