import { APP_BASE } from './start-screen';

/** Shows the full app at a path of it (without the base): the mount, once its code has loaded. */
export type MountApp = (href: string) => Promise<void>;

/**
 * The navigation of the sign-in screen while it runs on its own (main.tsx): the first call (signed
 * in, or a link followed) waits for the full app's code, which has been downloading since the page
 * started, and mounts it at that path; later calls join it (the screen is about to go). If the
 * code cannot be had (offline, a new deployment) or the mount fails, the browser loads that path
 * instead: a full page load starts the app the ordinary way, so the person is never left on a
 * sign-in screen whose button stays busy.
 */
export function createHandover(loadApp: () => Promise<MountApp>, load: (url: string) => void): (href: string) => Promise<void> {
  let handover: Promise<void> | undefined;
  return (href) => {
    handover ??= loadApp()
      .then((mount) => mount(href))
      .catch(() => load(`${APP_BASE}${href}`));
    return handover;
  };
}
