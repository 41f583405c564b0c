// Type-checked by `npm run typecheck -w web`, never run: fails to compile when a key operation's
// result loses its type in the generated client (an operation without a declared success schema
// gives `data: undefined`, and a `!` or a cast would hide that; Exactly<> does not).
import createClient from 'openapi-fetch';
import type { components, paths } from './schema.gen';

type Schemas = components['schemas'];
/** True only when A and B are the same type (never and undefined included). */
type Exactly<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Data<R> = R extends { data?: infer D } ? NonNullable<D> : never;

// The JSON bodies (a report also answers CSV by negotiation).
const client = createClient<paths, `${string}/json`>({ baseUrl: '/' });

export async function typedCalls(cohortId: string, submissionId: string) {
  const login = await client.POST('/api/v1/auth/login', { body: { email: 'maria@example.ph', password: 'a password' } });
  const loginTyped: Exactly<Data<typeof login>, Schemas['TokenPairDto']> = true;

  const me = await client.GET('/api/v1/me');
  const meTyped: Exactly<Data<typeof me>, Schemas['UserView']> = true;

  const report = await client.GET('/api/v1/reports/cohorts/{id}/outcomes', { params: { path: { id: cohortId } } });
  const reportTyped: Exactly<Data<typeof report>, Schemas['CohortOutcomeReportView']> = true;

  const certificates = await client.GET('/api/v1/me/certificates');
  const certificatesTyped: Exactly<Data<typeof certificates>, Schemas['CertificatePageView']> = true;

  type MeRefusal = paths['/api/v1/me']['get']['responses'][401]['content']['application/problem+json'];
  const problemTyped: Exactly<MeRefusal, Schemas['ProblemView']> = true;

  const enrollments = await client.GET('/api/v1/me/enrollments');
  const enrollmentsTyped: Exactly<Data<typeof enrollments>, Schemas['EnrollmentProgressView'][]> = true;
  const submission = await client.GET('/api/v1/submissions/{id}', { params: { path: { id: submissionId } } });
  const submissionTyped: Exactly<Data<typeof submission>, Schemas['SubmissionDetailView']> = true;
  return {
    results: [login.data, me.data, report.data, certificates.data, enrollments.data, submission.data],
    typed: [loginTyped, meTyped, reportTyped, certificatesTyped, problemTyped, enrollmentsTyped, submissionTyped],
  };
}
