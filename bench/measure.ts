import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

/** What a benchmark measures and how it prints it: processor time and memory from /proc, durations, tables. */

/** Processor time (ms): this process's, the product's own, and that of the processes the product started. */
export interface CpuTime {
  bench: number;
  product: number;
  temporal: number;
}

export interface CpuSnapshot extends CpuTime {
  since(earlier: CpuSnapshot): CpuTime;
}

/** The processor time of a phase, all processes together, per notice it sent. */
export const cpuPerNotice = (spent: CpuTime, notices: number) =>
  `${((spent.bench + spent.product + spent.temporal) / notices).toFixed(1)} ms`;

/**
 * Processor time (user + system, ms) used so far by this process, by the product's own process, and by
 * the processes the product started (the Temporal dev server), from /proc (Linux).
 */
export function cpuSnapshot(productPid: number): CpuSnapshot {
  const ticksPerMs = 100 / 1000; // USER_HZ: 100 on Linux
  const stats = new Map<number, { parent: number; ms: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // it ended while being read
    }
    // The fields after the command's closing parenthesis: state, ppid, ..., utime (14th), stime (15th).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    stats.set(Number(entry), { parent: Number(fields[1]), ms: (Number(fields[11]) + Number(fields[12])) / ticksPerMs });
  }
  const below = (pid: number): number =>
    [...stats].filter(([, stat]) => stat.parent === pid).reduce((sum, [child, stat]) => sum + stat.ms + below(child), 0);
  const usage = process.cpuUsage();
  const snapshot = {
    bench: (usage.user + usage.system) / 1000,
    product: stats.get(productPid)?.ms ?? Number.NaN,
    temporal: below(productPid),
  };
  return {
    ...snapshot,
    since: (earlier) => ({
      bench: snapshot.bench - earlier.bench,
      product: snapshot.product - earlier.product,
      temporal: snapshot.temporal - earlier.temporal,
    }),
  };
}

/** Resident memory and its high-water mark of a process, from /proc (Linux). */
export function processMemory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

/**
 * Starts a process's high-water mark (VmHWM) again from its present resident memory, so that the peak
 * read after a phase is the phase's own (Linux: `5` to /proc/<pid>/clear_refs). False where the kernel
 * refuses it; the peak read then is the peak since the process started.
 */
export function restartPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** The resident memory of the processes a process started (the product's Temporal dev server), from /proc. */
export function childrenMemory(parentPid: number): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parentPid) total += processMemory(Number(entry)).rss;
    } catch {
      continue; // it ended while being read
    }
  }
  return total;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;
export const log = (line: string) => process.stderr.write(`${line}\n`);

export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')).join('\n');
}
