import { type ChangeEvent, useEffect, useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { useErrorMessage } from '../../shared/states/error-state';
import { Form } from '../../shared/ui/form';
import { TextField } from '../../shared/ui/text-field';
import { TextArea } from '../../shared/ui/text-area';
import { SelectField } from '../../shared/ui/select-field';
import { Button } from '../../shared/ui/button';
import { FormAlert } from '../../shared/ui/form-alert';
import { fieldErrorsOf } from '../../shared/ui/field-errors';
import { formValues } from '../../shared/ui/form-values';
import { courseChoicesQuery, useCreateCohort } from './admin-cohorts.queries';
import { newCohortBody, newCohortIssues, type NewCohortIssue } from './cohort-form';
import { DEFAULT_TIME_ZONE, timeZoneChoices } from '../../shared/time/zones';
import './admin-cohorts.css';

/**
 * A new planned cohort: its courses (one per track), seats, zone, dates and the questions applicants
 * answer. Dates are wall clocks of the chosen zone, as the edit form shows them.
 */
export function NewCohortScreen() {
  const { t } = useLingui();
  const navigate = useNavigate();
  const courses = useQuery(courseChoicesQuery);
  const create = useCreateCohort();
  const errorMessage = useErrorMessage();
  const [chosen, setChosen] = useState<string[]>([]);
  // Kept in state so the note under each date names the zone they are read in.
  const [timeZone, setTimeZone] = useState(DEFAULT_TIME_ZONE);
  const [zones] = useState(timeZoneChoices);
  const [issues, setIssues] = useState<NewCohortIssue[]>([]);
  // Counts refused submits. Focus moves once per refusal, after the render that marks the field (aria-invalid, the
  // error in its description), so the field is read with its error; the alert, keyed by it, is announced again each time.
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals === 0 || issues.length === 0) return;
    document.querySelector<HTMLInputElement>(`input[name="${issues[0].split(':')[0]}"]`)?.focus();
  }, [refusals]);
  // A date fixed in place clears its error at once, not at the next submit; a new issue waits for the submit.
  function recheckDates(event: ChangeEvent<HTMLInputElement>) {
    if (issues.length === 0 || !event.target.form) return;
    const now = newCohortIssues(newCohortBody(formValues(event.target.form), chosen));
    if (issues.some((issue) => !now.includes(issue))) setIssues(issues.filter((issue) => now.includes(issue)));
  }
  const errors: Record<string, string | undefined> = { ...fieldErrorsOf(create.error) };
  if (issues.includes('applicationsCloseAt:before-open')) errors.applicationsCloseAt = t`Applications must close after they open.`;
  if (issues.includes('endsAt:before-start')) errors.endsAt = t`The cohort must end after it starts.`;
  const zoneNote = t`Times in ${timeZone}.`;
  return (
    <Screen
      title={t`New cohort`}
      before={
        <Link to="/admin/cohorts" className="back-link">
          <Trans>All cohorts</Trans>
        </Link>
      }
    >
      <Form
        onSubmit={(values) => {
          const body = newCohortBody(values, chosen);
          const found = newCohortIssues(body);
          setIssues(found);
          if (found.length > 0) {
            // The API's earlier refusal no longer describes what is on screen; focus goes to the first field to fix (the effect above).
            create.reset();
            setRefusals((count) => count + 1);
            return;
          }
          create.mutate(body, { onSuccess: (cohort) => void navigate({ to: '/admin/cohorts/$cohortId', params: { cohortId: cohort.id } }) });
        }}
      >
        <FormAlert key={refusals} message={create.error ? errorMessage(create.error) : issues.length > 0 ? t`Check the dates marked below.` : undefined} />
        <TextField name="name" label={t`Name`} required maxLength={200} error={errors.name} />
        <fieldset className="fieldset">
          <legend>{t`Courses (one per track)`}</legend>
          <QueryView query={courses} isEmpty={(items) => items.length === 0} empty={<Trans>No published course yet: publish one first.</Trans>}>
            {(items) => (
              <ul className="choice-list">
                {items.map((course) => (
                  <li key={course.versionId}>
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        checked={chosen.includes(course.versionId)}
                        onChange={(event) => setChosen((ids) => (event.target.checked ? [...ids, course.versionId] : ids.filter((id) => id !== course.versionId)))}
                      />
                      {t`${course.title} (${course.trackCode}, version ${course.version})`}
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </QueryView>
          {errors.courseVersionIds && <p className="field-error">{errors.courseVersionIds}</p>}
        </fieldset>
        <TextField name="capacity" label={t`Seats`} type="number" min={1} max={100000} required error={errors.capacity} />
        <SelectField name="timeZone" label={t`Time zone`} value={timeZone} onChange={(event) => setTimeZone(event.target.value)} error={errors.timeZone}>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </SelectField>
        <TextField name="applicationsOpenAt" label={t`Applications open`} type="datetime-local" description={zoneNote} required error={errors.applicationsOpenAt} onChange={recheckDates} />
        <TextField name="applicationsCloseAt" label={t`Applications close`} type="datetime-local" description={zoneNote} required error={errors.applicationsCloseAt} onChange={recheckDates} />
        <TextField name="startsAt" label={t`Starts`} type="datetime-local" description={zoneNote} required error={errors.startsAt} onChange={recheckDates} />
        <TextField name="endsAt" label={t`Ends`} type="datetime-local" description={zoneNote} required error={errors.endsAt} onChange={recheckDates} />
        <SelectField name="unlockMode" label={t`Modules open`} defaultValue="prerequisites">
          <option value="prerequisites">{t`When their prerequisites are done`}</option>
          <option value="schedule">{t`On a schedule from the start date`}</option>
        </SelectField>
        <TextArea name="requiredQuestions" label={t`Application questions (required)`} description={t`One question per line.`} rows={3} error={errors.questions} />
        <TextArea name="optionalQuestions" label={t`Application questions (optional)`} description={t`One question per line.`} rows={2} />
        <p className="meta">
          <Trans>Courses and questions are fixed once the cohort is created; name, seats and the application window can be changed later.</Trans>
        </p>
        <Button type="submit" isPending={create.isPending}>
          <Trans>Create cohort</Trans>
        </Button>
      </Form>
    </Screen>
  );
}
