/**
 * The draft's sections edited as structured text: one section per line (or paragraph); a line that
 * is a chapter title (第二章 管理) becomes the heading of the sections after it.
 */
export type SectionDraft = { heading: string | null; body: string };

const chapterPattern = /^第[一二三四五六七八九十百零〇\d]+[章节编]\s*\S*$/;
// A leading "第十二条" is numbering the server adds anyway.
const articlePrefix = /^第[一二三四五六七八九十百零〇\d]+条[\s\u3000]*/;

export function parseSections(text: string): SectionDraft[] {
  let heading: string | null = null;
  const sections: SectionDraft[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    if (chapterPattern.test(line) && line.length <= 40) {
      heading = line;
      continue;
    }
    const body = line.replace(articlePrefix, '');
    if (body) sections.push({ heading, body });
  }
  return sections;
}

export function formatSections(sections: readonly SectionDraft[]): string {
  const lines: string[] = [];
  let heading: string | null = null;
  for (const section of sections) {
    if (section.heading && section.heading !== heading) {
      if (lines.length > 0) lines.push('');
      lines.push(section.heading);
    }
    heading = section.heading;
    lines.push(section.body);
  }
  return lines.join('\n');
}
