/** The parts of V8's .cpuprofile format (`node --cpu-prof`, the inspector's Profiler.stop) that the summary reads. */
export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }>;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileEntry {
  functionName: string;
  /** Shortened source location: `hono/dist/...:12`, `apps/gateway/dist/...:40`, `node:internal/...`. */
  location: string;
  area: string;
  selfMs: number;
  /** Share of the busy (non-idle) time. */
  percent: number;
}

export interface ProfileSummary {
  totalMs: number;
  busyMs: number;
  top: ProfileEntry[];
  byArea: Array<{ area: string; selfMs: number; percent: number }>;
}

const pseudoFrames: Readonly<Record<string, string>> = {
  '(garbage collector)': 'GC',
  '(program)': 'V8/native (program)',
  '(idle)': 'idle',
  '(root)': 'idle',
};

/** Where a frame's code comes from: a package, a workspace project, node internals, GC. */
export function areaOf(functionName: string, url: string): string {
  if (url === '') return pseudoFrames[functionName] ?? 'V8 builtins';
  if (url.startsWith('node:')) return 'node internals';
  // A wasm frame's url names no module: undici's HTTP parser (llhttp), or PGlite's Postgres when the store uses it.
  if (url.startsWith('wasm://')) return 'wasm (llhttp, PGlite)';
  const nodeModules = url.lastIndexOf('/node_modules/');
  if (nodeModules >= 0) {
    const parts = url.slice(nodeModules + '/node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? 'node_modules');
  }
  const project = /\/(apps|packages|tools)\/([^/]+)\//.exec(url);
  return project ? `${project[1]}/${project[2]}` : 'other';
}

function shortLocation(url: string, line: number): string {
  if (url === '') return '';
  const trimmed = url.replace(/^file:\/\//, '');
  const nodeModules = trimmed.lastIndexOf('/node_modules/');
  const project = /\/((?:apps|packages|tools)\/.*)$/.exec(trimmed);
  const short = nodeModules >= 0 ? trimmed.slice(nodeModules + 14) : (project?.[1] ?? trimmed);
  return `${short}:${line + 1}`;
}

/** Self time per function (top `limit`) and per area, from a V8 CPU profile. */
export function summarizeCpuProfile(profile: CpuProfile, limit = 25): ProfileSummary {
  const byNode = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((id, index) => byNode.set(id, (byNode.get(id) ?? 0) + (deltas[index + 1] ?? 0) / 1_000));
  const functions = new Map<string, Omit<ProfileEntry, 'percent'>>();
  const areas = new Map<string, number>();
  let totalMs = 0;
  for (const node of profile.nodes) {
    const selfMs = byNode.get(node.id) ?? 0;
    if (selfMs === 0) continue;
    totalMs += selfMs;
    const { functionName, url, lineNumber } = node.callFrame;
    const area = areaOf(functionName, url);
    areas.set(area, (areas.get(area) ?? 0) + selfMs);
    const key = `${functionName}\u0000${url}\u0000${lineNumber}`;
    const entry = functions.get(key) ?? { functionName: functionName || '(anonymous)', location: shortLocation(url, lineNumber), area, selfMs: 0 };
    entry.selfMs += selfMs;
    functions.set(key, entry);
  }
  const busyMs = totalMs - (areas.get('idle') ?? 0);
  const percent = (ms: number): number => (busyMs > 0 ? (100 * ms) / busyMs : 0);
  const top = [...functions.values()]
    .filter((entry) => entry.area !== 'idle')
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, limit)
    .map((entry) => ({ ...entry, percent: percent(entry.selfMs) }));
  const byArea = [...areas.entries()]
    .filter(([area]) => area !== 'idle')
    .sort((a, b) => b[1] - a[1])
    .map(([area, selfMs]) => ({ area, selfMs, percent: percent(selfMs) }));
  return { totalMs, busyMs, top, byArea };
}
