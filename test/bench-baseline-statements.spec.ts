import * as bare from '../bench/baseline/baseline-statements';
import { CURRENT_PRINCIPAL, CURRENT_PRINCIPAL_WITH_PROFILE } from '../src/identity/access-tokens.service';
import { lessonReadStatement } from '../src/course/course-versions.service';
import { enrolledInVersionSql } from '../src/cohort/cohort-enrollment-directory.service';
import { OWN_ENROLLMENTS_WITH_FACTS } from '../src/cohort/trainee-progress.service';

// The bare baseline sends copies of the app's named statements (it loads no Nest service); a copy
// that drifted from the app's text would compare the app with other work.
describe('bench baseline statements', () => {
  it.each([
    ['CURRENT_PRINCIPAL', bare.CURRENT_PRINCIPAL, CURRENT_PRINCIPAL],
    ['CURRENT_PRINCIPAL_WITH_PROFILE', bare.CURRENT_PRINCIPAL_WITH_PROFILE, CURRENT_PRINCIPAL_WITH_PROFILE],
    // The lesson read as the app builds it with the cohort module's enrollment check bound (domain-modules.ts).
    ['LESSON_READ', bare.LESSON_READ, lessonReadStatement(enrolledInVersionSql)],
    ['OWN_ENROLLMENTS_WITH_FACTS', bare.OWN_ENROLLMENTS_WITH_FACTS, OWN_ENROLLMENTS_WITH_FACTS],
  ])("%s has the app's name and text", (_, copy, app) => {
    expect(copy).toEqual({ name: app.name, text: app.text });
  });
});
