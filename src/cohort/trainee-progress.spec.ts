import { TraineeProgress } from './trainee-progress.service';
import { ProgressReader } from './progress-reader.service';
import type { CourseVersionOutline, PublishedCourseVersions } from '../course/published-course-versions.contract';
import type { DirectReads } from '@gds/database';

const lesson = (id: string, position: number) => ({ lessonId: id, title: id, kind: 'article' as const, position });
const outline: CourseVersionOutline = {
  versionId: 'v1', courseId: 'c1', courseCode: 'SEC-1', courseTitle: 'Security', trackCode: 'cybersecurity', version: 2, publishedAt: new Date(0),
  modules: [
    { moduleId: 'm2', title: 'Two', position: 2, prerequisiteModuleIds: [], skillCodes: [], lessons: [lesson('l3', 1)], assessments: [] },
    {
      moduleId: 'm1', title: 'One', position: 1, prerequisiteModuleIds: [], skillCodes: [], lessons: [lesson('l2', 2), lesson('l1', 1)],
      assessments: [{ assessmentId: 'a1', kind: 'quiz', title: 'Quiz', required: true, maxScore: 10, passMark: 6, weight: 1, dueOffsetDays: 3, skillCodes: [] }],
    },
  ],
};
/** One row of OWN_ENROLLMENTS_WITH_FACTS as pg answers it (the cohort started long ago: every module is open whatever the clock says). */
const row = {
  id: 'e1', cohortId: 'k1', traineeId: 't1', courseVersionId: 'v1', status: 'active', source: 'direct',
  enrolledAt: new Date('2020-01-02T03:04:05.000Z'), withdrawnAt: null, withdrawalReason: null, completedAt: null, lastActivityAt: new Date('2020-02-03T04:05:06.000Z'), percentComplete: '25.00',
  cohortName: 'Spring', cohortStatus: 'running', cohortStartsAt: new Date('2020-01-01T00:00:00.000Z'), cohortEndsAt: new Date('2020-06-01T00:00:00.000Z'), unlockMode: 'schedule', timeZone: 'UTC',
  offsets: [['m2', 7]], lessons: ['l1', 'l3'], passes: [],
};

describe('TraineeProgress (GET /me/enrollments)', () => {
  it('answers each enrollment with its progress, keys in the published order, from the one statement and the cached outline', async () => {
    const reads = { query: jest.fn().mockResolvedValue([row]) } as unknown as DirectReads;
    const versions = { getOutlines: jest.fn().mockResolvedValue([outline]) } as unknown as PublishedCourseVersions;
    const body = JSON.stringify(await new TraineeProgress(new ProgressReader(reads, versions)).enrollmentsOf('t1'));
    // The exact text (key order included) the answer had before the view was built in one pass (issue 23, bench/findings/gap.md).
    expect(body).toBe(EXPECTED);
    expect(versions.getOutlines).toHaveBeenCalledWith(['v1']);
  });

  it('leaves out an enrollment whose version the course module does not know', async () => {
    const reads = { query: jest.fn().mockResolvedValue([row]) } as unknown as DirectReads;
    const versions = { getOutlines: jest.fn().mockResolvedValue([]) } as unknown as PublishedCourseVersions;
    const progress = new TraineeProgress(new ProgressReader(reads, versions));
    jest.spyOn((progress as unknown as { logger: { error: () => void } }).logger, 'error').mockImplementation(() => undefined);
    expect(await progress.enrollmentsOf('t1')).toEqual([]);
  });
});

const EXPECTED =
  '[{"id":"e1","cohortId":"k1","traineeId":"t1","courseVersionId":"v1","status":"active","source":"direct","enrolledAt":"2020-01-02T03:04:05.00'
  + '0Z","withdrawnAt":null,"withdrawalReason":null,"completedAt":null,"lastActivityAt":"2020-02-03T04:05:06.000Z","percentComplete":50,"lessonsD'
  + 'one":2,"modulesDone":1,"cohort":{"id":"k1","name":"Spring","status":"running","startsAt":"2020-01-01T00:00:00.000Z","endsAt":"2020-06-01T00:'
  + '00:00.000Z"},"course":{"versionId":"v1","courseId":"c1","title":"Security","code":"SEC-1","version":2},"modules":[{"moduleId":"m1","title":"'
  + 'One","position":1,"status":"open","opensAt":"2020-01-01T00:00:00.000Z","lessonsDone":1,"lessonsTotal":2,"completedLessonIds":["l1"],"assessm'
  + 'ents":[{"assessmentId":"a1","title":"Quiz","dueAt":"2020-01-04T00:00:00.000Z","passed":false}]},{"moduleId":"m2","title":"Two","position":2,'
  + '"status":"done","opensAt":"2020-01-08T00:00:00.000Z","lessonsDone":1,"lessonsTotal":1,"completedLessonIds":["l3"],"assessments":[]}],"next":'
  + '{"moduleId":"m1","lessonId":"l2","assessmentId":null}}]';
