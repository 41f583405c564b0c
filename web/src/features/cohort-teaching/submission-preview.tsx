import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { FormAlert } from '../../shared/ui/form-alert';

/**
 * The submitted page as its author built it, CSS included. A srcdoc frame would inherit this app's
 * policy and refuse the page's styles, so the page comes from its own URL (a signed link, minutes
 * long: the frame cannot send the session's bearer header) with its own policy: sandboxed, no
 * script, nothing loaded. The frame's own sandbox="" says the same a second time, in the browser.
 */
export function SubmissionPreview({ submissionId }: { submissionId: string }) {
  const { t } = useLingui();
  const link = useQuery({
    queryKey: ['submissions', submissionId, 'preview-link'],
    queryFn: () => unwrap(api.POST('/api/v1/submissions/{id}/preview-link', { params: { path: { id: submissionId } } })),
    // One link per visit: a new one would reload the frame (it is only checked when the frame loads).
    // Not kept after the screen closes (gcTime 0): the link lives minutes, and a visit later must not
    // frame an expired one.
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
  if (link.isError) return <FormAlert message={link.error.message} />;
  if (!link.data) {
    return (
      <p aria-busy="true">
        <Trans>Loading the preview…</Trans>
      </p>
    );
  }
  return <iframe className="preview-frame" title={t`Preview of the submitted page (scripts do not run)`} sandbox="" src={link.data.url} referrerPolicy="no-referrer" />;
}
