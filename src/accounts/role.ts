export const ROLES = ['seller', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles an admin may create or assign; sellers only come from sign-up. */
export const STAFF_ROLES = ['moderator', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const USER_STATUSES = ['active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
