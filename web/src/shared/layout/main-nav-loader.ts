/**
 * The main navigation's code (signed in only; it comes with TanStack Query's chunk: vite.config.ts).
 * Asked for as the first screen starts (AppShell, or main.tsx when the sign-in screen starts without
 * the router), so that signing in does not wait for it.
 */
export const loadMainNav = () => import('./main-nav');
