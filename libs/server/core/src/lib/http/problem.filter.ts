import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { ProblemDetails } from '@siantar/contracts';
import type { Request, Response } from 'express';
import { AppError } from './app-error';
import { problem } from './problem';

function fromHttpException(e: HttpException): ProblemDetails {
  const status = e.getStatus();
  const body = e.getResponse();
  if (typeof body === 'object' && body !== null && 'code' in body && 'detail' in body) {
    return body as ProblemDetails;
  }
  // @nestjs/terminus answers 503 with the state of each dependency; keep it readable.
  if (typeof body === 'object' && body !== null && 'details' in body && 'status' in body) {
    const details = (body as { details: Record<string, { status: string; message?: string }> })
      .details;
    const down = Object.entries(details)
      .filter(([, v]) => v.status !== 'up')
      .map(([k, v]) => `${k}: ${v.message ?? v.status}`);
    return problem(status, 'not-ready', `Layanan belum siap — ${down.join('; ')}`, {
      checks: details,
    });
  }
  const message =
    typeof body === 'string'
      ? body
      : typeof body === 'object' && body !== null && 'message' in body
        ? String((body as { message: unknown }).message)
        : e.message;
  const code =
    status === 404
      ? 'not-found'
      : status === 401
        ? 'unauthorized'
        : status === 403
          ? 'forbidden'
          : 'http';
  const detail =
    status === 404 && message.startsWith('Cannot ')
      ? `Alamat ${message.replace(/^Cannot \w+ /, '')} tidak ada di API ini.`
      : message;
  return problem(status, code, detail);
}

/** Every error leaves as application/problem+json (RFC 9457) carrying the request id. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    let body: ProblemDetails;
    if (exception instanceof HttpException) {
      body = fromHttpException(exception);
      if (exception instanceof AppError) {
        for (const [k, v] of Object.entries(exception.headers)) res.setHeader(k, v);
      }
    } else {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
      body = problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        'internal',
        'Terjadi kesalahan di server. Coba lagi; bila berulang, laporkan kode permintaan ini ke admin.',
      );
    }
    body = { ...body, instance: req.originalUrl ?? req.url, requestId: String(req.id) };
    res.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }
}
