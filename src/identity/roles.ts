export const ROLES = ['admin', 'instructor', 'trainee', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];
