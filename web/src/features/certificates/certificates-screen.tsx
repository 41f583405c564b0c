import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { useFormat } from '../../shared/i18n/use-format';
import { myCertificatesQuery } from './certificates.queries';

export function CertificatesScreen() {
  const { t } = useLingui();
  const format = useFormat();
  const certificates = useQuery(myCertificatesQuery);
  return (
    <Screen title={t`Your certificates`}>
      <QueryView query={certificates} isEmpty={(items) => items.length === 0} empty={<Trans>No certificates yet. Finish a course to earn one.</Trans>}>
        {(items) => (
          <ul className="card-list">
            {items.map((certificate) => {
              const issued = format.date(certificate.issuedAt);
              return (
                <li key={certificate.id} className="card">
                  <h2 className="card-title">
                    <Link to="/certificates/$certificateId" params={{ certificateId: certificate.id }}>
                      {certificate.courseTitle}
                    </Link>
                  </h2>
                  <p className="meta">
                    {certificate.status === 'revoked' ? <Trans>Revoked</Trans> : <Trans>Issued {issued}</Trans>}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </QueryView>
    </Screen>
  );
}
