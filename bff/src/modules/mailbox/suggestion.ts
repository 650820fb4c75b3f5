import type { DepartmentSuggestion, SimilarLetter } from '@govpocket/shared';
import type { Db } from './repository';
import { listHandledLetters, listOpenLettersOfOffice, listSuggestionVocabulary } from './suggestion-repository';
import { bigramsOf, jaccard } from './text-similarity';

/**
 * Smart help for the office, never applied automatically:
 * - where a new letter could go: departments whose names, service items or item keywords appear in
 *   the letter, plus the departments that handled the most similar past letters;
 * - which open letters of the same office say nearly the same thing (possible duplicates).
 */
const similarThreshold = 0.35;
const pastLetterThreshold = 0.2;

type LetterText = { id: string; title: string; body: string; ownerDepartmentId: string };

export async function suggestDepartments(db: Db, letter: LetterText): Promise<DepartmentSuggestion[]> {
  const text = `${letter.title}\n${letter.body}`;
  const scores = new Map<string, { name: string; score: number; reasons: string[] }>();
  const credit = (id: string, name: string, points: number, reason: string): void => {
    const entry = scores.get(id) ?? { name, score: 0, reasons: [] };
    entry.score += points;
    if (entry.reasons.length < 4 && !entry.reasons.includes(reason)) entry.reasons.push(reason);
    scores.set(id, entry);
  };
  for (const department of await listSuggestionVocabulary(db)) {
    for (const term of department.terms) {
      if (term.length >= 2 && text.includes(term)) credit(department.id, department.name, term.length, `关键词：${term}`);
    }
  }
  const grams = bigramsOf(text);
  const past = (await listHandledLetters(db, letter.id))
    .map((row) => ({ row, similarity: jaccard(grams, bigramsOf(`${row.title}\n${row.body}`)) }))
    .filter((entry) => entry.similarity >= pastLetterThreshold)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, 5);
  for (const { row, similarity } of past) {
    if (row.department) credit(row.department.id, row.department.name, Math.round(similarity * 10), `相似来信${row.trackingCode}由该部门办理`);
  }
  return [...scores.entries()]
    .map(([departmentId, entry]) => ({ departmentId, departmentName: entry.name, score: entry.score, reasons: entry.reasons }))
    .sort((a, b) => b.score - a.score || a.departmentName.localeCompare(b.departmentName))
    .slice(0, 3);
}

export async function findSimilarOpenLetters(db: Db, letter: LetterText): Promise<SimilarLetter[]> {
  const grams = bigramsOf(`${letter.title}\n${letter.body}`);
  return (await listOpenLettersOfOffice(db, { ownerDepartmentId: letter.ownerDepartmentId, excludeId: letter.id }))
    .map((row) => ({ id: row.id, trackingCode: row.trackingCode, title: row.title, status: row.status, similarity: Math.round(jaccard(grams, bigramsOf(`${row.title}\n${row.body}`)) * 100) / 100 }))
    .filter((row) => row.similarity >= similarThreshold)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, 5);
}
