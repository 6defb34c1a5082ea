/**
 * The baseline for throughput ratios: bare express that parses the same JSON body and
 * answers a small JSON acknowledgement (the least comparable work). Whatever the service
 * does beyond this is the cost of its own work.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';

const app = express();
app.use(express.json({ limit: '1mb' }));
app.post('/echo', (req, res) => {
  const body = req.body as Record<string, unknown>;
  res.json({ received: true, keys: Object.keys(body).length });
});
const server = app.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`echo listening on http://127.0.0.1:${port}`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
