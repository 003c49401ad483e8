// A TCP proxy on 127.0.0.1 for fault tests: put it between a client and a server, then stop()
// it (listener closed, every open connection cut: what a server restart looks like to a client)
// and start() it again on the same port.
import { createConnection, createServer, type Server, type Socket } from "node:net";

export interface TcpProxy {
  port: number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function tcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let server: Server | null = null;
  const sockets = new Set<Socket>();
  let port = 0;
  const start = () => new Promise<void>((resolve, reject) => {
    server = createServer((client) => {
      const upstream = createConnection(target);
      sockets.add(client).add(upstream);
      const cut = () => { client.destroy(); upstream.destroy(); sockets.delete(client); sockets.delete(upstream); };
      client.on("error", cut).on("close", cut);
      upstream.on("error", cut).on("close", cut);
      client.pipe(upstream).pipe(client);
    });
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      port = (server!.address() as { port: number }).port;
      resolve();
    });
  });
  const stop = () => new Promise<void>((resolve) => {
    for (const s of sockets) s.destroy();
    sockets.clear();
    if (!server) return resolve();
    server.close(() => resolve());
    server = null;
  });
  await start();
  return { get port() { return port; }, start, stop };
}
