import { BenchScenario } from '../harness/bench-context';
import { meScenario } from './me';

/**
 * Every benchmark scenario by name: `npm run bench` runs them all in this order,
 * `npm run bench -- <name>` runs one. Add a scenario file beside this one and one line here.
 */
export const SCENARIOS: Record<string, BenchScenario<any>> = {
  me: meScenario,
};
