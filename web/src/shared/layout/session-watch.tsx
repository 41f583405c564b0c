import { useEffect, useRef } from 'react';
import { useRouter } from '@tanstack/react-router';
import { useSession } from '../auth/use-session';
import { loadedQueryClient } from '../api/query-client-loader';

/**
 * When the session ends (signed out here or in another tab, or a refresh refused), drops every
 * cached answer (personal data) and takes the person to the sign-in screen, which says why and
 * brings them back to where they were.
 */
export function SessionWatch() {
  const { status, reason } = useSession();
  const router = useRouter();
  const previous = useRef(status);
  useEffect(() => {
    const was = previous.current;
    previous.current = status;
    if (was !== 'signed-in' || status !== 'signed-out') return;
    loadedQueryClient()?.clear();
    const here = router.state.location.href;
    void router.navigate({ to: '/sign-in', search: { redirect: reason === 'expired' ? here : undefined, expired: reason === 'expired' || undefined } });
  }, [status, reason, router]);
  return null;
}
