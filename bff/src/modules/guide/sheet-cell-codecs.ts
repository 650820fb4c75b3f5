/**
 * How one value of a guide sits in one spreadsheet cell, both ways: `read` turns what an official
 * typed into the value (or a reason in Chinese), `write` turns the value back into that text. The
 * import and the export use the same codec per column, so an exported catalogue reads back as it is.
 * Range and cross-field rules are not checked here: guideInputSchema does that for every row.
 */
export type CellRead<T> = { ok: true; value: T } | { ok: false; error: string };
export type CellCodec<T> = { read: (cell: string) => CellRead<T>; write: (value: T) => string };

export const ok = <T>(value: T): CellRead<T> => ({ ok: true, value });
export const fail = <T>(error: string): CellRead<T> => ({ ok: false, error });

/** Several values in one cell: ；or | (full or half width) or one per line. */
const listSeparator = /[；;|｜\n]/;

export function splitList(cell: string, separator: RegExp = listSeparator): string[] {
  return cell.split(separator).map((part) => part.trim()).filter((part) => part.length > 0);
}

/** Each line read on its own; a bad line is reported as 第N项 with its reason. */
export function readLines<T>(cell: string, readLine: (line: string) => CellRead<T>): CellRead<T[]> {
  const values: T[] = [];
  const errors: string[] = [];
  splitList(cell, /\n/).forEach((line, index) => {
    const read = readLine(line);
    if (read.ok) values.push(read.value);
    else errors.push(`第${index + 1}项${read.error}`);
  });
  return errors.length > 0 ? fail(errors.join('；')) : ok(values);
}

export const requiredText: CellCodec<string> = {
  read: (cell) => (cell.trim() ? ok(cell.trim()) : fail('不能为空')),
  write: (value) => value,
};

export const optionalText: CellCodec<string | null> = {
  read: (cell) => ok(cell.trim() || null),
  write: (value) => value ?? '',
};

export const textList: CellCodec<string[]> = {
  read: (cell) => ok(splitList(cell)),
  write: (values) => values.join('；'),
};

/** One entry per line (受理条件 may contain ；). */
export const textLines: CellCodec<string[]> = {
  read: (cell) => ok(splitList(cell, /\n/)),
  write: (values) => values.join('\n'),
};

function choiceError(cell: string, choices: string[]): string {
  return `“${cell.trim()}”不是可选值，可选：${choices.join('、')}`;
}

/** A value named by its Chinese label (shared/src/enums.ts). */
export function labelled<T extends string>(options: readonly T[], labels: Record<T, string>): CellCodec<T> {
  return {
    read: (cell) => {
      const option = options.find((candidate) => labels[candidate] === cell.trim());
      return option ? ok(option) : fail(cell.trim() ? choiceError(cell, options.map((candidate) => labels[candidate])) : '不能为空');
    },
    write: (value) => labels[value],
  };
}

/** Several labelled values, e.g. 送达方式 `窗口领取；邮寄送达`. */
export function labelledList<T extends string>(options: readonly T[], labels: Record<T, string>): CellCodec<T[]> {
  const one = labelled(options, labels);
  return {
    read: (cell) => {
      const values: T[] = [];
      for (const part of splitList(cell)) {
        const read = one.read(part);
        if (!read.ok) return read;
        if (!values.includes(read.value)) values.push(read.value);
      }
      return ok(values);
    },
    write: (values) => values.map((value) => labels[value]).join('；'),
  };
}

export const yesNo: CellCodec<boolean> = {
  read: (cell) => {
    const text = cell.trim();
    if (text === '是') return ok(true);
    if (text === '否') return ok(false);
    return fail(text ? choiceError(text, ['是', '否']) : '请填写“是”或“否”');
  },
  write: (value) => (value ? '是' : '否'),
};

/** A whole number, optionally with its unit: `20`, `20个工作日`, `1次`. */
export function wholeNumber(unit: RegExp = /^$/): CellCodec<number> {
  return {
    read: (cell) => {
      const match = /^(\d{1,6})\s*(.*)$/.exec(cell.trim());
      return match?.[1] !== undefined && unit.test(match[2] ?? '') ? ok(Number(match[1])) : fail(cell.trim() ? `“${cell.trim()}”应为整数` : '不能为空');
    },
    write: (value) => String(value),
  };
}

export const workingDays = wholeNumber(/^(|个工作日|工作日|天|日)$/);

/** 收费金额(元): yuan with at most two decimals, stored in fen; empty when the amount depends on the case. */
export const yuanAmount: CellCodec<number | null> = {
  read: (cell) => {
    const text = cell.trim().replace(/^[¥￥]/, '').replace(/元$/, '').trim();
    if (!text) return ok(null);
    const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text);
    if (!match) return fail(`“${cell.trim()}”应为金额（元），最多两位小数，如 20 或 120.50`);
    return ok(Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')));
  },
  write: (fen) => {
    if (fen === null) return '';
    const cents = fen % 100;
    return cents === 0 ? String(Math.floor(fen / 100)) : `${Math.floor(fen / 100)}.${String(cents).padStart(2, '0')}`;
  },
};

/** 服务对象: 个人 / 法人 / 个人,法人 (、，；| also separate). */
export const audienceCodec: CellCodec<'INDIVIDUAL' | 'LEGAL_PERSON' | 'BOTH'> = {
  read: (cell) => {
    const parts = new Set(splitList(cell, /[,，、；;|｜\n]/));
    const isIndividual = parts.delete('个人');
    const isLegalPerson = parts.delete('法人');
    if (parts.size > 0 || (!isIndividual && !isLegalPerson)) return fail(choiceError(cell, ['个人', '法人', '个人,法人']));
    return ok(isIndividual && isLegalPerson ? 'BOTH' : isIndividual ? 'INDIVIDUAL' : 'LEGAL_PERSON');
  },
  write: (value) => ({ INDIVIDUAL: '个人', LEGAL_PERSON: '法人', BOTH: '个人,法人' })[value],
};
