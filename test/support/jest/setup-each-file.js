require('reflect-metadata');

// Property tests replay fixed seeds in CI, so a red run is reproducible; FAST_CHECK_SEED=random
// explores new cases (FAST_CHECK_SEED=<n> replays one). Tests that pass their own seed keep it.
const fc = require('fast-check');
const given = process.env.FAST_CHECK_SEED ?? '20261129';
if (given !== 'random') fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: Number(given) });

// `npm run test:unit` proves the unit tests need no service: with GDS_NO_SERVICES=1 every TCP
// connection to Postgres's or Redis's port fails at once, whatever URL a test got it from.
if (process.env.GDS_NO_SERVICES === '1') {
  const net = require('node:net');
  const SERVICE_PORTS = new Set([5432, 6379]);
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(...args) {
    // net.connect() and http.request() hand over their normalised arguments as one array ([options, callback]).
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    const options = typeof first === 'object' && first !== null ? first : { port: first };
    const port = Number(options.port);
    if (SERVICE_PORTS.has(port)) {
      // Fails the way a refused connection does (asynchronously, on the socket), so clients report it.
      const error = Object.assign(new Error(`a unit test tried to reach a service on port ${port}: move it to test/ (it needs Postgres or Redis)`), { code: 'ECONNREFUSED' });
      process.nextTick(() => this.destroy(error));
      return this;
    }
    return connect.apply(this, args);
  };
}
