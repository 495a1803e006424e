import { LocalizedText } from './localized-text.types';

export interface ApplicationFormEntry {
  form: string;
  /** Id of a repeat question: one copy of the form per item. */
  each?: string;
}

/** What a family applies for: forms composed from `forms/applications/<id>.yaml`. */
export interface ApplicationDefinition {
  schemaVersion: number;
  id: string;
  title: LocalizedText;
  forms: ApplicationFormEntry[];
}
