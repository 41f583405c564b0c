import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from '@tanstack/react-router';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { Button } from '../../shared/ui/button';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { FormAlert } from '../../shared/ui/form-alert';
import { TextField } from '../../shared/ui/text-field';
import { useErrorMessage } from '../../shared/states/error-state';
import { useFormat } from '../../shared/i18n/use-format';
import { type Person, personQuery, type Role, roleChangesQuery, useChangeRoles, useResendInvitation, useSetActive } from './people.queries';
import { RoleChoices } from './role-choices';
import { OrganisationChoice } from './organisation-choice';
import { useRoleLabel } from './role-labels';
import './admin-people.css';

/** One person: roles (with a reason kept in the history), invitation re-sent, deactivation, and the history of all of it. */
export function PersonScreen() {
  const { t } = useLingui();
  // Not strict: the admin branch is a pathless route (see outcomes' cohort screen).
  const { userId = '' } = useParams({ strict: false });
  const person = useQuery(personQuery(userId));
  return (
    <Screen
      title={person.data?.displayName ?? t`Person`}
      before={
        <Link to="/admin/people" className="back-link">
          <Trans>All people</Trans>
        </Link>
      }
    >
      <QueryView query={person}>{(p) => <PersonDetail person={p} />}</QueryView>
    </Screen>
  );
}

function PersonDetail({ person }: { person: Person }) {
  const { t } = useLingui();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const roleLabel = useRoleLabel();
  const [roles, setRoles] = useState<Role[]>(person.roles);
  const [reason, setReason] = useState('');
  const [organisationId, setOrganisationId] = useState(person.organisationId ?? '');
  useEffect(() => setRoles(person.roles), [person.roles]);
  useEffect(() => setOrganisationId(person.organisationId ?? ''), [person.organisationId]);
  const changeRoles = useChangeRoles(person.id);
  const resend = useResendInvitation(person.id);
  const setActive = useSetActive(person.id);
  const history = useInfiniteQuery(roleChangesQuery(person.id));
  // The first row of the page "Show earlier changes" brought in: focus goes there (the button unmounts while
  // focused once the last page is in, which would drop focus on the body), so a screen reader reads on from it.
  const [arrived, setArrived] = useState<string | null>(null);
  const historyRows = useRef<HTMLTableSectionElement>(null);
  useEffect(() => {
    if (arrived) historyRows.current?.querySelector<HTMLElement>(`tr[data-change="${arrived}"]`)?.focus();
  }, [arrived]);
  function showEarlier() {
    void history.fetchNextPage().then((result) => {
      const first = result.isError ? undefined : result.data?.pages.at(-1)?.items[0];
      if (first) setArrived(first.id);
    });
  }
  const failure = changeRoles.error ?? resend.error ?? setActive.error;
  const resentUntil = format.dateTime(resend.data?.expiresAt);
  const actionLabel: Record<string, string> = { create: t`Account created`, roles: t`Roles changed`, deactivate: t`Deactivated`, reactivate: t`Reactivated` };
  return (
    <>
      <dl className="facts">
        <dt>{t`Email`}</dt>
        <dd>{person.email}</dd>
        <dt>{t`Account`}</dt>
        <dd data-testid="account-state">{person.active ? t`Active` : t`Deactivated`}</dd>
        <dt>{t`Since`}</dt>
        <dd>{format.date(person.createdAt)}</dd>
      </dl>
      <FormAlert message={failure ? errorMessage(failure) : undefined} />
      <section className="section" aria-labelledby="roles">
        <h2 id="roles">
          <Trans>Roles</Trans>
        </h2>
        <RoleChoices value={roles} onChange={setRoles} />
        {roles.includes('employer') && <OrganisationChoice value={organisationId} onChange={setOrganisationId} />}
        <TextField name="reason" label={t`Reason (kept in the history)`} value={reason} onChange={(event) => setReason(event.target.value)} maxLength={500} />
        <Button onClick={() => changeRoles.mutate({ roles, reason: reason || undefined, organisationId: roles.includes('employer') ? organisationId || undefined : undefined })} isPending={changeRoles.isPending}>
          <Trans>Save roles</Trans>
        </Button>
      </section>
      <section className="section" aria-labelledby="access">
        <h2 id="access">
          <Trans>Access</Trans>
        </h2>
        <div className="button-row">
          <Button variant="secondary" onClick={() => resend.mutate()} isPending={resend.isPending}>
            <Trans>Send a new invitation</Trans>
          </Button>
          {person.active ? (
            <ConfirmDialog
              trigger={t`Deactivate`}
              title={t`Deactivate ${person.displayName}?`}
              confirm={t`Deactivate`}
              cancel={t`Cancel`}
              onConfirm={() => setActive.mutate({ active: false, reason: reason || undefined })}
            >
              <p>{t`They are signed out everywhere at once and cannot sign in until reactivated. Their records stay.`}</p>
            </ConfirmDialog>
          ) : (
            <Button onClick={() => setActive.mutate({ active: true, reason: reason || undefined })} isPending={setActive.isPending}>
              <Trans>Reactivate</Trans>
            </Button>
          )}
        </div>
        <p role="status">{resend.data && t`A new invitation is on its way; it works until ${resentUntil}. Earlier ones no longer work.`}</p>
      </section>
      <section className="section" aria-labelledby="history">
        <h2 id="history">
          <Trans>History</Trans>
        </h2>
        <QueryView query={history} isEmpty={(data) => data.pages[0].items.length === 0} empty={<Trans>No changes yet.</Trans>}>
          {(data) => (
            <>
              <div className="table-scroll" tabIndex={0} role="region" aria-label={t`History`}>
                <table className="data-table">
                  <caption className="visually-hidden">{t`History`}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t`When`}</th>
                      <th scope="col">{t`What`}</th>
                      <th scope="col">{t`Roles after`}</th>
                      <th scope="col">{t`Reason`}</th>
                    </tr>
                  </thead>
                  <tbody ref={historyRows}>
                    {data.pages.flatMap((page) => page.items).map((change) => (
                      <tr key={change.id} data-change={change.id} tabIndex={change.id === arrived ? -1 : undefined}>
                        <td>{format.dateTime(change.changedAt)}</td>
                        <td>{actionLabel[change.action] ?? change.action}</td>
                        <td>{change.rolesAfter.map(roleLabel).join(', ')}</td>
                        <td>{change.reason ?? '–'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {history.hasNextPage && (
                <Button variant="secondary" isPending={history.isFetchingNextPage} onClick={showEarlier}>
                  <Trans>Show earlier changes</Trans>
                </Button>
              )}
            </>
          )}
        </QueryView>
      </section>
    </>
  );
}
