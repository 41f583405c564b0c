import { Link } from '@tanstack/react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { queryKeys } from '../../shared/api/query-keys';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { useErrorMessage } from '../../shared/states/error-state';
import { FormAlert } from '../../shared/ui/form-alert';
import { TRAINEE_TYPES, useTypeLabels, type NotificationType } from './notification-labels';

type Channel = 'in_app' | 'email';
type Mode = 'off' | 'immediate' | 'digest';

/** Per kind of news: in the app (on/off) and by email (off, at once, or in a digest). Each change is saved as it is made. */
export function NotificationPreferencesScreen() {
  const { t } = useLingui();
  const label = useTypeLabels();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const preferences = useQuery({
    queryKey: queryKeys.notifications.preferences,
    queryFn: () => unwrap(api.GET('/api/v1/me/notification-preferences')),
  });
  const save = useMutation({
    mutationFn: (change: { type: NotificationType; channel: Channel; mode: Mode }) => unwrap(api.PUT('/api/v1/me/notification-preferences', { body: { preferences: [change] } })),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.notifications.preferences, saved),
  });
  return (
    <Screen
      title={t`Notification settings`}
      before={
        <Link to="/notifications" className="back-link">
          <Trans>Inbox</Trans>
        </Link>
      }
    >
      <FormAlert message={save.isError ? errorMessage(save.error) : undefined} />
      <p aria-live="polite" className="meta">
        {save.isSuccess && <Trans>Saved.</Trans>}
      </p>
      <QueryView query={preferences} lines={8}>
        {(view) => (
          <ul className="card-list">
            {TRAINEE_TYPES.map((type) => {
              const current = view.items.find((item) => item.type === type);
              if (!current) return null;
              return (
                <li key={type} className="card">
                  <h2 className="card-title">{label(type)}</h2>
                  <div className="field-row">
                    <div className="field">
                      <label className="field-label" htmlFor={`${type}-in-app`}>
                        <Trans>In the app</Trans>
                      </label>
                      <select id={`${type}-in-app`} value={current.inApp} onChange={(e) => save.mutate({ type, channel: 'in_app', mode: e.target.value as Mode })}>
                        <option value="immediate">{t`On`}</option>
                        <option value="off">{t`Off`}</option>
                      </select>
                    </div>
                    <div className="field">
                      <label className="field-label" htmlFor={`${type}-email`}>
                        <Trans>By email</Trans>
                      </label>
                      <select id={`${type}-email`} value={current.email} onChange={(e) => save.mutate({ type, channel: 'email', mode: e.target.value as Mode })}>
                        <option value="immediate">{t`At once`}</option>
                        <option value="digest">{t`In a digest`}</option>
                        <option value="off">{t`Off`}</option>
                      </select>
                    </div>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </QueryView>
    </Screen>
  );
}
