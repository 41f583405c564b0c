import { useEffect } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { type Enrollment } from '../../shared/api/resources/enrollments';
import { homeEnrollmentsQuery } from '../../shared/api/resources/home-reads';
import { meQuery } from '../../shared/api/resources/me';
import { session } from '../../shared/auth/session';
import { ProgressBar } from '../../shared/ui/progress-bar';
import { ContinueCard } from './continue-card';
import { DueSoonSection } from './due-soon-section';
import { UnreadSection } from './unread-section';
import { ApplicationsSection } from './applications-section';
import { loadTraineeMessages } from '../../shared/i18n/trainee-messages';

// After home has drawn and fetched its own data: the next screens' messages, so that opening a lesson
// on a slow connection does not wait one more round trip for them (they are not part of sign-in's download).
const PREFETCH_NEXT_MESSAGES_MS = 3000;

/** What a trainee needs after a shift, on one screen: carry on, what is due, what is new. */
export function HomeScreen() {
  const { t } = useLingui();
  // The greeting needs no request of its own: the session's answer (sign-in or refresh) names the
  // person, so the heading shows at once on a slow connection. A name changed on the profile screen
  // is in the cache by then and wins; home itself never asks for GET /me.
  const me = useQuery({ ...meQuery, enabled: false });
  const enrollments = useQuery(homeEnrollmentsQuery);
  const name = (me.data ?? session.user())?.displayName.split(' ')[0];
  useEffect(() => {
    const timer = window.setTimeout(() => void loadTraineeMessages().catch(() => undefined), PREFETCH_NEXT_MESSAGES_MS);
    return () => window.clearTimeout(timer);
  }, []);
  return (
    <Screen title={name ? t`Hello, ${name}` : t`Home`}>
      <QueryView query={enrollments} lines={4}>
        {(items) => {
          const active = items.filter((e) => e.status === 'active');
          return (
            <>
              {active.map((enrollment) => (
                <ContinueCard key={enrollment.id} enrollment={enrollment} />
              ))}
              <DueSoonSection enrollments={items} />
              {active.length > 0 && <ModuleProgress enrollments={active} />}
              <UnreadSection />
              <ApplicationsSection hasEnrollments={items.length > 0} />
            </>
          );
        }}
      </QueryView>
    </Screen>
  );
}

function ModuleProgress({ enrollments }: { enrollments: Enrollment[] }) {
  const { t } = useLingui();
  return (
    <section className="section" aria-labelledby="progress-heading">
      <h2 id="progress-heading">
        <Trans>Your progress</Trans>
      </h2>
      {enrollments.map((enrollment) => (
        <div key={enrollment.id} className="card">
          <h3 className="card-title">
            <Link to="/learning/$enrollmentId" params={{ enrollmentId: enrollment.id }}>
              {enrollment.course.title}
            </Link>
          </h3>
          <ul className="card-list">
            {enrollment.modules.map((module) => (
              <li key={module.moduleId}>
                <span>{module.title}</span>
                <ProgressBar value={module.lessonsTotal ? (module.lessonsDone / module.lessonsTotal) * 100 : 0} label={t`Lessons done in ${module.title}`} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
