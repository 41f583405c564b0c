import { describe, expect, it, vi } from 'vitest';
import { createHandover, type MountApp } from './handover';

describe('createHandover', () => {
  it('mounts the full app once, at the first path asked for, when its code has come', async () => {
    let arrive: (mount: MountApp) => void = () => undefined;
    const code = new Promise<MountApp>((resolve) => (arrive = resolve));
    const mount = vi.fn<MountApp>(() => Promise.resolve());
    const load = vi.fn();
    const navigate = createHandover(() => code, load);

    const first = navigate('/');
    const second = navigate('/register');
    expect(mount).not.toHaveBeenCalled();
    arrive(mount);
    await Promise.all([first, second]);
    expect(mount.mock.calls).toEqual([['/']]);
    expect(load).not.toHaveBeenCalled();
  });

  it('loads the page at that path when the app cannot be downloaded', async () => {
    const load = vi.fn();
    const navigate = createHandover(() => Promise.reject(new Error('offline')), load);
    await navigate('/forgot-password');
    expect(load).toHaveBeenCalledWith('/app/forgot-password');
  });

  it('loads the page at that path when the app came but could not be mounted', async () => {
    const load = vi.fn();
    const navigate = createHandover(() => Promise.resolve(() => Promise.reject(new Error('router failed'))), load);
    await expect(navigate('/')).resolves.toBeUndefined();
    expect(load).toHaveBeenCalledWith('/app/');
  });

  it('waits for the mount, so the sign-in button stays busy until the next screen shows', async () => {
    const events: string[] = [];
    const navigate = createHandover(
      () =>
        Promise.resolve(async () => {
          await Promise.resolve();
          events.push('mounted');
        }),
      vi.fn(),
    );
    await navigate('/');
    events.push('navigated');
    expect(events).toEqual(['mounted', 'navigated']);
  });
});
