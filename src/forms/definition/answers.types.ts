/** One item of a repeat group: child question id -> value, e.g. { "children.firstName": "Elif" }. */
export type RepeatItemAnswers = { [id: string]: AnswerValue | undefined };

export type AnswerValue = string | number | boolean | null | RepeatItemAnswers[];

/** All answers of an application, keyed by question id (see docs/form-definitions.md, "Answers"). */
export type Answers = { [id: string]: AnswerValue | undefined };
