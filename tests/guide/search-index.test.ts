import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createGuideSearchIndex, matchTiers, type GuideSearchDoc } from '../../bff/src/modules/guide/search/search-index';

type GuideFile = { items: Array<{ code: string; name: string; department: string; keywords: string[]; materials: Array<{ name: string }> }> };
const guides = JSON.parse(readFileSync(path.resolve(__dirname, '../../prisma/seed/data/service-guides.json'), 'utf8')) as GuideFile;
const docs: GuideSearchDoc[] = guides.items.map((item, index) => ({
  code: item.code,
  name: item.name,
  departmentName: item.department,
  keywords: item.keywords,
  content: item.materials.map((material) => material.name),
  viewCount: index,
}));
const index = createGuideSearchIndex(docs);
const names = (query: string): string[] => index.search(query).hits.map((hit) => docs.find((doc) => doc.code === hit.code)?.name ?? '?');

describe('guide search over the 48 demo guides', () => {
  it('finds 护照 by its initials "hz" and highlights the matched characters', () => {
    const result = index.search('hz');
    const first = result.hits[0];
    expect(names('hz')[0]).toMatch(/护照/);
    expect(first?.highlight.filter((segment) => segment.isMatch).map((segment) => segment.text).join('')).toBe('护照');
  });

  it('finds the business licence items by full pinyin "yingye" (keyword 营业执照)', () => {
    expect(names('yingye')).toEqual(expect.arrayContaining(['企业设立登记（有限责任公司）', '个体工商户设立登记']));
  });

  it('tolerates a pinyin typo', () => {
    expect(names('yinyezhizhao')).toContain('企业设立登记（有限责任公司）');
  });

  it('ranks exact name > prefix > contains > keyword > content', () => {
    const query = '身份证';
    const result = index.search(query);
    const tiers = result.hits.map((hit) => hit.tier);
    expect([...tiers].sort((a, b) => b - a)).toEqual(tiers);
    expect(names(query)[0]).toBe('居民身份证申领'); // exact keyword 身份证, and the name contains it
    expect(tiers[0]).toBe(matchTiers.EXACT_KEYWORD);
    expect(names('普通护照签发')[0]).toBe('普通护照签发');
    expect(index.search('普通护照签发').hits[0]?.tier).toBe(matchTiers.EXACT);
    expect(index.search('普通').hits[0]?.tier).toBe(matchTiers.PREFIX);
    expect(tiers).toContain(matchTiers.CONTENT); // materials mention 身份证 for most items
  });

  it('matches keywords (synonyms) and content, in Chinese', () => {
    for (const doc of docs.slice(0, 10)) {
      const keyword = doc.keywords[0];
      if (keyword) expect(index.search(keyword).hits.map((hit) => hit.code)).toContain(doc.code);
    }
  });

  it('pages, and answers nothing for nothing', () => {
    const all = index.search('证');
    const page = index.search('证', { limit: 5, offset: 5 });
    expect(page.total).toBe(all.total);
    expect(page.hits.map((hit) => hit.code)).toEqual(all.hits.slice(5, 10).map((hit) => hit.code));
    expect(index.search('   ').total).toBe(0);
    expect(index.search('zzzzqqqq').total).toBe(0);
  });
});
