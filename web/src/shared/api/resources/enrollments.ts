import { queryOptions } from '@tanstack/react-query';
import { api } from '../client';
import { unwrap } from '../unwrap';
import { queryKeys } from '../query-keys';
import type { components } from '../schema.gen';

/** A trainee's enrollment with progress per module and what is next (GET /api/v1/me/enrollments). */
export type Enrollment = components['schemas']['EnrollmentProgressView'];
export type EnrollmentModule = components['schemas']['ProgressModuleView'];
export type ModuleStatus = EnrollmentModule['status'];

/** The trainee's enrollments with progress per module and what is next: home and learning read it. */
export const enrollmentsQuery = queryOptions({
  queryKey: queryKeys.enrollments.all,
  queryFn: () => unwrap(api.GET('/api/v1/me/enrollments')),
  // Changes behind the trainee's back (an admission, a grade): read again whenever a screen shows it.
  staleTime: 0,
});
