// Preloaded (node --import) into every app that infra/scripts/start.mjs spawns. start.mjs gives its children an IPC
// channel; when start.mjs dies without stopping them (kill -9, a crashed terminal), the channel closes and
// the app shuts down gracefully as on SIGTERM instead of living on as an orphan holding its port.
// The channel is unref'd so it never keeps an app alive, and nothing is ever sent over it.
if (typeof process.send === 'function' && process.channel) {
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
