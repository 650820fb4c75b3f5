import {
  materialFormLabels,
  materialFormSchema,
  materialSourceLabels,
  materialSourceSchema,
  type GuideInput,
  type MaterialForm,
  type MaterialSource,
} from '@govpocket/shared';
import { fail, labelled, ok, readLines, type CellCodec, type CellRead } from './sheet-cell-codecs';

/**
 * The list columns an official fills one entry per line inside the cell (Alt+Enter in Excel), each
 * line in a compact form with ｜ between its parts. docs/guide-import-template.md shows them all.
 */
type Basis = GuideInput['basis'][number];
type Material = GuideInput['materials'][number];
type Step = GuideInput['steps'][number];
type Faq = GuideInput['faq'][number];

const partSeparator = /[｜|]/;
const joinParts = (parts: Array<string | null>): string => parts.filter((part): part is string => part !== null).join('｜');

/** 设定依据: `《法规名称》（文号）第X条`; the article is whatever follows the law's 》 (and its 文号). */
function readBasis(line: string): CellRead<Basis> {
  const close = line.lastIndexOf('》');
  if (close < 0) return fail('须用《》写明法律法规名称，如《中华人民共和国行政许可法》第二十九条');
  const documentNumber = /^\s*[（(][^）)]*[）)]/.exec(line.slice(close + 1))?.[0] ?? '';
  const lawEnd = close + 1 + documentNumber.length;
  return ok({ law: line.slice(0, lawEnd).trim(), article: line.slice(lawEnd).trim() || null });
}

export const basisCodec: CellCodec<Basis[]> = {
  read: (cell) => readLines(cell, readBasis),
  write: (entries) => entries.map((entry) => `${entry.law}${entry.article ?? ''}`).join('\n'),
};

const formCodec = labelled<MaterialForm>(materialFormSchema.options, materialFormLabels);
const sourceLabels = new Map(materialSourceSchema.options.map((source): [string, MaterialSource] => [materialSourceLabels[source], source]));
const electronic = { yes: '可电子证照', no: '不可电子证照' };
const labels = { condition: /^条件[：:]/, note: /^备注[：:]/, blankForm: /^空白表格[：:]/, sample: /^示例样表[：:]/ };

function afterLabel(part: string, label: RegExp): string | null {
  return label.test(part) ? part.replace(label, '').trim() : null;
}

/**
 * 申请材料: `名称｜形式｜份数｜必需 or 条件：适用情形` and then, in any order, 来源 (default 申请人自备),
 * 可电子证照 / 不可电子证照 (default: only for 电子证照), `备注：…`, `空白表格：URL`, `示例样表：URL`.
 */
function readMaterial(line: string): CellRead<Material> {
  const [name = '', formText = '', copiesText = '', requirement = '', ...rest] = line.split(partSeparator).map((part) => part.trim());
  if (!name || !requirement) return fail('应为“名称｜形式｜份数｜必需或条件：…”，如：居民身份证｜原件｜1份｜必需');
  const form = formCodec.read(formText);
  if (!form.ok) return fail(`的形式${form.error}`);
  const copies = /^(\d{1,2})\s*份?$/.exec(copiesText)?.[1];
  if (copies === undefined) return fail(`的份数“${copiesText}”应为整数，如 1份`);
  const condition = afterLabel(requirement, labels.condition);
  if (requirement !== '必需' && condition === null) return fail(`的第4部分应为“必需”或“条件：适用情形”，而不是“${requirement}”`);
  const material: Material = {
    name, form: form.value, copies: Number(copies), isRequired: condition === null, condition, note: null,
    source: 'APPLICANT', isElectronicAccepted: form.value === 'ELECTRONIC_LICENSE', blankFormUrl: null, sampleUrl: null,
  };
  for (const part of rest.filter((text) => text.length > 0)) {
    const source = sourceLabels.get(part);
    if (source) material.source = source;
    else if (part === electronic.yes || part === electronic.no) material.isElectronicAccepted = part === electronic.yes;
    else if (labels.note.test(part)) material.note = afterLabel(part, labels.note) || null;
    else if (labels.blankForm.test(part)) material.blankFormUrl = afterLabel(part, labels.blankForm) || null;
    else if (labels.sample.test(part)) material.sampleUrl = afterLabel(part, labels.sample) || null;
    else return fail(`有无法识别的内容“${part}”（可写：来源、可电子证照/不可电子证照、备注：…、空白表格：…、示例样表：…）`);
  }
  return ok(material);
}

export const materialsCodec: CellCodec<Material[]> = {
  read: (cell) => readLines(cell, readMaterial),
  write: (materials) =>
    materials
      .map((material) =>
        joinParts([
          material.name,
          materialFormLabels[material.form],
          `${material.copies}份`,
          material.isRequired ? '必需' : `条件：${material.condition ?? ''}`,
          materialSourceLabels[material.source],
          material.isElectronicAccepted ? electronic.yes : electronic.no,
          material.note === null ? null : `备注：${material.note}`,
          material.blankFormUrl === null ? null : `空白表格：${material.blankFormUrl}`,
          material.sampleUrl === null ? null : `示例样表：${material.sampleUrl}`,
        ]),
      )
      .join('\n'),
};

const counted = { yes: '计入时限', no: '不计入时限' };

/** 办理流程: `环节名称｜办理主体｜N个工作日｜计入时限 or 不计入时限｜办理说明`. */
function readStep(line: string): CellRead<Step> {
  const [name = '', actor = '', daysText = '', countsText = '', ...description] = line.split(partSeparator).map((part) => part.trim());
  if (description.length === 0) return fail('应为“环节名称｜办理主体｜N个工作日｜计入时限或不计入时限｜办理说明”');
  const days = /^(\d{1,3})\s*(个工作日|工作日|天|日)?$/.exec(daysText)?.[1];
  if (days === undefined) return fail(`的时限“${daysText}”应为整数，如 3个工作日`);
  if (countsText !== counted.yes && countsText !== counted.no) return fail(`的第4部分应为“${counted.yes}”或“${counted.no}”`);
  return ok({ name, actor, days: Number(days), countsTowardLimit: countsText === counted.yes, description: description.join('｜') });
}

export const stepsCodec: CellCodec<Step[]> = {
  read: (cell) => readLines(cell, readStep),
  write: (steps) => steps.map((step) => joinParts([step.name, step.actor, `${step.days}个工作日`, step.countsTowardLimit ? counted.yes : counted.no, step.description])).join('\n'),
};

/** 常见问题: `问：…答：…`, one question per line. */
function readFaq(line: string): CellRead<Faq> {
  const match = /^问[：:]\s*(.*?)\s*答[：:]\s*(.*)$/.exec(line);
  return match ? ok({ question: match[1] ?? '', answer: match[2] ?? '' }) : fail('应为“问：…答：…”');
}

export const faqCodec: CellCodec<Faq[]> = {
  read: (cell) => readLines(cell, readFaq),
  write: (faq) => faq.map((entry) => `问：${entry.question} 答：${entry.answer}`).join('\n'),
};
