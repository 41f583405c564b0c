import { useLingui } from '@lingui/react/macro';
import { TextField } from '../../shared/ui/text-field';
import { TextArea } from '../../shared/ui/text-area';
import { SelectField } from '../../shared/ui/select-field';
import { LEVELS, TRACKS, type TeachCourse } from './teach.types';
import { useTeachLabels } from './teach-labels';

/** The details every course has (title, summary, track, level, hours), for creating and editing. */
export function CourseFields({ course, errors }: { course?: Pick<TeachCourse, 'title' | 'summary' | 'trackCode' | 'level' | 'estimatedHours'>; errors: Record<string, string> }) {
  const { t } = useLingui();
  const labels = useTeachLabels();
  return (
    <>
      <TextField name="title" label={t`Title`} required maxLength={200} defaultValue={course?.title} error={errors.title} />
      <TextArea name="summary" label={t`Summary`} rows={3} maxLength={4000} defaultValue={course?.summary} error={errors.summary} />
      <SelectField name="trackCode" label={t`Track`} defaultValue={course?.trackCode ?? 'cybersecurity'} error={errors.trackCode}>
        {TRACKS.map((track) => (
          <option key={track} value={track}>
            {labels.track(track)}
          </option>
        ))}
      </SelectField>
      <SelectField name="level" label={t`Level`} defaultValue={course?.level ?? 'beginner'} error={errors.level}>
        {LEVELS.map((level) => (
          <option key={level} value={level}>
            {labels.level(level)}
          </option>
        ))}
      </SelectField>
      <TextField
        name="estimatedHours"
        label={t`Estimated hours`}
        type="number"
        inputMode="numeric"
        min={1}
        max={2000}
        required
        defaultValue={course?.estimatedHours ?? 10}
        error={errors.estimatedHours}
      />
    </>
  );
}

export const courseFieldsOf = (values: Record<string, string>) => ({
  title: values.title ?? '',
  summary: values.summary ?? '',
  trackCode: values.trackCode as (typeof TRACKS)[number],
  level: values.level as (typeof LEVELS)[number],
  estimatedHours: Number(values.estimatedHours),
});
