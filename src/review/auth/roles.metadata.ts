/** Metadata key under which @Roles(...) stores the allowed roles. */
export const rolesMetadataKey = 'review:roles';
