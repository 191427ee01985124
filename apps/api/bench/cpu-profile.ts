import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** The parts of a V8 .cpuprofile (node --cpu-prof) this summary reads. */
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

/** Where a function lives, by the package or folder of its file. */
const AREAS: Array<[string, RegExp]> = [
  ['graphql: parse', /node_modules\/graphql\/language\//],
  ['graphql: validate', /node_modules\/graphql\/validation\//],
  ['graphql: execute/serialise', /node_modules\/graphql\/(execution|type|jsutils|utilities)\//],
  ['apollo server', /node_modules\/@apollo\//],
  ['complexity analysis', /graphql-query-complexity|query-limits|complexity/],
  ['class-validator/transformer', /node_modules\/class-(validator|transformer)\//],
  ['nest core (guards, pipes, context)', /node_modules\/@nestjs\//],
  ['jwt', /node_modules\/(jsonwebtoken|jws|jwa)\//],
  ['typeorm', /node_modules\/typeorm\//],
  ['pg driver', /node_modules\/(pg|pg-protocol|pg-pool|pg-types)\//],
  ['express/body parser', /node_modules\/(express|body-parser|raw-body|iconv-lite|router)\//],
  ['rate limiter', /node_modules\/rate-limiter-flexible\//],
  ['app code', /\/apps\/api\/|\/libs\//],
  ['node internals', /^node:/],
];

const areaOf = (url: string, name: string) => {
  if (!url) return name === '(garbage collector)' ? 'gc' : name === '(idle)' || name === '(program)' ? name : 'native/builtin';
  return AREAS.find(([, pattern]) => pattern.test(url))?.[0] ?? 'other packages';
};

const shortUrl = (url: string) => {
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) return url.slice(nm + 'node_modules/'.length);
  const app = url.indexOf('/apps/');
  return app >= 0 ? url.slice(app + 1) : url.replace(/^file:\/\//, '');
};

/**
 * Self time per function and per area over every profile in `dir`, busy time only (idle left
 * out), as lines to print: where the server's CPU goes per request.
 */
export async function summariseProfiles(dir: string, requests: number, top = 15): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile'));
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  let busy = 0;
  for (const file of files) {
    const profile = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as CpuProfile;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, i) => {
      const node = nodes.get(id);
      const micros = profile.timeDeltas[i] ?? 0;
      if (!node) return;
      const { functionName, url, lineNumber } = node.callFrame;
      if (functionName === '(idle)') return;
      busy += micros;
      const key = `${functionName || '(anonymous)'}  ${shortUrl(url)}${url ? `:${lineNumber + 1}` : ''}`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
      const area = areaOf(url, functionName);
      byArea.set(area, (byArea.get(area) ?? 0) + micros);
    });
  }
  const perRequest = (micros: number) => `${(micros / 1000 / Math.max(1, requests)).toFixed(3)} ms/req`;
  const share = (micros: number) => `${((100 * micros) / Math.max(1, busy)).toFixed(1).padStart(5)} %`;
  const lines = [`  busy CPU        ${(busy / 1e6).toFixed(2)} s over ${requests} requests = ${perRequest(busy)}  (${files.length} profile(s) in ${dir})`, '  by area (self time):'];
  for (const [area, micros] of [...byArea].sort((a, b) => b[1] - a[1])) lines.push(`    ${share(micros)}  ${perRequest(micros).padStart(14)}  ${area}`);
  lines.push(`  top ${top} functions (self time):`);
  for (const [name, micros] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`    ${share(micros)}  ${perRequest(micros).padStart(14)}  ${name}`);
  return lines;
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); 0 elsewhere. */
export function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces; the fields after it are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds of a PostgreSQL cluster: its postmaster (first line of postmaster.pid) and every child (backends, writers). */
export function clusterCpuSeconds(clusterDir: string): number {
  let postmaster: number;
  try {
    postmaster = Number(readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return 0;
  }
  let total = processCpuSeconds(postmaster);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === postmaster) total += processCpuSeconds(Number(entry));
    } catch {
      // The process ended meanwhile.
    }
  }
  return total;
}

/** Seconds a process's main thread has run and has waited, runnable, for a CPU (/proc/<pid>/schedstat); zeros elsewhere. */
export function schedulerSeconds(pid: number): { running: number; waiting: number } {
  try {
    const [running, waiting] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(' ').map(Number);
    return { running: running / 1e9, waiting: waiting / 1e9 };
  } catch {
    return { running: 0, waiting: 0 };
  }
}
