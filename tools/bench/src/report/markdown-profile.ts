import type { GatewayProfile } from '../profile/profile-gateway.js';
import { formatNumber, markdownTable } from './format.js';

/** Where the gateway's CPU time goes under load: self time by area, then the top functions. */
export function renderProfiles(profiles: readonly GatewayProfile[], topFunctions = 15): string {
  return profiles
    .map((profile) => {
      const intro =
        `#### ${profile.mode}, ${profile.connections} connections, ${profile.seconds} s under V8's sampling profiler (load window only)\n\n` +
        `${formatNumber(profile.requestsPerSecond)} req/s, ${formatNumber(profile.cpuMicrosPerRequest)} CPU µs/req ` +
        `(with the profiler's own cost). Busy time ${formatNumber(profile.summary.busyMs)} ms; profile \`${profile.profileFile}\`.`;
      const areas = markdownTable(
        ['area', 'self ms', '% of busy'],
        profile.summary.byArea.map((area) => [area.area, formatNumber(area.selfMs), formatNumber(area.percent)]),
      );
      const functions = markdownTable(
        ['function', 'where', 'area', 'self ms', '% of busy'],
        profile.summary.top.slice(0, topFunctions).map((entry) => [
          `\`${entry.functionName}\``,
          entry.location === '' ? '' : `\`${entry.location}\``,
          entry.area,
          formatNumber(entry.selfMs),
          formatNumber(entry.percent),
        ]),
      );
      return `${intro}\n\n${areas}\n\n${functions}`;
    })
    .join('\n\n');
}
