import { Application, ApplicationDecision } from './application.entity';
import { ApplicationView, DecisionRecordView } from './dto/application.dto';

export const applicationView = (a: Application, enrollmentId?: string | null): ApplicationView => ({
  id: a.id,
  cohortId: a.cohortId,
  traineeId: a.traineeId,
  courseVersionId: a.courseVersionId,
  status: a.status,
  statement: a.statement,
  answers: a.answers,
  score: a.score === null ? null : Number(a.score),
  waitlistRank: a.waitlistRank,
  submittedAt: a.submittedAt.toISOString(),
  decidedAt: a.decidedAt?.toISOString() ?? null,
  ...(enrollmentId !== undefined ? { enrollmentId } : {}),
});

export const decisionView = (d: ApplicationDecision): DecisionRecordView => ({
  id: d.id,
  actorId: d.actorId,
  action: d.action,
  fromStatus: d.fromStatus,
  toStatus: d.toStatus,
  reason: d.reason,
  score: d.score === null ? null : Number(d.score),
  waitlistRank: d.waitlistRank,
  prerequisitesOverridden: d.prerequisitesOverridden ?? null,
  prerequisitesMissing: d.prerequisitesMissing ?? null,
  createdAt: d.createdAt.toISOString(),
});
