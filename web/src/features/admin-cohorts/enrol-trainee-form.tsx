import { useEffect, useRef, useState } from 'react';
import { Trans, useLingui } from '@lingui/react/macro';
import { i18n } from '@lingui/core';
import { Form } from '../../shared/ui/form';
import { TextField } from '../../shared/ui/text-field';
import { TextArea } from '../../shared/ui/text-area';
import { SelectField } from '../../shared/ui/select-field';
import { Button } from '../../shared/ui/button';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { FormAlert } from '../../shared/ui/form-alert';
import { ProblemError } from '../../shared/api/problem';
import { useErrorMessage } from '../../shared/states/error-state';
import { type AdminCohort, type EnrolTraineeInput, useEnrolTrainee } from './admin-cohorts.queries';
import { courseName, missingPrerequisites, NoSuchTrainee, type MissingCourse } from './enrol-trainee';

/** Refusals about the trainee typed: shown on the e-mail field, where focus goes to fix them. */
const ABOUT_THE_TRAINEE = ['already-enrolled', 'not-a-trainee'];

/**
 * A direct enrolment by the trainee's e-mail. A trainee missing prerequisites is not enrolled at
 * first: the missing courses are listed and staff may enrol them anyway after a confirmation (the
 * API records the waiver, listed under "Prerequisites waived"). After each answer focus goes to what
 * it says: the e-mail field when the trainee is the problem, else the outcome below the form.
 */
export function EnrolTraineeForm({ cohort }: { cohort: AdminCohort }) {
  const { t } = useLingui();
  const errorMessage = useErrorMessage();
  const enrol = useEnrolTrainee(cohort.id);
  const [asked, setAsked] = useState<EnrolTraineeInput | null>(null);
  // A new key empties the form after an enrolment (its inputs are uncontrolled).
  const [formKey, setFormKey] = useState(0);
  const [settled, setSettled] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const error = enrol.error;
  const missing = missingPrerequisites(error);
  const traineeError = error instanceof NoSuchTrainee || (error instanceof ProblemError && ABOUT_THE_TRAINEE.includes(error.slug));
  const email = asked?.email.trim() ?? '';
  // The refusal being waived: its block (and the dialog's trigger, where focus returns on confirming) stays while the
  // waiver is sent, though the new request clears the error, so focus is not dropped on the body until the answer.
  const [waiving, setWaiving] = useState<MissingCourse[] | null>(null);
  const shownMissing = missing ?? (enrol.isPending ? waiving : null);

  // Only a new answer (settled counts them) moves focus, not a re-render.
  useEffect(() => {
    if (settled === 0) return;
    if (traineeError) root.current?.querySelector<HTMLInputElement>('input[name="email"]')?.focus();
    else outcome.current?.focus();
  }, [settled]);

  function submit(input: EnrolTraineeInput) {
    setAsked(input);
    setWaiving(input.overridePrerequisites ? missing : null);
    enrol.mutate(input, {
      onSuccess: () => setFormKey((key) => key + 1),
      onSettled: () => setSettled((count) => count + 1),
    });
  }

  function refusal(failure: unknown): string {
    if (failure instanceof NoSuchTrainee) return t`No trainee account has the e-mail ${email}. Check the address, or add the person with the CSV import.`;
    if (failure instanceof ProblemError) {
      if (failure.slug === 'already-enrolled') return t`${email} is already enrolled in this cohort.`;
      if (failure.slug === 'not-a-trainee') return t`${email} is not an active trainee account, so it cannot be enrolled.`;
      if (failure.slug === 'cohort-full') return t`Every seat in this cohort is taken. Add seats under Edit to enrol more trainees.`;
      if (failure.slug === 'track-quota-full') return t`Every seat of this course's track quota is taken.`;
      if (failure.slug === 'unknown-course-version') return t`Choose the course the trainee will take.`;
    }
    return errorMessage(failure);
  }

  return (
    <div ref={root}>
      <Form
        key={formKey}
        aria-label={t`Enrol a trainee`}
        onSubmit={(values) => submit({ email: values.email ?? '', courseVersionId: values.courseVersionId || undefined })}
      >
        <TextField
          name="email"
          label={t`Trainee's e-mail`}
          type="email"
          autoComplete="off"
          required
          maxLength={320}
          description={t`The trainee must already have an account.`}
          error={traineeError ? refusal(error) : undefined}
        />
        {cohort.courses.length > 1 && (
          <SelectField name="courseVersionId" label={t`Course`} required defaultValue="">
            <option value="">{t`Choose a course`}</option>
            {cohort.courses.map((course) => (
              <option key={course.versionId} value={course.versionId}>
                {t`${course.title} (${course.trackCode}, version ${course.version})`}
              </option>
            ))}
          </SelectField>
        )}
        <Button type="submit" variant="secondary" isPending={enrol.isPending}>
          <Trans>Enrol</Trans>
        </Button>
      </Form>
      <div ref={outcome} tabIndex={-1} className="enrol-outcome">
        {enrol.isSuccess && !enrol.isPending && (
          <p role="status">
            {asked?.overridePrerequisites
              ? t`${enrol.data.trainee.displayName} (${enrol.data.trainee.email}) is enrolled. The prerequisites they had not completed are waived; the waiver is listed under Prerequisites waived.`
              : t`${enrol.data.trainee.displayName} (${enrol.data.trainee.email}) is enrolled.`}
          </p>
        )}
        {shownMissing && asked && (
          <WaivePrerequisites email={email} missing={shownMissing} isPending={enrol.isPending} onConfirm={(reason) => submit({ ...asked, overridePrerequisites: true, overrideReason: reason })} />
        )}
        {error && !missing && !traineeError && <FormAlert message={refusal(error)} />}
      </div>
    </div>
  );
}

/** As long as the API keeps (OVERRIDE_REASON_MAX). */
const REASON_MAX = 500;

function WaivePrerequisites({ email, missing, isPending, onConfirm }: { email: string; missing: MissingCourse[]; isPending: boolean; onConfirm: (reason: string) => void }) {
  const { t } = useLingui();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const reasonField = useRef<HTMLDivElement>(null);
  // A waiver must say why (the API refuses one without): a blank reason keeps the dialog open, the error on the field, focused.
  function reasonGiven(): boolean {
    if (reason.trim()) return true;
    setReasonError(t`Give the reason for waiving the prerequisites.`);
    reasonField.current?.querySelector('textarea')?.focus();
    return false;
  }
  const names = new Intl.ListFormat(i18n.locale || 'en', { type: 'conjunction' }).format(missing.map(courseName));
  return (
    <div className="notice enrol-prerequisites">
      <p role="alert">{t`${email} is not enrolled: they have not completed every prerequisite course.`}</p>
      {missing.length > 0 && (
        <>
          <p id="enrol-missing-courses">{t`Not completed:`}</p>
          <ul aria-labelledby="enrol-missing-courses">
            {missing.map((course) => (
              <li key={course.courseId}>{courseName(course)}</li>
            ))}
          </ul>
        </>
      )}
      <ConfirmDialog
        trigger={t`Enrol anyway (waive prerequisites)`}
        title={t`Enrol ${email} without the prerequisites?`}
        confirm={t`Enrol anyway`}
        cancel={t`Cancel`}
        variant="primary"
        isPending={isPending}
        confirmIf={reasonGiven}
        onConfirm={() => onConfirm(reason.trim())}
      >
        <p>{missing.length > 0 ? t`They have not completed ${names}.` : t`They have not completed every prerequisite course.`}</p>
        <p>{t`The waiver is recorded with your name and your reason, and listed under Prerequisites waived on this screen.`}</p>
        <div ref={reasonField}>
          <TextArea
            name="overrideReason"
            label={t`Reason for the waiver`}
            description={t`For example, equivalent experience or a course completed elsewhere. Up to ${REASON_MAX} characters.`}
            required
            aria-required
            maxLength={REASON_MAX}
            rows={3}
            value={reason}
            error={reasonError}
            onChange={(event) => {
              setReason(event.target.value);
              if (event.target.value.trim()) setReasonError(undefined);
            }}
          />
        </div>
      </ConfirmDialog>
    </div>
  );
}
