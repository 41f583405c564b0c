import type { AppTransactionHost } from '@gds/database';
import { ApplicationAudit } from './application-audit.service';
import type { ApplicationDecision } from './application.entity';

type Row = Pick<ApplicationDecision, 'id' | 'createdAt' | 'action'>;

/**
 * A repository that returns rows in the order it stored them except where `find` names an order, as
 * Postgres may (a sequential scan and a sort leave ties in insertion order). The e2e test of the same
 * case passes either way today only because the planner reads the (application_id, created_at, id) index.
 */
function auditOver(rows: Row[]) {
  const find = async ({ order }: { order: Record<string, 'ASC' | 'DESC'> }) =>
    [...rows].sort((a, b) => {
      for (const [key, direction] of Object.entries(order)) {
        const [x, y] = [a[key as keyof Row], b[key as keyof Row]];
        const cmp = x instanceof Date && y instanceof Date ? x.getTime() - y.getTime() : String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
        if (cmp !== 0) return direction === 'ASC' ? cmp : -cmp;
      }
      return 0;
    });
  const txHost = { tx: { getRepository: () => ({ find }) } } as unknown as AppTransactionHost;
  return new ApplicationAudit(txHost);
}

describe('application audit: the whole trail', () => {
  it('orders decisions of one instant by id, as the trail pages do, so a revert undoes the one they show last', async () => {
    const at = new Date('2026-03-01T10:00:00.000Z');
    const earlier = { id: '10000000-0000-4000-8000-000000000000', createdAt: at, action: 'shortlist' };
    const later = { id: 'f0000000-0000-4000-8000-000000000000', createdAt: at, action: 'reject' };
    const submit = { id: '80000000-0000-4000-8000-000000000000', createdAt: new Date(at.getTime() - 60_000), action: 'submit' };
    const trail = await auditOver([submit, later, earlier]).trail('a');
    expect(trail.map((d) => d.action)).toEqual(['submit', 'shortlist', 'reject']);
  });
});
