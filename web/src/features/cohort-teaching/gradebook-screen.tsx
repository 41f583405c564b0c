import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { cohortQuery } from '../../shared/api/resources/cohorts';
import { SelectField } from '../../shared/ui/select-field';
import { Button } from '../../shared/ui/button';
import { FormAlert } from '../../shared/ui/form-alert';
import { downloadGradebookCsv, gradebookQuery } from './cohort-teaching.queries';
import { CohortTabs } from './cohort-tabs';
import { GradebookTable } from './gradebook-table';
import { gradebookRoute } from './routes';
import './cohort-teaching.css';

/** Screen 8: trainees × assessments of one course version, with the CSV of the whole cohort. */
export function GradebookScreen() {
  const { t } = useLingui();
  const { cohortId } = gradebookRoute.useParams();
  const cohort = useQuery(cohortQuery(cohortId));
  const [chosen, setChosen] = useState('');
  const courseVersionId = chosen || cohort.data?.courses[0]?.versionId || '';
  const book = useInfiniteQuery(gradebookQuery(cohortId, courseVersionId));
  const csv = useMutation({ mutationFn: () => downloadGradebookCsv(cohortId, courseVersionId) });
  return (
    <Screen
      title={t`Gradebook`}
      before={
        <Link to="/cohort-teaching" className="back-link">
          <Trans>My cohorts</Trans>
        </Link>
      }
    >
      <p>{cohort.data?.name}</p>
      <CohortTabs cohortId={cohortId} />
      <QueryView query={cohort} lines={2} isEmpty={(c) => c.courses.length === 0} empty={<Trans>This cohort runs no course.</Trans>}>
        {(c) => (
          <div className="filter-row">
            <SelectField name="courseVersionId" label={t`Course`} value={courseVersionId} onChange={(e) => setChosen(e.target.value)}>
              {c.courses.map((course) => (
                <option key={course.versionId} value={course.versionId}>
                  {t`${course.title} (version ${course.version})`}
                </option>
              ))}
            </SelectField>
            <Button variant="secondary" isPending={csv.isPending} onClick={() => csv.mutate()}>
              {t`Download CSV`}
            </Button>
          </div>
        )}
      </QueryView>
      <FormAlert message={csv.error?.message} />
      {courseVersionId !== '' && (
        <QueryView query={book} lines={6} isEmpty={(data) => (data.pages[0]?.items.length ?? 0) === 0} empty={<Trans>No trainee in this course yet.</Trans>}>
          {(data) => (
            <>
              <GradebookTable
                cohortId={cohortId}
                title={data.pages[0]?.courseTitle ?? ''}
                assessments={data.pages[0]?.assessments ?? []}
                rows={data.pages.flatMap((p) => p.items)}
              />
              {book.hasNextPage && (
                <Button variant="secondary" isPending={book.isFetchingNextPage} onClick={() => void book.fetchNextPage()}>
                  {t`Show more trainees`}
                </Button>
              )}
            </>
          )}
        </QueryView>
      )}
    </Screen>
  );
}
