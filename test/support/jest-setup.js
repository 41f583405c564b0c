require('reflect-metadata');

// Property tests replay fixed seeds in CI, so a red run is reproducible; FAST_CHECK_SEED=random
// explores new cases (FAST_CHECK_SEED=<n> replays one). Tests that pass their own seed keep it.
const fc = require('fast-check');
const given = process.env.FAST_CHECK_SEED ?? '20261129';
if (given !== 'random') fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: Number(given) });
