import { useEffect, useRef, useState } from 'react';
import { Trans, useLingui } from '@lingui/react/macro';
import { announcementDue, clockText, secondsLeft } from './countdown';

interface TimeLeftProps {
  deadlineAt: string;
  /** Called once when the time is (almost) up: the answer is submitted then. */
  onExpire: () => void;
  /** Seconds before the deadline at which onExpire fires, so the request lands before it. */
  expireEarlySeconds?: number;
}

/**
 * The time left of a timed attempt. The visible clock ticks each second but is hidden from screen
 * readers; a separate polite live region speaks only at 30, 10, 5 and 1 minutes left and at the end.
 */
export function TimeLeft({ deadlineAt, onExpire, expireEarlySeconds = 5 }: TimeLeftProps) {
  const { t } = useLingui();
  const [now, setNow] = useState(() => Date.now());
  const startedWith = useRef(secondsLeft(deadlineAt, Date.now()));
  const lastAnnounced = useRef<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const expired = useRef(false);
  const onExpireRef = useRef(onExpire);
  onExpireRef.current = onExpire;
  const seconds = secondsLeft(deadlineAt, now);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    const due = announcementDue(seconds, lastAnnounced.current, startedWith.current);
    if (due !== null) {
      lastAnnounced.current = due;
      setAnnouncement(due === 0 ? t`Time is up. Your answer is being submitted.` : due === 1 ? t`One minute left.` : t`${due} minutes left.`);
    }
    if (!expired.current && seconds <= expireEarlySeconds) {
      expired.current = true;
      onExpireRef.current();
    }
  }, [seconds, expireEarlySeconds, t]);

  const low = seconds <= 60;
  return (
    <div className={low ? 'time-left time-left-low' : 'time-left'}>
      <span className="time-left-label">
        <Trans>Time left</Trans>
      </span>{' '}
      <span className="time-left-clock" aria-hidden="true">
        {clockText(seconds)}
      </span>
      <span className="visually-hidden">
        {Math.ceil(seconds / 60) === 1 ? <Trans>about one minute</Trans> : <Trans>about {Math.ceil(seconds / 60)} minutes</Trans>}
      </span>
      <span className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </span>
    </div>
  );
}
