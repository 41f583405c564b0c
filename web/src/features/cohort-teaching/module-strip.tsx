import { useLingui } from '@lingui/react/macro';
import type { RosterEntry } from './roster-view';

type RosterModule = RosterEntry['modules'][number];

/**
 * One trainee's progress per module, compact enough for a 360 px table cell: a numbered chip per
 * module (done, open or locked by colour and mark, lessons done of total), the module's title and
 * state spelled out for screen readers and in the tooltip.
 */
export function ModuleStrip({ name, modules }: { name: string; modules: RosterModule[] }) {
  const { t } = useLingui();
  const stateText = (status: RosterModule['status']) => (status === 'done' ? t`done` : status === 'open' ? t`open` : t`locked`);
  if (modules.length === 0) return null;
  return (
    <ol className="module-strip" aria-label={t`Modules of ${name}`}>
      {modules.map((m, index) => {
        const position = index + 1;
        const title = m.title;
        const state = stateText(m.status);
        const done = m.lessonsDone;
        const total = m.lessonsTotal;
        const description = t`Module ${position}, ${title}: ${state}, ${done} of ${total} lessons`;
        return (
          <li key={m.moduleId} className="module-chip" data-status={m.status} title={description}>
            <span aria-hidden="true">
              {position}
              {m.status === 'done' ? ' ✓' : m.status === 'locked' ? ' ·' : ''} {done}/{total}
            </span>
            <span className="visually-hidden">{description}</span>
          </li>
        );
      })}
    </ol>
  );
}
