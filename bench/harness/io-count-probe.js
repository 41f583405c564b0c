'use strict';
/**
 * A `--require` preload for bench/relay-cpu.ts: counts, in the process it is loaded into, the Redis
 * commands sent through ioredis (by name; a pipeline's commands each count), the socket write() calls
 * and the flushes to the kernel by server port: Redis 6379, Postgres 5432. SIGWINCH writes the counts
 * since the last SIGWINCH to IO_COUNT_FILE and starts counting again (not SIGUSR2: Nest's shutdown hooks
 * stop the app on it).
 */
const fs = require('node:fs');
const net = require('node:net');
const Redis = require('ioredis');

let counts = {};
const add = (key) => (counts[key] = (counts[key] || 0) + 1);

const sendCommand = Redis.prototype.sendCommand;
Redis.prototype.sendCommand = function (command, ...rest) {
  if (command && command.name) add(`redis ${command.name.toLowerCase()}`);
  return sendCommand.call(this, command, ...rest);
};

// write() calls, and the flushes to the kernel (_writeGeneric: one per write, or one writev for what a
// corked stream gathered; pg corks each query's messages): the syscalls are the flushes.
const write = net.Socket.prototype.write;
net.Socket.prototype.write = function (...args) {
  if (this.remotePort === 6379 || this.remotePort === 5432) add(`write() ${this.remotePort === 6379 ? 'redis' : 'postgres'}`);
  return write.apply(this, args);
};
const flush = net.Socket.prototype._writeGeneric;
net.Socket.prototype._writeGeneric = function (...args) {
  if (this.remotePort === 6379 || this.remotePort === 5432) add(`flush ${this.remotePort === 6379 ? 'redis' : 'postgres'}`);
  return flush.apply(this, args);
};

process.on('SIGWINCH', () => {
  fs.writeFileSync(process.env.IO_COUNT_FILE, JSON.stringify(counts));
  counts = {};
});
