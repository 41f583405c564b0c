import { useState } from 'react';
import { Link, useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { useErrorMessage } from '../../shared/states/error-state';
import { Button } from '../../shared/ui/button';
import { FormAlert } from '../../shared/ui/form-alert';
import { useFormat } from '../../shared/i18n/use-format';
import { certificateQuery, useCertificateDownloads } from './certificates.queries';
import type { Certificate } from './certificate.types';

export function CertificateScreen() {
  const { t } = useLingui();
  const { certificateId } = useParams({ from: '/signed-in/certificates/$certificateId' });
  const certificate = useQuery(certificateQuery(certificateId));
  return (
    <Screen
      title={certificate.data?.courseTitle ?? t`Certificate`}
      before={
        <Link to="/certificates" className="back-link">
          <Trans>All your certificates</Trans>
        </Link>
      }
    >
      <QueryView query={certificate}>{(c) => <CertificateDetail certificate={c} />}</QueryView>
    </Screen>
  );
}

function CertificateDetail({ certificate }: { certificate: Certificate }) {
  const { t } = useLingui();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const { pdf, credential } = useCertificateDownloads(certificate);
  const [shared, setShared] = useState<'copied' | 'shared' | null>(null);
  const issued = format.date(certificate.issuedAt);
  const failure = pdf.error ?? credential.error;

  async function share() {
    const data = { title: t`My certificate: ${certificate.courseTitle}`, url: certificate.verificationUrl };
    if (navigator.share) {
      await navigator.share(data).then(() => setShared('shared'), () => undefined);
    } else {
      await navigator.clipboard.writeText(certificate.verificationUrl);
      setShared('copied');
    }
  }

  return (
    <>
      {certificate.status === 'revoked' ? (
        <p className="notice">
          <Trans>This certificate was revoked: {certificate.revocation?.reasonLabel}</Trans>
        </p>
      ) : (
        <p>
          <Trans>
            Awarded to {certificate.holderName} on {issued}.
          </Trans>
        </p>
      )}
      <dl className="facts">
        <dt>
          <Trans>Score</Trans>
        </dt>
        <dd>{certificate.courseScore}</dd>
        <dt>
          <Trans>Skills</Trans>
        </dt>
        <dd>{certificate.skills.join(', ')}</dd>
        <dt>
          <Trans>Verification code</Trans>
        </dt>
        <dd className="code">{certificate.verificationCode}</dd>
      </dl>
      <FormAlert message={failure ? errorMessage(failure) : undefined} />
      <div className="button-row">
        <Button onClick={() => pdf.mutate()} isPending={pdf.isPending}>
          <Trans>Download PDF</Trans>
        </Button>
        <Button variant="secondary" onClick={() => credential.mutate()} isPending={credential.isPending}>
          <Trans>Download credential (Open Badges)</Trans>
        </Button>
        <Button variant="secondary" onClick={() => void share()}>
          <Trans>Share</Trans>
        </Button>
      </div>
      <p aria-live="polite">
        {shared === 'copied' && <Trans>The verification link is copied.</Trans>}
        {shared === 'shared' && <Trans>Shared.</Trans>}
      </p>
      <p>
        <a href={certificate.verificationUrl} target="_blank" rel="noopener noreferrer">
          <Trans>Open the public verification page (new tab)</Trans>
        </a>
      </p>
    </>
  );
}
