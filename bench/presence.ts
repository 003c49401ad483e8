// Presence load: simulated visitors in rooms sending head poses, against one server node in its own
// process. Reports messages per second, send-to-receive latency (p50, p99) and the server's CPU and
// memory; writes bench/presence-report.json. Issue 16: one node holds 20 rooms x 30 visitors at 15 Hz.
//   node --import tsx bench/presence.ts            (ROOMS, PER_ROOM, HZ, BENCH_SECONDS to change)
// Latency: each pose carries a sequence number in its x coordinate (mm resolution keeps it exact);
// one observer per room parses everything it gets and looks up when that pose was sent (same clock,
// same process). It includes the server's batching tick (50 ms), as a visitor would see it.
import { fork, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import WebSocket from "ws";
import type { ServerMessage } from "../src/domain/presence/messages";

const ROOMS = Number(process.env.ROOMS ?? 20);
const PER_ROOM = Number(process.env.PER_ROOM ?? 30);
const HZ = Number(process.env.HZ ?? 15);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARMUP_MS = 3000;
const ROOM_IDS = ["plaza", ...Array.from({ length: 18 }, (_, i) => `32${String(i + 1).padStart(2, "0")}`), ...Array.from({ length: 9 }, (_, i) => `327${i + 1}`)];

interface Sim { ws: WebSocket; room: number; index: number; id: string; seq: number; sent: Float64Array; observer: boolean }

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function startServer(): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(fileURLToPath(new URL("./presence-server.ts", import.meta.url)), [], {
    execArgv: ["--import", "tsx"], stdio: ["ignore", "pipe", "inherit", "ipc"],
    env: { ...process.env, PRESENCE_BENCH_OPTIONS: JSON.stringify({ roomMax: PER_ROOM, maxSocketsPerAddress: PER_ROOM + 5 }) },
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d) => { out += String(d); const m = /PORT (\d+)/.exec(out); if (m) resolve(Number(m[1])); });
    child.once("exit", (c) => reject(new Error(`server exited ${c}`)));
  });
  return { child, port };
}

function serverStats(child: ChildProcess): Promise<{ cpu: NodeJS.CpuUsage; mem: NodeJS.MemoryUsage; at: number }> {
  return new Promise((resolve) => {
    child.once("message", (m) => resolve(m as never));
    child.send("stats");
  });
}

const { child, port } = await startServer();
const sims: Sim[] = [];
const simById = new Map<string, Sim>();
let received = 0, receivedBytes = 0, sent = 0;
let measuring = false;
const latencies: number[] = [];

async function connect(room: number, index: number): Promise<Sim> {
  const observer = index === 0;
  const ws = new WebSocket(`ws://127.0.0.1:${port}/api/v1/presence`, {
    localAddress: `127.0.0.${10 + room}`, perMessageDeflate: false, skipUTF8Validation: !observer,
  });
  const sim: Sim = { ws, room, index, id: "", seq: 0, sent: new Float64Array(256), observer };
  await new Promise<void>((resolve, reject) => {
    ws.once("error", reject);
    ws.once("open", () => { ws.send(JSON.stringify({ t: "join", room: ROOM_IDS[room] })); });
    ws.on("message", (data: Buffer) => {
      if (measuring) { received++; receivedBytes += data.length; }
      if (!sim.id || observer) {
        const m = JSON.parse(String(data)) as ServerMessage;
        if (m.t === "welcome") { sim.id = m.you.id; simById.set(sim.id, sim); resolve(); }
        else if (m.t === "error") reject(new Error(`join refused: ${m.code}`));
        else if (m.t === "poses" && measuring) {
          const now = performance.now();
          for (const [id, h] of m.p) {
            const from = simById.get(id);
            if (!from || from === sim) continue;
            const seq = Math.round(h[0] * 1000);
            const t = from.sent[seq % 256]!;
            if (t > 0) latencies.push(now - t);
          }
        }
      }
    });
  });
  return sim;
}

console.log(`presence bench: ${ROOMS} rooms x ${PER_ROOM} visitors at ${HZ} Hz for ${SECONDS} s`);
for (let r = 0; r < ROOMS; r++) {
  const batch = await Promise.all(Array.from({ length: PER_ROOM }, (_, i) => connect(r, i)));
  sims.push(...batch);
}
console.log(`${sims.length} visitors joined`);

const interval = 1000 / HZ;
const timers = sims.map((s) => setTimeout(() => {
  const t = setInterval(() => {
    s.seq = (s.seq + 1) % 1_000_000;
    // x carries the sequence number; y, z and the turn vary like a walking visitor.
    const a = s.seq / 20;
    const msg = `{"t":"pose","h":[${s.seq / 1000},1.6,${(s.index % 10) - 5},0,${Math.sin(a).toFixed(4)},0,${Math.cos(a).toFixed(4)}]}`;
    s.sent[s.seq % 256] = performance.now();
    s.ws.send(msg);
    if (measuring) sent++;
  }, interval);
  timers.push(t as unknown as NodeJS.Timeout);
}, Math.random() * interval));

await new Promise((r) => setTimeout(r, WARMUP_MS));
const before = await serverStats(child);
const clientCpu0 = process.cpuUsage();
measuring = true;
const t0 = performance.now();
let peakRss = before.mem.rss, peakHeap = before.mem.heapUsed;
for (let s = 0; s < SECONDS; s++) {
  await new Promise((r) => setTimeout(r, 1000));
  const st = await serverStats(child);
  peakRss = Math.max(peakRss, st.mem.rss);
  peakHeap = Math.max(peakHeap, st.mem.heapUsed);
}
measuring = false;
const wall = (performance.now() - t0) / 1000;
const after = await serverStats(child);
const clientCpu = process.cpuUsage(clientCpu0);
for (const t of timers) { clearTimeout(t); clearInterval(t); }
for (const s of sims) s.ws.terminate();

const sorted = Float64Array.from(latencies).sort();
const serverCpuSec = (after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system) / 1e6;
const mb = (b: number) => Math.round((b / 1048576) * 10) / 10;
const report = {
  date: new Date().toISOString().slice(0, 10),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? "", loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10), node: process.version },
  setup: { rooms: ROOMS, visitorsPerRoom: PER_ROOM, visitors: sims.length, poseHz: HZ, seconds: Math.round(wall * 10) / 10, serverTickMs: 50, serverProcess: "build() app, in-memory SQLite, one node, no Redis" },
  messagesPerSecond: {
    sentByClients: Math.round(sent / wall),
    receivedByClients: Math.round(received / wall),
    receivedMBps: mb(receivedBytes / wall),
  },
  latencyMs: { samples: sorted.length, p50: Math.round(percentile(sorted, 50) * 10) / 10, p99: Math.round(percentile(sorted, 99) * 10) / 10, max: Math.round(percentile(sorted, 100) * 10) / 10 },
  server: {
    cpuPercentOfOneCore: Math.round((serverCpuSec / wall) * 1000) / 10,
    // On a shared, overloaded machine the clients cannot keep their rate; the cost per pose received
    // (fan-out included) and the rate it implies at the full load are steadier than the percentage.
    cpuMicrosPerPoseIn: Math.round((serverCpuSec * 1e6) / Math.max(1, sent)),
    projectedCpuPercentOfOneCoreAtFullRate: Math.round(((serverCpuSec * 1e6) / Math.max(1, sent)) * ROOMS * PER_ROOM * HZ / 1e4 * 10) / 10, rssMB: mb(after.mem.rss), peakRssMB: mb(peakRss), heapUsedMB: mb(after.mem.heapUsed), peakHeapUsedMB: mb(peakHeap) },
  clients: { cpuPercentOfOneCore: Math.round(((clientCpu.user + clientCpu.system) / 1e6 / wall) * 1000) / 10, targetPosesPerSecond: ROOMS * PER_ROOM * HZ, targetBatchesPerSecond: Math.round(ROOMS * PER_ROOM * (1000 / 50)) },
};
writeFileSync(fileURLToPath(new URL("./presence-report.json", import.meta.url)), `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, null, 2));
child.disconnect();
await new Promise((r) => child.once("exit", r));
process.exit(0);
