import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { lingui } from '@lingui/vite-plugin';
import { precompress } from './build/precompress.plugin.ts';
import { serviceWorker } from './build/service-worker.plugin.ts';

const FIRST_SCREEN = /node_modules\/(react|react-dom|scheduler|@tanstack|@lingui|openapi-fetch|use-sync-external-store)\/|\/src\/(shared|app)\//;
// TanStack Query (and the signed-in frame's shared queries): a second chunk, which the app asks for as soon
// as it starts (src/shared/api/query-client-loader.ts). It does not import the router's chunk, so the client
// can send home's reads the moment the sign-in answers even while the router is still downloading. The sign-in screen
// shows without it, and it downloads while that screen is drawn and filled in. Query's provider (the
// context the app renders from the start) and queryOptions (an identity function the shared query
// definitions call) stay in the first chunk: importing them must not pull in the rest.
const QUERIES =
  /node_modules\/@tanstack\/(query-core|react-query)\/(?!build\/modern\/(QueryClientProvider|queryOptions)\.js)|\/src\/shared\/(api\/query-client|layout\/unread-count\.query|states\/query-view)\.tsx?$/;
// Shared code that only lazy screens import (checked by hand: no static import from src/main.tsx reaches
// these): in the group they would ship with every first screen. The weight test keeps the budget honest.
const LAZY_WIDGETS =
  /\/src\/shared\/(ui\/(confirm-dialog|radio-choice|text-area|select-field|download-file|new-password-field)|layout\/programme-nav|api\/resources\/cohorts|routing\/use-leave-guard|time\/(zone-clock|zones))\.tsx?$/;
// The router and the route table: the full app (src/app/app.tsx), which the page asks for as it starts
// (src/main.tsx). The sign-in screen shows without it, in the same frame (shell-frame.tsx), and hands
// over to it on sign-in or on a link (src/app/handover.ts): about 23 KB of brotli off the slow phone's
// first screen (issue 14). Home and the main navigation (signed in only; they use the router's links) too.
const ROUTER =
  /node_modules\/@tanstack\/(router-core|react-router|history|store|react-store)\/|\/src\/app\/(app|router)\.tsx$|\/src\/shared\/(routing\/|layout\/(app-shell|session-watch|not-found-screen|error-screen)\.tsx$)|\/src\/features\/[^/]+\/routes\.ts$|\/src\/features\/auth\/sign-in-route\.tsx$|\/src\/shared\/layout\/(main-nav|more-nav-menu|nav-items)\.tsx?$|\/src\/features\/home\//;
// Catalogues other than the first screens' English are fetched when needed (another language chosen,
// a staff screen opened); in the group they would ship with every first screen.
const LAZY_CATALOGUES = /\/src\/shared\/i18n\/locales\/(?!en\/messages\.po)/;

// The API the dev server proxies to: a running `npm start` (or GDS_API_URL).
const apiUrl = process.env.GDS_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  base: '/app/',
  plugins: [
    react({ babel: { plugins: ['@lingui/babel-plugin-lingui-macro'] } }),
    lingui({ failOnMissing: true, failOnCompileError: true }),
    serviceWorker(),
    precompress(),
  ],
  server: {
    port: 5173,
    proxy: { '/api': { target: apiUrl, changeOrigin: false }, '/verify': apiUrl, '/.well-known': apiUrl },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // What the first screen needs in one file rather than the ~20 small shared chunks automatic
        // splitting makes: each is a round trip, and on a 400 ms connection they cost seconds. The
        // React Aria widgets stay out (only lazy screens use them).
        codeSplitting: {
          groups: [
            { name: (id: string) => (FIRST_SCREEN.test(id) && !QUERIES.test(id) && !ROUTER.test(id) && !LAZY_WIDGETS.test(id) && !LAZY_CATALOGUES.test(id) ? 'app' : null) },
            // Query's group before the router's: a group takes in the modules its own import (unless an
            // earlier group has them), and home's screens would otherwise pull Query into the router chunk.
            { name: (id: string) => (QUERIES.test(id) ? 'queries' : null) },
            { name: (id: string) => (ROUTER.test(id) ? 'router' : null) },
          ],
        },
      },
    },
  },
  test: {
    // Node by default: building a jsdom costs each file about a second, and 40 of the 64 files never
    // touch a DOM. A file that renders or reads the browser's storage opens with the docblock
    // `// @vitest-environment jsdom`. A missing one fails at once with "document is not defined" when
    // the file renders; code that only reads storage or the language behind a guard would do nothing.
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
    restoreMocks: true,
  },
});
