import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createGuideSearchIndex, type GuideSearchDoc } from '../bff/src/modules/guide/search/search-index';
import { summarise, type LatencySummary } from './stats';

/** Search over 10,000 generated guides: the demo's 48 guides varied by district and serial. */
type GuideFile = { items: Array<{ code: string; name: string; department: string; keywords: string[]; materials: Array<{ name: string }> }> };

const districts = ['江北区', '江南区', '滨江新区', '高新区', '临港镇', '青山乡', '白沙街道', '东湖街道', '西城区', '南湖区'];
const suffixes = ['', '（首次）', '（变更）', '（补办）', '（注销）', '（延续）', '（跨省通办）', '（一件事）'];

export function generateDocs(count: number): GuideSearchDoc[] {
  const guides = JSON.parse(readFileSync(path.resolve(__dirname, '../prisma/seed/data/service-guides.json'), 'utf8')) as GuideFile;
  return Array.from({ length: count }, (_, index) => {
    const base = guides.items[index % guides.items.length];
    if (!base) throw new Error('no guides');
    const district = districts[Math.floor(index / guides.items.length) % districts.length] ?? '';
    const suffix = suffixes[Math.floor(index / (guides.items.length * districts.length)) % suffixes.length] ?? '';
    return {
      code: `${base.code}-${index}`,
      name: `${district}${base.name}${suffix}`,
      departmentName: base.department,
      keywords: base.keywords,
      content: base.materials.map((material) => material.name),
      viewCount: index % 97,
    };
  });
}

export const searchQueries = ['hz', '护照', 'yingye', '营业执照', '身份证', 'sfz', 'jiehun', '结婚登记', '社保', 'shebao', '不动产', 'bdc', '退休', 'txsp', '出生', '医保报销', 'yibao', '公积金', '驾驶证', 'jsz', '江北区居民', 'jiangbei', '低保', 'yinye'];

export function benchSearch({ items = 10_000, rounds = 40 }: { items?: number; rounds?: number } = {}): { buildMs: number; latency: LatencySummary; hitsForHz: number } {
  const docs = generateDocs(items);
  const buildStart = performance.now();
  const index = createGuideSearchIndex(docs);
  const buildMs = performance.now() - buildStart;
  for (const query of searchQueries) index.search(query); // warm up
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const query of searchQueries) {
      const start = performance.now();
      index.search(query, { limit: 20 });
      samples.push(performance.now() - start);
    }
  }
  return { buildMs, latency: summarise(samples), hitsForHz: index.search('hz').total };
}
