import { detectNames, maskIdentifiers, maskLetterForPublication, remainingPersonalData } from '../../bff/src/modules/mailbox/publish-masking';
import { publicationCorpus } from './fixtures/publication-corpus';

/** The public copy of each letter in a hand-written corpus, exactly; plus the rules one by one. */
describe('masking letters for 信件选登', () => {
  it('has a corpus of at least 50 letters with replies', () => {
    expect(publicationCorpus.length).toBeGreaterThanOrEqual(50);
    expect(new Set(publicationCorpus.map((letter) => letter.name)).size).toBe(publicationCorpus.length);
  });

  it.each(publicationCorpus.map((letter) => [letter.name, letter] as const))('%s', (_name, letter) => {
    const masked = maskLetterForPublication({ title: letter.title, body: letter.body, reply: letter.reply }, letter.knownNames ?? []);
    expect({ title: masked.title, body: masked.body, reply: masked.reply }).toEqual(letter.expected);
    // What the masking produces passes the check publishing runs on it.
    for (const part of [masked.title, masked.body, masked.reply ?? '']) expect(remainingPersonalData(part, masked.names)).toEqual([]);
  });
});

describe('the rules one by one', () => {
  it('finds names next to cues, of 2 to 4 characters, and not ordinary words or places', () => {
    expect(detectNames('我叫王小明，王小明同志')).toEqual(['王小明']);
    expect(detectNames('本人欧阳晓明，今年45岁')).toEqual(['欧阳晓明']);
    expect(detectNames('联系人：李强')).toEqual(['李强']);
    expect(detectNames('尊敬的司马文静女士：')).toEqual(['司马文静']);
    expect(detectNames('感谢张明同志')).toEqual(['张明']);
    expect(detectNames('我是王府井社区的居民，本人常年在外，我是第一次写信，邻居王某说')).toEqual([]);
    expect(detectNames('王先生：您好！张老师，您好。感谢司机师傅。')).toEqual([]);
    expect(detectNames('我是住在江南区的王小明，我是小区的业主，我是本小区的王先生，我是一名退休的高中教师')).toEqual(['王小明']);
  });

  it('masks phones with any separators, landlines, ID numbers, plates and addresses to the door', () => {
    expect(maskIdentifiers('138-1234-5678 / 138 1234 5678 / １３８１２３４５６７８ / +86 13812345678')).toBe('138******** / 138******** / 138******** / +86 138********');
    expect(maskIdentifiers('（0571）87654321、010-6512 3456')).toBe('0571-****4321、010-****3456');
    expect(maskIdentifiers('身份证11010519491231002X、老证330106520101123')).toBe('身份证1101**********002X、老证3301*******1123');
    expect(maskIdentifiers('浙A12345、粤BD12345、京A·88888')).toBe('浙A*****、粤B******、京A*****');
    expect(maskIdentifiers('文三路90号5幢2单元302室、长乐路100弄5号')).toBe('文三路**号**幢**单元**室、长乐路**弄**号');
    expect(maskIdentifiers('地铁2号线、12345热线、11月3号、5号楼、3999元')).toBe('地铁2号线、12345热线、11月3号、5号楼、3999元');
  });

  it('tells what an edited public text still reveals', () => {
    expect(remainingPersonalData('路灯已修复。', ['王小明'])).toEqual([]);
    expect(remainingPersonalData('王小明反映路灯坏了', ['王小明'])).toEqual(['姓名']);
    expect(remainingPersonalData('电话138 1234 5678', [])).toEqual(['电话、QQ号、微信号、查询码、身份证号、车牌或门牌号']);
    for (const text of ['138.5761.0002', '一三八五七六一零零零二', '138\u200b5761\u200b0002', 'qq号123456789', '微信：abc123', '查询码QJ8BHS4UUP', '电话138****0002']) {
      expect(remainingPersonalData(text, [])).toEqual(['电话、QQ号、微信号、查询码、身份证号、车牌或门牌号']);
    }
    expect(remainingPersonalData('王\u200b小明反映', ['王小明'])).toEqual(['姓名']);
    expect(remainingPersonalData('电话138********，滨江路**号', [])).toEqual([]);
  });
});
