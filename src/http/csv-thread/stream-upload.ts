import type { Request } from 'express';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { HttpError, badRequest } from '../http-error.js';
import type { CsvFigures } from './csv-figures.js';
import type { CsvThread } from './csv-thread.js';

const INFLATE: Record<string, () => zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress> = {
  gzip: () => zlib.createGunzip(),
  'x-gzip': () => zlib.createGunzip(),
  deflate: () => zlib.createInflate(),
  br: () => zlib.createBrotliDecompress(),
};

const tooLarge = (limit: number) => new HttpError(413, 'Content Too Large', `The request body exceeds the limit of ${limit} bytes.`);

/**
 * Streams a request body (inflated when it is gzip, deflate or br) to the CSV thread as it
 * arrives, up to `limit` bytes, and resolves to what the thread read. The body is never
 * gathered on the event loop: no 16 MB buffer, no copy of it, nothing for this heap to collect.
 * Refusals are those of express's body parser: 413 past the limit (before reading when the
 * declared length says so), 415 for an unknown encoding, 400 for a body that does not inflate
 * or is cut off, and 400 for an empty one.
 */
export async function streamCsvUpload(req: Request, limit: number, thread: CsvThread, charset?: string): Promise<CsvFigures> {
  const coding = (req.get('content-encoding') ?? 'identity').trim().toLowerCase();
  if (coding !== 'identity' && !INFLATE[coding]) throw new HttpError(415, 'Unsupported Media Type', `unsupported content encoding "${coding}"`);
  const declared = Number(req.get('content-length'));
  if (coding === 'identity' && declared > limit) throw tooLarge(limit);

  const upload = await thread.open(charset);
  const source: Readable = coding === 'identity' ? req : req.pipe(INFLATE[coding]());
  let received = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const stop = (error: unknown) => {
        req.unpipe();
        source.off('data', onData);
        source.pause();
        reject(error);
      };
      const onData = (chunk: Buffer) => {
        received += chunk.length;
        if (received > limit) return stop(tooLarge(limit));
        upload.write(chunk);
      };
      source.on('data', onData);
      source.once('end', () => resolve());
      source.once('error', (error) => stop(source === req ? badRequest(`The request body could not be read: ${error.message}`) : badRequest(`The request body does not inflate: ${error.message}`)));
      if (source !== req) req.once('error', (error) => stop(badRequest(`The request body could not be read: ${error.message}`)));
    });
  } catch (error) {
    upload.abort();
    throw error;
  }
  if (received === 0) {
    upload.abort();
    throw badRequest('The request body is empty.');
  }
  return upload.end();
}
