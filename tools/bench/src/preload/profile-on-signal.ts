// Preload (`node --import`) for the bench's CPU profile: the first SIGUSR2 starts V8's sampling profiler (the one
// `node --cpu-prof` uses), the second stops it and writes the .cpuprofile to $SWITCHYARD_BENCH_PROFILE_FILE.
// Unlike --cpu-prof, the profile covers only the load window, not start-up and module loading.
import { renameSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const file = process.env['SWITCHYARD_BENCH_PROFILE_FILE'];

if (file !== undefined) {
  const session = new Session();
  session.connect();
  let running = false;
  process.on('SIGUSR2', () => {
    if (!running) {
      running = true;
      session.post('Profiler.enable', () => session.post('Profiler.start'));
      return;
    }
    running = false;
    session.post('Profiler.stop', (error, result) => {
      if (error !== null) return;
      // Written whole, then renamed, so the bench never reads half a file.
      writeFileSync(`${file}.partial`, JSON.stringify(result.profile));
      renameSync(`${file}.partial`, file);
    });
  });
}
