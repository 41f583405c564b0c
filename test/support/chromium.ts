import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

/** The system's Chromium (Debian's package; .ci/run installs it), or CHROMIUM_PATH. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  for (const path of candidates) if (existsSync(path)) return path;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('No Chromium found: install it (apt-get install -y chromium) or set CHROMIUM_PATH');
  }
}
