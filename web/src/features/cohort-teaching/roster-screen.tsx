import { useMemo, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { useFormat } from '../../shared/i18n/use-format';
import { cohortQuery } from '../../shared/api/resources/cohorts';
import { SelectField } from '../../shared/ui/select-field';
import { ProgressBar } from '../../shared/ui/progress-bar';
import { rosterQuery } from './cohort-teaching.queries';
import { noRosterFilters, rosterView, traineeName, type RosterEntry, type RosterFilters, type RosterSort } from './roster-view';
import { CohortTabs } from './cohort-tabs';
import { MessageComposer } from './message-composer';
import { ModuleStrip } from './module-strip';
import { rosterRoute } from './routes';
import './cohort-teaching.css';

/** Screen 6: who is where in the cohort, who is at risk and why, and a message to some or all of them. */
export function RosterScreen() {
  const { t, i18n } = useLingui();
  const format = useFormat();
  const { cohortId } = rosterRoute.useParams();
  const cohort = useQuery(cohortQuery(cohortId));
  const roster = useQuery(rosterQuery(cohortId));
  const [filters, setFilters] = useState<RosterFilters>(noRosterFilters);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const trackOfVersion = useMemo(() => new Map((cohort.data?.courses ?? []).map((c) => [c.versionId, c.trackCode])), [cohort.data]);
  const courseOfVersion = useMemo(() => new Map((cohort.data?.courses ?? []).map((c) => [c.versionId, c.title])), [cohort.data]);
  const tracks = [...new Set(trackOfVersion.values())];
  const reasonText = (reason: 'inactive' | 'failing', days: number) =>
    reason === 'inactive' ? t`No activity for ${days} days or more` : t`Failed an assessment`;
  const toggle = (traineeId: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(traineeId)) next.delete(traineeId);
      else next.add(traineeId);
      return next;
    });

  return (
    <Screen
      title={roster.data?.cohortName ?? cohort.data?.name ?? t`Cohort roster`}
      before={
        <Link to="/cohort-teaching" className="back-link">
          <Trans>My cohorts</Trans>
        </Link>
      }
    >
      <CohortTabs cohortId={cohortId} />
      <h2>
        <Trans>Roster</Trans>
      </h2>
      <QueryView query={roster} lines={8} isEmpty={(r) => r.items.length === 0} empty={<Trans>No trainee is enrolled in this cohort yet.</Trans>}>
        {(r) => {
          const rows = rosterView(r.items, filters, trackOfVersion, i18n.locale);
          const everyone = new Map(r.items.map((e) => [e.traineeId, e]));
          const recipients = [...selected].map((id) => everyone.get(id)).filter((e): e is RosterEntry => e !== undefined);
          const atRiskCount = r.items.filter((e) => e.atRisk).length;
          const total = r.items.length;
          return (
            <>
              <p>
                <Trans>
                  {total} trainees, {atRiskCount} at risk.
                </Trans>
              </p>
              <div className="filter-row" role="group" aria-label={t`Filters and sort`}>
                <div className="field field-checkbox">
                  <label>
                    <input type="checkbox" checked={filters.atRiskOnly} onChange={(e) => setFilters({ ...filters, atRiskOnly: e.target.checked })} /> <Trans>At risk only</Trans>
                  </label>
                </div>
                <SelectField name="track" label={t`Track`} value={filters.track} onChange={(e) => setFilters({ ...filters, track: e.target.value })}>
                  <option value="">{t`Every track`}</option>
                  {tracks.map((track) => (
                    <option key={track} value={track}>
                      {track}
                    </option>
                  ))}
                </SelectField>
                <SelectField name="sort" label={t`Sort by`} value={filters.sort} onChange={(e) => setFilters({ ...filters, sort: e.target.value as RosterSort })}>
                  <option value="name">{t`Name`}</option>
                  <option value="progress">{t`Progress (least first)`}</option>
                  <option value="last-activity">{t`Last activity (oldest first)`}</option>
                </SelectField>
              </div>
              <div className="table-scroll table-scroll--spaced" role="region" aria-labelledby="roster-caption" tabIndex={0}>
                <table className="data-table data-table--flush data-table--body-text data-table--labelled data-table--nowrap-row-headers">
                  <caption id="roster-caption">
                    <Trans>Trainees and their progress ({rows.length} shown)</Trans>
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">
                        <Trans>Select</Trans>
                      </th>
                      <th scope="col">
                        <Trans>Trainee</Trans>
                      </th>
                      <th scope="col">
                        <Trans>Course</Trans>
                      </th>
                      <th scope="col">
                        <Trans>Progress by module</Trans>
                      </th>
                      <th scope="col">
                        <Trans>Last activity</Trans>
                      </th>
                      <th scope="col">
                        <Trans>At risk</Trans>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((entry) => {
                      const name = traineeName(entry);
                      const done = entry.modulesDone;
                      const of = entry.modulesTotal;
                      return (
                        <tr key={entry.enrollmentId}>
                          <td>
                            <input type="checkbox" aria-label={t`Select ${name}`} checked={selected.has(entry.traineeId)} onChange={() => toggle(entry.traineeId)} />
                          </td>
                          <th scope="row">{name}</th>
                          <td>{courseOfVersion.get(entry.courseVersionId) ?? ''}</td>
                          <td>
                            <Trans>
                              {done} of {of} modules
                            </Trans>
                            <ProgressBar value={entry.percentComplete} label={t`Progress of ${name}`} />
                            <ModuleStrip name={name} modules={entry.modules} />
                          </td>
                          <td>{entry.lastActivityAt ? format.dateTime(entry.lastActivityAt) : t`Never`}</td>
                          <td>
                            {entry.atRisk ? (
                              <>
                                <strong>
                                  <Trans>At risk</Trans>
                                </strong>
                                <ul className="reasons">
                                  {entry.atRiskReasons.map((reason) => (
                                    <li key={reason}>{reasonText(reason, r.inactiveDays)}</li>
                                  ))}
                                </ul>
                              </>
                            ) : (
                              <Trans>No</Trans>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              <MessageComposer cohortId={cohortId} recipients={recipients} onSent={() => setSelected(new Set())} />
            </>
          );
        }}
      </QueryView>
    </Screen>
  );
}
