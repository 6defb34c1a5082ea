import type { Server, ServerResponse } from 'node:http';

/**
 * Closes a server without cutting off requests it has already received: stop listening,
 * close connections that are idle now, and mark every answer still to be sent (and any
 * request that arrives on an open keep-alive connection meanwhile) `Connection: close`,
 * so each connection closes right after its last answer instead of lingering as an idle
 * keep-alive connection that would hold `server.close()` open. After `graceMs` whatever
 * is left is closed anyway.
 */
export function gracefulClose(server: Server, graceMs: number): () => Promise<void> {
  const inFlight = new Set<ServerResponse>();
  let closing = false;
  const keepUntilDone = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader('Connection', 'close');
  };
  server.on('request', (_req, res: ServerResponse) => {
    if (closing) keepUntilDone(res);
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
  });
  return () =>
    new Promise<void>((resolve) => {
      closing = true;
      inFlight.forEach(keepUntilDone);
      setTimeout(() => server.closeAllConnections(), graceMs).unref();
      server.close(() => resolve());
    });
}
