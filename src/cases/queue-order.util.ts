/**
 * 0 when the family moved last and the Kümmerer has to look: a new submission nobody has taken up
 * (still "submitted") or a family message nobody has answered (`unread_family_message_at`). The
 * queue puts these first, then sorts by deadline (docs/case-status.md, "Queue order").
 */
export const familyMovedLastSql = `CASE WHEN c.status = 'submitted' OR c.unread_family_message_at IS NOT NULL THEN 0 ELSE 1 END`;
