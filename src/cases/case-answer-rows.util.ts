import { berlinDate } from '../common/berlin-date.util';
import { Answers, AnswerValue, RepeatItemAnswers } from '../forms/definition/answers.types';
import { AnswerProvenance } from '../interview/interview-state.types';
import { AnswerSource } from './case-status.types';

/** One answer ready to store: its path, plain value and provenance (encryption happens later). */
export interface AnswerRow {
  questionId: string;
  groupId: string | null;
  itemIndex: number | null;
  value: AnswerValue | undefined;
  markedUnknown: boolean;
  provenance: AnswerProvenance | null;
}

/** The interview's answer path of a row: "applicant.lastName" or "children[1].children.firstName". */
export function pathOfRow(row: Pick<AnswerRow, 'questionId' | 'groupId' | 'itemIndex'>): string {
  return row.groupId === null || row.itemIndex === null
    ? row.questionId
    : `${row.groupId}[${row.itemIndex}].${row.questionId}`;
}

/**
 * Flattens answers into one row per value. A repeat group is one row holding its number of items
 * (its group id is its own id),
 * plus a row per item answer; paths the family marked "Ich weiß es nicht" become rows without value.
 */
export function toAnswerRows(
  answers: Answers,
  provenance: { [path: string]: AnswerProvenance },
  unknown: readonly string[],
): AnswerRow[] {
  const rows: AnswerRow[] = [];
  const unknownPaths = new Set(unknown);
  const row = (
    questionId: string,
    groupId: string | null,
    itemIndex: number | null,
    value: AnswerValue | undefined,
  ) => {
    const path = pathOfRow({ questionId, groupId, itemIndex });
    const markedUnknown = unknownPaths.delete(path);
    rows.push({ questionId, groupId, itemIndex, value, markedUnknown, provenance: provenance[path] ?? null });
  };
  for (const [questionId, value] of Object.entries(answers)) {
    if (Array.isArray(value)) {
      // The group's own row (group id = its id) keeps empty groups and the item count.
      row(questionId, questionId, null, value.length);
      value.forEach((item: RepeatItemAnswers, index) => {
        for (const [childId, childValue] of Object.entries(item)) {
          row(childId, questionId, index, childValue);
        }
      });
    } else {
      row(questionId, null, null, value);
    }
  }
  for (const path of unknownPaths) {
    const match = /^(.+)\[(\d+)\]\.(.+)$/.exec(path);
    rows.push({
      questionId: match ? match[3] : path,
      groupId: match ? match[1] : null,
      itemIndex: match ? Number(match[2]) : null,
      value: null,
      markedUnknown: true,
      provenance: provenance[path] ?? null,
    });
  }
  return rows;
}

/** The reverse: answers in the shape the filler takes (for regenerating PDFs after a correction). */
export function answersFromRows(
  rows: readonly Pick<AnswerRow, 'questionId' | 'groupId' | 'itemIndex' | 'value' | 'markedUnknown'>[],
): Answers {
  const answers: Answers = {};
  const groupOf = (id: string): RepeatItemAnswers[] => {
    const existing = answers[id];
    if (Array.isArray(existing)) {
      return existing;
    }
    const list: RepeatItemAnswers[] = [];
    answers[id] = list;
    return list;
  };
  for (const row of rows) {
    if (isGroupRow(row)) {
      const list = groupOf(row.questionId);
      while (list.length < Number(row.value)) {
        list.push({});
      }
    } else if (row.groupId !== null && row.itemIndex !== null) {
      const list = groupOf(row.groupId);
      while (list.length <= row.itemIndex) {
        list.push({});
      }
      if (!row.markedUnknown) {
        list[row.itemIndex][row.questionId] = row.value ?? null;
      }
    } else if (!row.markedUnknown) {
      answers[row.questionId] = row.value ?? null;
    }
  }
  return answers;
}

/** The row of a repeat group itself: its group id is its own id, and it has no item index. */
export function isGroupRow(row: Pick<AnswerRow, 'questionId' | 'groupId' | 'itemIndex'>): boolean {
  return row.groupId === row.questionId && row.itemIndex === null;
}

/**
 * The day the family gave its answers (its last one, in Germany), for the filler's `answeredOn`:
 * a question that a condition on dates asks only after that day stays empty rather than making the
 * case's answers incomplete. Only answers the family gave count: not a Kümmerer's correction, nor
 * the rows the submission itself writes (a group's item count, an "Ich weiß es nicht" mark).
 * Undefined without any (the filler then judges by its today alone).
 */
export function answeredOnOf(
  rows: readonly (Pick<AnswerRow, 'questionId' | 'groupId' | 'itemIndex' | 'markedUnknown'> & {
    source: AnswerSource;
    givenAt: Date;
  })[],
): string | undefined {
  let last: Date | undefined;
  for (const row of rows) {
    const given = row.source !== 'kuemmerer' && !row.markedUnknown && !isGroupRow(row);
    if (given && (last === undefined || row.givenAt > last)) {
      last = row.givenAt;
    }
  }
  return last && berlinDate(last);
}
