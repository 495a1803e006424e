/** Where the definitions and the installed official templates live. Wired from configuration by the app. */
export interface FormsOptions {
  /** The `forms/` folder with `<form-id>/form.yaml` and `applications/*.yaml`. */
  formsDir: string;
  /** Folder with the official PDF templates installed by the operator (not part of the repository). */
  templateDir: string;
}

export const FORMS_OPTIONS = Symbol('FORMS_OPTIONS');
