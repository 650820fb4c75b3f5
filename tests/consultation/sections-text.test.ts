import { formatSections, parseSections } from '../../miniprogram/src/format/consultation-sections';

describe('the draft edited as structured text', () => {
  it('turns lines into numbered sections under the chapter titles, and back', () => {
    const text = '第一章 总则\n第一条 为了规范管理，制定本办法。\n\n本办法适用于全市。\n第二章 管理\n第三条　单位应当报送计划。\n';
    const sections = parseSections(text);
    expect(sections).toEqual([
      { heading: '第一章 总则', body: '为了规范管理，制定本办法。' },
      { heading: '第一章 总则', body: '本办法适用于全市。' },
      { heading: '第二章 管理', body: '单位应当报送计划。' },
    ]);
    expect(parseSections(formatSections(sections))).toEqual(sections);
    expect(parseSections('  \n\n')).toEqual([]);
  });
});
