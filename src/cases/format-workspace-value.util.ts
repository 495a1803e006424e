import { AnswerValue } from '../forms/definition/answers.types';
import { QuestionDefinition } from '../forms/definition/question.types';
import { formatDate, formatMoney, formatNumber } from '../forms/mapping/format-value.util';
import { displayValue } from '../interview/display-value.util';

/**
 * An answer as the workspace shows it: the chat's German display (dates TT.MM.JJJJ, a choice by its
 * label, yes/no as Ja/Nein, money with €, an IBAN in groups of four), "–" for no value.
 */
export function displayWorkspaceValue(question: QuestionDefinition, value: AnswerValue | undefined): string {
  if (value === undefined || value === null || value === '') {
    return '–';
  }
  return displayValue(question, value, 'de');
}

/**
 * The text a correction field starts with, in a shape readWorkspaceValue reads back to the same
 * value: 03.05.2010, 1.234,50, ja/nein; a choice's code (the value of its list entry).
 */
export function workspaceInputText(question: QuestionDefinition, value: AnswerValue | undefined): string {
  if (value === undefined || value === null) {
    return '';
  }
  if (typeof value === 'boolean') {
    return value ? 'ja' : 'nein';
  }
  if (question.type === 'date' && typeof value === 'string') {
    return formatDate(value);
  }
  if (question.type === 'money' && typeof value === 'number') {
    return formatMoney(value);
  }
  if (typeof value === 'number') {
    return formatNumber(value);
  }
  return typeof value === 'string' ? value : '';
}
