/** The role vocabulary lives with the access rules (libs/http), which every module's checks use. */
export { ROLES, isRole } from '@gds/http';
export type { Role } from '@gds/http';
