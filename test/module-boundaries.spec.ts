import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// eslint.config.mjs is ESM, which Jest's VM cannot import: lint runs as its own process, as in CI.
const root = join(__dirname, '..');
const eslintBin = join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
// A CommonJS script (scripts/ runs with plain node), so it is required, with its types stated here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findCycles, moduleGraph } = require('../scripts/check-module-graph.js') as {
  findCycles(graph: Map<string, Set<string>>): string[][];
  moduleGraph(srcDir: string): Map<string, Set<string>>;
};

/** The messages ESLint gives for `source` as if it were the file at `filePath` (which need not exist). */
function lint(filePath: string, source: string): Array<{ ruleId: string | null; message: string }> {
  // The fixture is no file of the TypeScript project, so typed linting (no-floating-promises) is off for it.
  const untyped = ['--parser-options', 'projectService:false', '--rule', '@typescript-eslint/no-floating-promises: off'];
  const run = spawnSync(process.execPath, [eslintBin, ...untyped, '--format', 'json', '--stdin', '--stdin-filename', filePath], { cwd: root, input: source, encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`eslint failed: ${run.stderr}`);
  return JSON.parse(run.stdout)[0].messages;
}

const boundaryErrors = (filePath: string, source: string) => lint(filePath, source).filter((m) => m.ruleId === 'no-restricted-imports');

describe('module boundaries', () => {
  it('refuses a module importing another module’s internals (entity, service, dto, sub-folder)', () => {
    const source = [
      "import { Course } from '../course/course.entity';",
      "import { CohortsService } from '../cohort/cohorts.service';",
      "import type { UserView } from '../../identity/dto/user.dto';",
      "import { Placements } from '../reporting/placements/placements.service';",
      'export const used = [Course, CohortsService, Placements] as unknown as UserView;',
      '',
    ].join('\n');
    const errors = boundaryErrors('src/assessment/graders/boundary-fixture.ts', source);
    expect(errors).toHaveLength(4);
    expect(errors[0].message).toMatch(/\*\.contract\.ts or its module file/);
  });

  it('lets a module import another’s contract and module file, and its own internals', () => {
    const source = [
      "import { EnrollmentDirectory } from '../cohort/enrollment-directory.contract';",
      "import { UserDirectory } from '../identity/identity.module';",
      "import { Course } from '../course/course.entity';",
      'export const used = [EnrollmentDirectory, UserDirectory, Course];',
      '',
    ].join('\n');
    expect(boundaryErrors('src/course/boundary-fixture.ts', source)).toEqual([]);
  });

  it('keeps ModuleRef to composition roots', () => {
    const source = "import { ModuleRef } from '@nestjs/core';\nexport const used = ModuleRef;\n";
    expect(boundaryErrors('src/cohort/boundary-fixture.ts', source)).toHaveLength(1);
    expect(boundaryErrors('libs/queue/src/boundary-fixture.ts', source)).toHaveLength(1);
    expect(boundaryErrors('src/cli/boundary-fixture.ts', source)).toEqual([]);
  });

  it('keeps libraries free of domain code', () => {
    const source = "import { AppConfig } from '../../../src/config/app-config';\nexport const used = AppConfig;\n";
    expect(boundaryErrors('libs/queue/src/boundary-fixture.ts', source)).toHaveLength(1);
  });

  it('lets only configuration, the entry point, command lines and tests read process.env', () => {
    const source = 'export const secret = process.env.SECRET;\n';
    const envErrors = (filePath: string) => lint(filePath, source).filter((m) => m.ruleId === 'no-restricted-properties');
    expect(envErrors('src/assessment/graders/config.grader.ts')).toHaveLength(1);
    expect(envErrors('libs/queue/src/queue-settings.ts')).toHaveLength(1);
    expect(envErrors('src/config/app-config.ts')).toEqual([]);
    expect(envErrors('src/cli/seed-demo.ts')).toEqual([]);
    expect(envErrors('test/support/boundary-fixture.ts')).toEqual([]);
  });

  it('finds a cycle between modules, and there is none under src/', () => {
    const graph = new Map([
      ['course', new Set(['identity', 'cohort'])],
      ['cohort', new Set(['course'])],
      ['identity', new Set<string>()],
    ]);
    expect(findCycles(graph)).toEqual([['cohort', 'course', 'cohort']]);
    expect(findCycles(moduleGraph(join(root, 'src')))).toEqual([]);
  });
});
