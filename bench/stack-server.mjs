/**
 * Beside the echo: the service's own request handling (its compiled modules in dist/, as
 * `npm start` runs them) with no work behind it — the request log line with its id, metrics,
 * security headers and the JSON body reader that refuses duplicate keys, forbidden keys and
 * deep nesting — answering the echo's small acknowledgement. What validate and score cost
 * beyond this row is the cost of their work.
 *
 * STACK_PARTS (comma list of log, metrics, headers, json; default all) runs only some parts,
 * so each part's cost can be measured on its own; without `json` the body is read as the
 * echo reads it (express.json).
 */
import express from 'express';
import { securityHeaders } from '../dist/http/browser-policy.js';
import { jsonBody, requireContentType } from '../dist/http/json-body.js';
import { createLogger, requestLogging } from '../dist/http/logger.js';
import { createMetrics } from '../dist/http/metrics.js';

const parts = new Set((process.env.STACK_PARTS ?? 'log,metrics,headers,json').split(',').filter(Boolean));
const app = express();
if (parts.has('log')) app.use(requestLogging(createLogger()));
if (parts.has('metrics')) app.use(createMetrics().middleware);
if (parts.has('headers')) app.use(securityHeaders());
const read = parts.has('json') ? [requireContentType(), jsonBody('1mb')] : [express.json({ limit: '1mb' })];
app.post('/echo', ...read, (req, res) => {
  res.json({ received: true, keys: Object.keys(req.body).length });
});
const server = app.listen(0, '127.0.0.1', () => {
  console.log(`stack listening on http://127.0.0.1:${server.address().port}`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
