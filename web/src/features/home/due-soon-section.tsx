import { Link } from '@tanstack/react-router';
import { Trans } from '@lingui/react/macro';
import type { Enrollment } from '../../shared/api/resources/enrollments';
import { useFormat } from '../../shared/i18n/use-format';
import { dueSoon } from './due-soon';

export function DueSoonSection({ enrollments }: { enrollments: Enrollment[] }) {
  const format = useFormat();
  const items = dueSoon(enrollments);
  if (items.length === 0) return null;
  return (
    <section className="section" aria-labelledby="due-heading">
      <h2 id="due-heading">
        <Trans>Due soon</Trans>
      </h2>
      <ul className="card-list">
        {items.map((item) => {
          const date = format.dateTime(item.dueAt);
          return (
            <li key={item.assessmentId} className="card">
              <Link to="/assessments/$assessmentId" params={{ assessmentId: item.assessmentId }}>
                {item.title}
              </Link>
              <p className="meta">
                {item.courseTitle} · {item.overdue ? <Trans>was due {date}</Trans> : <Trans>due {date}</Trans>}
                {item.within48Hours && (
                  <>
                    {' · '}
                    <strong>
                      <Trans>within 48 hours</Trans>
                    </strong>
                  </>
                )}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
