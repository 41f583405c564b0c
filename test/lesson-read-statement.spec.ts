import { LESSON_LOOKUP, lessonReadStatement } from '../src/course/course-versions.service';
import { enrolledInVersionSql } from '../src/cohort/cohort-enrollment-directory.service';

// The lesson read folds the enrollments' owner's SQL fragment into its own prepared statement: the
// fragment may use only the parameters it is handed ($4, the caller), checked when it is composed.
describe('lesson read statement composition', () => {
  it("takes the cohort module's enrollment check, which refers only to the caller's $4", () => {
    const statement = lessonReadStatement(enrolledInVersionSql);
    expect(statement.name).toBe('course:lesson-read');
    expect(statement.text).toContain(`${enrolledInVersionSql('$4::uuid', 'v.id')} AS enrolled`);
  });

  it('is the plain lesson lookup when the readers have no SQL form', () => {
    expect(lessonReadStatement(() => null)).toBe(LESSON_LOOKUP);
  });

  it.each([
    ['a parameter of its own that would bind the course id', () => 'EXISTS (SELECT 1 FROM enrollment WHERE course_id = $1)', /\$1\b/],
    ['a parameter past the statement\'s', (trainee: string) => `EXISTS (SELECT 1 FROM enrollment WHERE trainee_id = ${trainee} AND cohort_id = $5)`, /\$5\b/],
    ['a longer number that starts like the allowed one', () => 'EXISTS (SELECT 1 FROM enrollment WHERE trainee_id = $40)', /\$40\b/],
  ])('refuses, at composition, a fragment with %s', (_, fragment, stray) => {
    expect(() => lessonReadStatement(fragment)).toThrow(stray);
  });
});
