// CPU time of Chromium's processes (Linux /proc), for the startup profile (bench/startup.ts,
// BENCH_PROFILE=1): which process had the machine's cores while a page loaded. On this kind of
// machine (2 cores, SwiftShader) the GPU process's SwiftShader worker threads ("Thread<00>",
// "Thread<01>") were once seen busy at about 1.7 cores with no page open at all (2026-12-08 03:48,
// gone by 03:55): the renderer then has a fraction of a core, and a first frame is slow for want of
// CPU rather than for its own work. The idle line of the profile shows whether a run had that.
import { existsSync, readdirSync, readFileSync } from "node:fs";

/** One process's or thread's CPU time so far. */
export interface CpuSample {
  /** Chromium's process kind from its command line ("browser", "renderer", "gpu-process", "utility:network", ...). */
  kind: string;
  /** Thread name (comm) for a thread sample, the process's otherwise. */
  name: string;
  /** User + system CPU time, ms. */
  cpuMs: number;
}

/**
 * The kind of a Chromium process from its command line, or null if it is not Chromium. Arguments
 * are NUL-separated, except where Chromium rewrote a child's title into one space-separated string.
 */
export function chromiumKind(cmdline: string): string | null {
  const program = cmdline.split(/[\0 ]/)[0] ?? "";
  if (!/chrom(e|ium)$/.test(program)) return null;
  const type = /(?:^|[\0 ])--type=([\w-]+)/.exec(cmdline)?.[1];
  if (!type) return "browser";
  const sub = /(?:^|[\0 ])--utility-sub-type=(\w+)/.exec(cmdline)?.[1];
  return sub ? `${type}:${sub}` : type;
}

/** Name and user + system time (ms) from a /proc stat line; the name may hold spaces and parentheses. */
export function parseStat(stat: string, clockTicksPerSecond = 100): { name: string; cpuMs: number } {
  const open = stat.indexOf("(");
  const close = stat.lastIndexOf(")");
  if (open < 0 || close < open) throw new Error(`process-cpu: not a /proc stat line: ${stat.slice(0, 60)}`);
  // After ") ": state, ppid, pgrp, session, tty_nr, tpgid, flags, minflt, cminflt, majflt, cmajflt, utime, stime.
  const fields = stat.slice(close + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { name: stat.slice(open + 1, close), cpuMs: (ticks * 1000) / clockTicksPerSecond };
}

/** CPU time of every Chromium process (by pid), or of every thread (by tid) with `threads`. Empty without /proc. */
export function chromiumCpu(options: { threads?: boolean } = {}): Map<number, CpuSample> {
  const out = new Map<number, CpuSample>();
  if (!existsSync("/proc/self/stat")) return out;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const kind = chromiumKind(readFileSync(`/proc/${pid}/cmdline`, "utf8"));
      if (!kind) continue;
      const ids = options.threads ? readdirSync(`/proc/${pid}/task`) : [pid];
      for (const id of ids) {
        const path = options.threads ? `/proc/${pid}/task/${id}/stat` : `/proc/${pid}/stat`;
        out.set(Number(id), { kind, ...parseStat(readFileSync(path, "utf8")) });
      }
    } catch {
      // The process ended between listing and reading.
    }
  }
  return out;
}

/** CPU ms spent between two samples, summed by `key` (ids absent from `before` started since). */
export function cpuBetween(before: Map<number, CpuSample>, after: Map<number, CpuSample>, key: (s: CpuSample) => string = (s) => s.kind): [string, number][] {
  const sums = new Map<string, number>();
  for (const [id, s] of after) {
    const spent = s.cpuMs - (before.get(id)?.cpuMs ?? 0);
    if (spent > 0) sums.set(key(s), (sums.get(key(s)) ?? 0) + spent);
  }
  return [...sums].sort((a, b) => b[1] - a[1]);
}
