// One naming scheme (STYLE.md): kebab-case file names, lower case, with a role suffix where one fits;
// in src/ and libs/, a file that exports a class is named after it (see checkClassNames below).
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9-]+)*\.(ts|tsx|js|mjs|json|md|sql|csv|yaml|yml|html|svg|css|po|webmanifest)$/;
// Conventional upper-case documents (README.md, RESULTS.md, RELIABILITY.md) are allowed too.
const DOCUMENT = /^[A-Z]+\.md$/;
const MIGRATION = /^\d{13}-[A-Z][A-Za-z0-9]+\.ts$/;
const bad = [];

function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (!(dir.endsWith('migrations') ? MIGRATION.test(entry.name) || entry.name === 'index.ts' : KEBAB.test(entry.name) || DOCUMENT.test(entry.name))) {
      bad.push(path.relative(root, full));
    }
  }
}

for (const dir of ['src', 'libs', 'migrations', 'test', 'bench', 'web/src', 'web/e2e', 'web/build', 'web/public']) if (fs.existsSync(path.join(root, dir))) walk(path.join(root, dir));
if (bad.length) {
  console.error(`File names must be kebab-case:\n  ${bad.join('\n  ')}`);
  process.exit(1);
}

/**
 * Classes and files: in src/ and libs/, a file exporting a class exports one named after the file,
 * kebab-case to PascalCase, with or without the role suffix (`courses.service.ts` → `Courses` or
 * `CoursesService`, `job-failure.entity.ts` → `JobFailure`, `openapi-contract.ts` → `OpenApiContract`:
 * letter case aside). The namesake may be a function or type when the file is a set of functions
 * and its classes serve them. `*.dto.ts` files group one resource's request and response schemas:
 * their classes end in Dto, View, Query, Document or Envelope instead. Public faces of a module are
 * `*.contract.ts` (ESLint lets other modules import nothing else but module files).
 */
const CLASS_FILE_EXCEPTIONS = {
  // Errors and helpers that belong to the functions of their file, whose names the file does not carry.
  'src/assessment/graders/config-path.ts': 'PathSyntaxError is what parsePath throws',
  'src/assessment/graders/key-checks.ts': 'ShapeErrors collects what the key checks find',
  'src/notification/webhook-target-policy.ts': 'TargetRefused is what the policy throws',
  'libs/http/src/pagination.ts': 'PageQuery is the query schema of the page helpers',
  'libs/http/src/problem.ts': 'ProblemException is what the problem helpers throw',
  'libs/http/src/validation.ts': 'RejectNulPipe runs beside createValidationPipe',
};

function checkClassNames(dir, misnamed) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      checkClassNames(full, misnamed);
      continue;
    }
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.d.ts') || /\.(spec|e2e-spec)\.ts$/.test(entry.name)) continue;
    const relative = path.relative(root, full);
    if (CLASS_FILE_EXCEPTIONS[relative]) continue;
    const text = fs.readFileSync(full, 'utf8');
    const classes = [...text.matchAll(/^export (?:abstract )?class (\w+)/gm)].map((m) => m[1]);
    if (classes.length === 0) continue;
    const parts = entry.name.replace(/\.ts$/, '').split('.');
    const pascal = (kebab) => kebab.split('-').map((word) => word[0].toUpperCase() + word.slice(1)).join('');
    if (parts[parts.length - 1] === 'dto') {
      const odd = classes.filter((name) => !/(Dto|View|Query|Document|Envelope)$/.test(name));
      if (odd.length) misnamed.push(`${relative}: ${odd.join(', ')} (a DTO file's classes end in Dto, View, Query, Document or Envelope)`);
      continue;
    }
    const stem = pascal(parts[0]);
    const wanted = [stem, ...(parts.length > 1 ? [stem + pascal(parts[parts.length - 1])] : [])];
    const exported = [...text.matchAll(/^export (?:abstract |async |declare )?(?:class|interface|type|function|const|enum) (\w+)/gm)].map((m) => m[1].toLowerCase());
    if (!exported.some((name) => wanted.some((w) => w.toLowerCase() === name))) {
      misnamed.push(`${relative}: exports ${classes.join(', ')}; the file should export ${wanted.join(' or ')} (rename the file or the class)`);
    }
  }
}

const misnamed = [];
for (const dir of ['src', 'libs']) checkClassNames(path.join(root, dir), misnamed);
if (misnamed.length) {
  console.error(`A file exporting a class is named after it:\n  ${misnamed.join('\n  ')}`);
  process.exit(1);
}
