import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP relay in front of an API process that the test can cut, as a dropped network link:
 * `cut()` resets every relayed connection at once (no close handshake, no socket.io close
 * packet) and refuses new ones until `restore()`.
 */
export interface TcpCut {
  url: string;
  cut(): void;
  restore(): void;
  /** Connections refused while cut (the client's reconnection attempts). */
  refused: number;
  close(): Promise<void>;
}

export async function startTcpCut(target: string): Promise<TcpCut> {
  const { hostname, port } = new URL(target);
  const pairs = new Set<[Socket, Socket]>();
  let isCut = false;
  let refused = 0;
  const server: Server = createServer((downstream) => {
    if (isCut) {
      refused++;
      downstream.resetAndDestroy();
      return;
    }
    const upstream = connect(Number(port), hostname);
    const pair: [Socket, Socket] = [downstream, upstream];
    pairs.add(pair);
    const drop = () => {
      pairs.delete(pair);
      downstream.destroy();
      upstream.destroy();
    };
    downstream.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    downstream.pipe(upstream);
    upstream.pipe(downstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  const relay: TcpCut = {
    url: `http://127.0.0.1:${address.port}`,
    refused: 0,
    cut() {
      isCut = true;
      for (const [down, up] of pairs) {
        down.resetAndDestroy();
        up.resetAndDestroy();
      }
      pairs.clear();
    },
    restore() {
      isCut = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        relay.cut();
        server.close(() => resolve());
      }),
  };
  Object.defineProperty(relay, 'refused', { get: () => refused });
  return relay;
}
