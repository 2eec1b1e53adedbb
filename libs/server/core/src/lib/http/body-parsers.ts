import type { NextFunction, Request, RequestHandler, Response } from 'express';
import express from 'express';
import { problem } from './problem';

function send(res: Response, req: Request, status: number, code: string, detail: string) {
  res
    .status(status)
    .type('application/problem+json')
    .send(
      JSON.stringify({
        ...problem(status, code, detail),
        instance: req.originalUrl,
        requestId: String(req.id),
      }),
    );
}

/**
 * body-parser runs before Nest's filters see the request, so its failures are
 * turned into problem+json here rather than leaking Express's HTML error page.
 */
export function jsonBodyParser(limitBytes: number): RequestHandler {
  const parse = express.json({ limit: limitBytes, strict: true });
  return (req: Request, res: Response, next: NextFunction) => {
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      const e = err as { type?: string; message?: string };
      if (e.type === 'entity.too.large') {
        return send(
          res,
          req,
          413,
          'body-too-large',
          `Isi permintaan melebihi batas ${limitBytes} byte.`,
        );
      }
      if (e.type === 'entity.parse.failed') {
        return send(
          res,
          req,
          400,
          'malformed-json',
          `JSON tidak valid: ${e.message ?? 'periksa tanda kurung dan tanda kutip'}.`,
        );
      }
      if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') {
        return send(res, req, 415, 'unsupported-encoding', 'Gunakan JSON dengan pengodean UTF-8.');
      }
      return next(err);
    });
  };
}
