import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { SelectField } from '../../shared/ui/select-field';
import { Button } from '../../shared/ui/button';
import { coursesQuery, skillsQuery } from './talent.queries';
import { skillsAsked, skillWish, withAvailability, withSkillWish, withValue, type SearchFilters, type SkillWish } from './search-filters';
import { useTalentLabels } from './talent-labels';
import { AVAILABILITIES, TRACKS, type TrackCode } from './talent.types';

interface SearchFiltersFormProps {
  filters: SearchFilters;
  onChange: (filters: SearchFilters) => void;
}

/** The search's filters, applied as they change and kept in the address. */
export function SearchFiltersForm({ filters, onChange }: SearchFiltersFormProps) {
  const { t } = useLingui();
  const labels = useTalentLabels();
  const skills = useQuery(skillsQuery(filters.track));
  const courses = useQuery(coursesQuery(filters.track));
  const chosenAvailability = filters.availability?.split(',') ?? [];
  const asked = skillsAsked(filters);
  // A track's framework is a long list: folded until wanted, so on a phone the results are not pages away.
  const [skillsOpen, setSkillsOpen] = useState(asked > 0);
  return (
    <form role="search" aria-label={t`Candidates`} className="talent-filters" onSubmit={(event) => event.preventDefault()}>
      <div className="field-row">
        <SelectField name="track" label={t`Track`} value={filters.track ?? ''} onChange={(e) => onChange(withValue(filters, 'track', e.target.value as TrackCode | ''))}>
          <option value="">{t`Any track`}</option>
          {TRACKS.map((track) => (
            <option key={track} value={track}>
              {labels.track[track]}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="certification"
          label={t`Certificate held`}
          value={filters.certification ?? ''}
          onChange={(e) => onChange(withValue(filters, 'certification', e.target.value))}
        >
          <option value="">{t`Any or none`}</option>
          {filters.certification && !courses.data?.some((c) => c.code === filters.certification) && <option value={filters.certification}>{filters.certification}</option>}
          {courses.data?.map((course) => (
            <option key={course.id} value={course.code}>
              {course.title} ({course.code})
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset className="fieldset">
        <legend className="field-label">
          <Trans>Availability</Trans>
        </legend>
        <div className="talent-checkboxes">
          {AVAILABILITIES.map((availability) => (
            <div className="checkbox" key={availability}>
              <input
                id={`availability-${availability}`}
                type="checkbox"
                checked={chosenAvailability.includes(availability)}
                onChange={(e) => onChange(withAvailability(filters, availability, e.target.checked))}
              />
              <label htmlFor={`availability-${availability}`}>{labels.availability[availability]}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <details className="talent-skills" open={skillsOpen} onToggle={(e) => setSkillsOpen(e.currentTarget.open)}>
        <summary>{asked > 0 ? t`Skills (${asked} asked)` : t`Skills`}</summary>
        <fieldset className="fieldset">
          <legend className="field-label">
            <Trans>Skills proven by passed assessments</Trans>
          </legend>
          <p className="field-description">
            <Trans>“Must have”: every candidate shown has it. “Nice to have”: candidates with more of these come first.</Trans>
          </p>
          {skills.isError && (
            <p role="alert">
              <Trans>The skills could not be loaded.</Trans>
            </p>
          )}
          <ul className="talent-skill-list">
            {skills.data?.map((skill) => (
              <li key={skill.id}>
                <SelectField
                  name={`skill-${skill.code}`}
                  label={`${skill.name} (${skill.code})`}
                  value={skillWish(filters, skill.code)}
                  onChange={(e) => onChange(withSkillWish(filters, skill.code, e.target.value as SkillWish))}
                >
                  <option value="">{t`Not needed`}</option>
                  <option value="all">{t`Must have`}</option>
                  <option value="any">{t`Nice to have`}</option>
                </SelectField>
              </li>
            ))}
          </ul>
        </fieldset>
      </details>
      {Object.keys(filters).length > 0 && (
        <Button variant="secondary" onClick={() => onChange({})}>
          <Trans>Clear filters</Trans>
        </Button>
      )}
    </form>
  );
}
