import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * Emits `sw.js` from build/service-worker.template.js with the list of this build's hashed files
 * and a version derived from them, so a new build installs a new cache and drops the old one.
 * Our own few lines instead of a Workbox-based plugin: the worker only keeps hashed files and the
 * page shell, and must never keep API answers (personal data), which a generic one makes easy to get wrong.
 */
export function serviceWorker(): Plugin {
  return {
    name: 'gds-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const assets = Object.keys(bundle)
        .filter((file) => file.startsWith('assets/'))
        .sort();
      const version = createHash('sha256').update(assets.join('\n')).digest('hex').slice(0, 12);
      const template = readFileSync(path.join(import.meta.dirname, 'service-worker.template.js'), 'utf8');
      // The chunks the page asks for as soon as it starts are part of the first screens although the page
      // does not name them: TanStack Query with home and the navigation, and the full app with the router
      // (vite.config.ts, src/main.tsx). With them, the one-line chunks the first screens' code imports
      // lazily that re-export their modules (home, the navigation, the app).
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const started = new Set(chunks.filter((file) => file.name === 'queries' || file.name === 'router').map((file) => file.fileName));
      const askedAtStart = new Set(
        chunks.filter((file) => file.isEntry || file.name === 'app' || started.has(file.fileName)).flatMap((file) => file.dynamicImports),
      );
      const startChunks = chunks
        .filter((file) => started.has(file.fileName) || (askedAtStart.has(file.fileName) && file.code.length < 200 && file.imports.length === 1 && started.has(file.imports[0])))
        .map((file) => file.fileName)
        .sort();
      const source = template
        .replace('__VERSION__', JSON.stringify(version))
        .replace('__ASSETS__', JSON.stringify(assets))
        .replace('__START_CHUNKS__', JSON.stringify(startChunks));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}
