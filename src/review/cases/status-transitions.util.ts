import { CaseStatus } from '../../cases/case-status.types';

/**
 * What a Kümmerer may set by hand. "approved" only through approval (it makes the final PDFs),
 * "waiting_for_family" only through ask-back (it posts the question).
 */
const allowed: Record<CaseStatus, readonly CaseStatus[]> = {
  submitted: ['in_review', 'closed'],
  in_review: ['closed'],
  waiting_for_family: ['in_review', 'closed'],
  approved: ['sent', 'in_review'],
  sent: ['closed'],
  closed: [],
};

export function manualTransitionsFrom(status: CaseStatus): readonly CaseStatus[] {
  return allowed[status];
}
