// Text templates in `computed:` entries: "{applicant.street}, {applicant.postalCode} {applicant.city}".
// Placeholders are question ids only, so they can be checked at load time.

export type TemplatePart = { kind: 'text'; text: string } | { kind: 'placeholder'; id: string };

const PLACEHOLDER = /\{([^{}]*)\}/g;
const QUESTION_ID = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export class TemplateSyntaxError extends Error {
  readonly code = 'TEMPLATE_SYNTAX';
}

/** Splits a template into literal text and placeholders. Throws TemplateSyntaxError. */
export function parseTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const id = match[1].trim();
    if (!QUESTION_ID.test(id)) {
      throw new TemplateSyntaxError(`"{${match[1]}}" is not a question id`);
    }
    if (match.index > last) {
      parts.push({ kind: 'text', text: template.slice(last, match.index) });
    }
    parts.push({ kind: 'placeholder', id });
    last = match.index + match[0].length;
  }
  if (last < template.length) {
    parts.push({ kind: 'text', text: template.slice(last) });
  }
  const stray = parts.find((part) => part.kind === 'text' && /[{}]/.test(part.text));
  if (stray) {
    throw new TemplateSyntaxError('unbalanced "{" or "}"');
  }
  return parts;
}

/**
 * Fills a template. When no placeholder has a value the result is empty (no lone ", ");
 * separators next to missing values are tidied up.
 */
export function renderTemplate(parts: TemplatePart[], valueOf: (id: string) => string): string {
  let anyValue = false;
  const text = parts
    .map((part) => {
      if (part.kind === 'text') {
        return part.text;
      }
      const value = valueOf(part.id);
      if (value !== '') {
        anyValue = true;
      }
      return value;
    })
    .join('');
  if (!anyValue && parts.some((part) => part.kind === 'placeholder')) {
    return '';
  }
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s+([,;])/g, '$1')
    .replace(/([,;])(\s*[,;])+/g, '$1')
    .replace(/^[\s,;]+|[\s,;]+$/g, '');
}
