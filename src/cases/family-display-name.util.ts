import { Answers } from '../forms/definition/answers.types';

/**
 * "Ayşe Yılmaz": how the queue names a family. Every application asks for the applicant's name
 * under these ids (forms/kg1); a case started before the name was given shows a placeholder.
 */
export function familyDisplayName(answers: Answers): string {
  const parts = [answers['applicant.firstName'], answers['applicant.lastName']].filter(
    (part): part is string => typeof part === 'string' && part.trim() !== '',
  );
  return parts.length > 0 ? parts.join(' ') : 'Familie ohne Namen';
}
