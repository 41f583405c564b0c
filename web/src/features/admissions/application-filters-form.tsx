import { useEffect, useState, type FormEvent } from 'react';
import { Trans, useLingui } from '@lingui/react/macro';
import { SelectField } from '../../shared/ui/select-field';
import { TextField } from '../../shared/ui/text-field';
import { Button } from '../../shared/ui/button';
import { activeFilterCount, withFilter, type ApplicationFilters } from './application-filters';
import { useAdmissionsLabels } from './admissions-labels';
import type { ApplicationStatus, TrackCode } from './admissions.types';

interface FiltersFormProps {
  filters: ApplicationFilters;
  tracks: TrackCode[];
  onChange: (filters: ApplicationFilters) => void;
}

/** Search (sent on Enter or "Search") and filters (applied on change), all kept in the address so a view can be shared. */
export function ApplicationFiltersForm({ filters, tracks, onChange }: FiltersFormProps) {
  const { t } = useLingui();
  const labels = useAdmissionsLabels();
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    onChange(withFilter(filters, 'q', q.trim()));
  };
  return (
    <div className="filters">
      <form role="search" aria-label={t`Applications`} onSubmit={onSearch} className="search-form">
        <TextField name="q" type="search" label={t`Search name, e-mail or answers`} value={q} maxLength={100} onChange={(e) => setQ(e.target.value)} />
        <Button type="submit" variant="secondary">
          <Trans>Search</Trans>
        </Button>
      </form>
      <div className="field-row">
        <SelectField name="status" label={t`Status`} value={filters.status ?? ''} onChange={(e) => onChange(withFilter(filters, 'status', e.target.value as ApplicationStatus | ''))}>
          <option value="">{t`Any status`}</option>
          {(['submitted', 'shortlisted', 'accepted', 'waitlisted', 'rejected', 'withdrawn'] as const).map((s) => (
            <option key={s} value={s}>
              {labels.status[s]}
            </option>
          ))}
        </SelectField>
        <SelectField name="trackCode" label={t`Track wanted`} value={filters.trackCode ?? ''} onChange={(e) => onChange(withFilter(filters, 'trackCode', e.target.value as TrackCode | ''))}>
          <option value="">{t`Any track`}</option>
          {tracks.map((track) => (
            <option key={track} value={track}>
              {labels.track[track]}
            </option>
          ))}
        </SelectField>
        <SelectField name="scored" label={t`Scored`} value={filters.scored ?? ''} onChange={(e) => onChange(withFilter(filters, 'scored', e.target.value as 'true' | 'false' | ''))}>
          <option value="">{t`Scored or not`}</option>
          <option value="true">{t`Scored`}</option>
          <option value="false">{t`Not scored yet`}</option>
        </SelectField>
        <div className="checkbox">
          <input
            id="duplicates-only"
            type="checkbox"
            checked={filters.duplicates === 'true'}
            onChange={(e) => onChange(withFilter(filters, 'duplicates', e.target.checked ? 'true' : ''))}
          />
          <label htmlFor="duplicates-only">{t`Possible duplicates only`}</label>
        </div>
      </div>
      {activeFilterCount(filters) > 0 && (
        <Button variant="secondary" onClick={() => onChange(filters.sort ? { sort: filters.sort } : {})}>
          <Trans>Clear search and filters</Trans>
        </Button>
      )}
    </div>
  );
}
