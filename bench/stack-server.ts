/**
 * Informational beside the echo: the service's own request handling with no work behind it —
 * the request log with its id, metrics, security headers and the JSON body reader that
 * refuses duplicate keys, forbidden keys and deep nesting — answering the echo's small
 * acknowledgement. What validate and score cost beyond this row is the cost of their work.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import { securityHeaders } from '../src/http/browser-policy.js';
import { jsonBody, requireContentType } from '../src/http/json-body.js';
import { createLogger, requestLogging } from '../src/http/logger.js';
import { createMetrics } from '../src/http/metrics.js';

const app = express();
app.use(requestLogging(createLogger()));
app.use(createMetrics().middleware);
app.use(securityHeaders());
app.post('/echo', requireContentType(), jsonBody('1mb'), (req, res) => {
  const body = req.body as Record<string, unknown>;
  res.json({ received: true, keys: Object.keys(body).length });
});
const server = app.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`stack listening on http://127.0.0.1:${port}`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
