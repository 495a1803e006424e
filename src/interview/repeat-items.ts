import { RepeatItemAnswers } from '../forms/definition/answers.types';
import { QuestionDefinition } from '../forms/definition/question.types';
import { Suggestion } from './engine.types';
import { foldForMatching } from './input';
import { QuestionPointer } from './interview-state.types';
import { itemTitle } from './item-title.util';
import { shortLabel } from './short-label.util';
import { Turn } from './turn';

/** Repeat groups that apply now, with their items (answers that apply). */
function activeGroups(turn: Turn): Array<{ group: QuestionDefinition; items: RepeatItemAnswers[] }> {
  const answers = turn.applying();
  const seen = new Set<string>();
  const groups: Array<{ group: QuestionDefinition; items: RepeatItemAnswers[] }> = [];
  for (const step of turn.steps()) {
    const repeatId = step.kind === 'question' ? step.indexed.repeatId : step.group.question.id;
    if (repeatId === null || seen.has(repeatId)) {
      continue;
    }
    seen.add(repeatId);
    const group = turn.application.questions.get(repeatId)?.question;
    const items = answers[repeatId];
    if (group) {
      groups.push({ group, items: Array.isArray(items) ? items : [] });
    }
  }
  return groups;
}

function limit(group: QuestionDefinition, rule: 'min' | 'max', fallback: number): number {
  const value = group.validation?.[rule];
  return typeof value === 'number' ? value : fallback;
}

/** "Kind hinzufügen" for every repeat group that applies, has items and room for one more. */
export function addItemSuggestions(turn: Turn): Suggestion[] {
  return activeGroups(turn)
    .filter(({ group, items }) => items.length > 0 && items.length < limit(group, 'max', Infinity))
    .map(({ group }) => ({
      title: turn.t('addItem', { label: shortLabel(group, turn.state.locale) }),
      action: 'add-item',
      value: group.id,
    }));
}

/** "Kind 2: Can entfernen" for one item, unless the group would fall below its minimum. */
export function removeItemSuggestion(turn: Turn, repeatId: string, item: number): Suggestion | undefined {
  const found = activeGroups(turn).find(({ group }) => group.id === repeatId);
  if (!found || found.items.length <= limit(found.group, 'min', 0)) {
    return undefined;
  }
  const title = itemTitle(turn.applying(), repeatId, item, turn.state.locale);
  return { title: turn.t('removeItem', { title }), action: 'remove-item', value: `${repeatId}[${item}]` };
}

/** The add or remove button whose title the family typed in the summary, if any. */
export function typedItemAction(turn: Turn, text: string): Suggestion | undefined {
  const wanted = foldForMatching(text);
  const items = activeGroups(turn).flatMap(({ group, items: values }) =>
    values
      .map((_, index) => removeItemSuggestion(turn, group.id, index))
      .filter((suggestion) => suggestion !== undefined),
  );
  return [...addItemSuggestions(turn), ...items].find(
    (suggestion) => foldForMatching(suggestion.title) === wanted,
  );
}

/** From the summary: a new, empty item; its questions (and its Anlage Kind's) follow, then the summary. */
export function addItem(turn: Turn, repeatId: string | undefined): void {
  const suggestion = addItemSuggestions(turn).find((candidate) => candidate.value === repeatId);
  if (turn.state.phase !== 'summary' || !suggestion || repeatId === undefined) {
    turn.sayText('info', 'notUnderstood');
    return turn.askCurrent();
  }
  const items = turn.state.answers[repeatId];
  const completed = turn.state.completedGroups.includes(repeatId)
    ? turn.state.completedGroups
    : [...turn.state.completedGroups, repeatId];
  turn.update({
    answers: { ...turn.state.answers, [repeatId]: [...(Array.isArray(items) ? items : []), {}] },
    completedGroups: completed,
  });
  turn.advance();
}

/** From the summary: "Kind 2: Can wirklich entfernen?" first. */
export function askRemoveItem(turn: Turn, reference: string | undefined): void {
  const match = /^([A-Za-z0-9_.]+)\[(\d+)\]$/.exec(reference ?? '');
  const suggestion = match ? removeItemSuggestion(turn, match[1], Number(match[2])) : undefined;
  if (
    turn.state.phase !== 'summary' ||
    !match ||
    !suggestion ||
    Number(match[2]) >= itemCount(turn, match[1])
  ) {
    turn.sayText('info', 'cannotRemove');
    return turn.askCurrent();
  }
  turn.update({ phase: 'confirming-remove', pointer: { questionId: match[1], item: Number(match[2]) } });
  turn.askCurrent();
}

function itemCount(turn: Turn, repeatId: string): number {
  const items = turn.state.answers[repeatId];
  return Array.isArray(items) ? items.length : 0;
}

export function askRemoveConfirmation(turn: Turn): void {
  const pointer = turn.state.pointer;
  if (pointer === null || pointer.item === null) {
    return turn.advance();
  }
  const title = itemTitle(turn.applying(), pointer.questionId, pointer.item, turn.state.locale);
  turn.sayText('confirm', 'removeConfirm', { title }, { suggestions: turn.yesNo() });
}

/** Yes removes the item with everything it holds; later items move up (paths are renumbered). */
export function confirmRemoveItem(turn: Turn, yes: boolean | null): void {
  const pointer = turn.state.pointer;
  if (yes === null) {
    turn.sayText('error', 'yesOrNo');
    return turn.askCurrent();
  }
  if (yes && pointer !== null && pointer.item !== null) {
    removeItem(turn, pointer.questionId, pointer.item);
    turn.sayText('info', 'itemRemoved');
  }
  turn.update({ phase: 'summary', pointer: null });
  turn.advance();
}

function removeItem(turn: Turn, repeatId: string, index: number): void {
  const { state } = turn;
  const items = state.answers[repeatId];
  const renumber = (path: string): string | null => {
    const prefix = `${repeatId}[`;
    if (!path.startsWith(prefix)) {
      return path;
    }
    const match = /^\[(\d+)\](.*)$/.exec(path.slice(repeatId.length));
    if (!match) {
      return path;
    }
    const item = Number(match[1]);
    if (item === index) {
      return null;
    }
    return item > index ? `${repeatId}[${item - 1}]${match[2]}` : path;
  };
  const movePointer = (pointer: QuestionPointer): QuestionPointer | null => {
    const own = turn.application.questions.get(pointer.questionId)?.repeatId;
    if (own !== repeatId || pointer.item === null) {
      return pointer;
    }
    if (pointer.item === index) {
      return null;
    }
    return pointer.item > index ? { ...pointer, item: pointer.item - 1 } : pointer;
  };
  const provenance: typeof state.provenance = {};
  for (const [path, value] of Object.entries(state.provenance)) {
    const moved = renumber(path);
    if (moved !== null) {
      provenance[moved] = value;
    }
  }
  turn.update({
    answers: {
      ...state.answers,
      [repeatId]: (Array.isArray(items) ? items : []).filter((_, item) => item !== index),
    },
    provenance,
    unknown: state.unknown.map(renumber).filter((path): path is string => path !== null),
    proposals: state.proposals.flatMap((proposal) => {
      const moved = renumber(proposal.path);
      return moved === null ? [] : [{ ...proposal, path: moved }];
    }),
    notes: state.notes.map((note) => {
      const moved = note.path === undefined ? null : renumber(note.path);
      if (moved !== null) {
        return { ...note, path: moved };
      }
      // A note about the removed child stays for the Kümmerer, without a path that now names another child.
      const { path, ...rest } = note;
      void path;
      return rest;
    }),
    history: state.history.map(movePointer).filter((pointer): pointer is QuestionPointer => pointer !== null),
  });
}
