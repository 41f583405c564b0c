// Same as build-if-needed: CLI commands (migrations, seed, bench) run from dist/.
require('./build-if-needed.js');
