/**
 * The baseline for throughput ratios: bare express, run by plain node, that parses the same
 * JSON body and answers a small JSON acknowledgement (the least comparable work). Whatever
 * the service does beyond this is the cost of its own work.
 */
import express from 'express';

const app = express();
app.use(express.json({ limit: '1mb' }));
app.post('/echo', (req, res) => {
  res.json({ received: true, keys: Object.keys(req.body).length });
});
const server = app.listen(0, '127.0.0.1', () => {
  console.log(`echo listening on http://127.0.0.1:${server.address().port}`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
