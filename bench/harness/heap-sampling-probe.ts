/**
 * A `--require` preload for the api (never part of the app), for bench/gc-promotion.ts: SIGTTIN
 * starts V8's sampling heap profiler, SIGTTOU stops it and writes `<HEAP_SAMPLING_DIR>/<pid>-<n>.heapprofile`.
 * Stopped while requests still flow, the profile holds what is live plus what was promoted and
 * died since the last mark-compact (old space is swept only then), by allocation stack: where the
 * promoted bytes come from. Scavenged garbage has already left it.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Session } from 'node:inspector';

const session = new Session();
session.connect();
let taken = 0;
process.on('SIGTTIN', () => session.post('HeapProfiler.startSampling', { samplingInterval: 256 }));
process.on('SIGTTOU', () =>
  session.post('HeapProfiler.stopSampling', (error, result) => {
    if (error) return console.error(error);
    writeFileSync(path.join(process.env.HEAP_SAMPLING_DIR ?? '.', `${process.pid}-${++taken}.heapprofile`), JSON.stringify(result.profile));
  }),
);
