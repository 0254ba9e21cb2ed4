// Preload (`node --import`) that turns SIGTERM into process.exit(0), so `node --cpu-prof` writes its profile
// when the bench stops a profiled process.
process.once('SIGTERM', () => process.exit(0));
