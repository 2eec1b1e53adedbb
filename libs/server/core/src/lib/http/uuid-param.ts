import { ParseUUIDPipe } from '@nestjs/common';
import { AppError } from './app-error';

/** A path parameter that must be a UUID; anything else is a 400 naming the parameter. */
export const uuidParam = (what = 'id') =>
  new ParseUUIDPipe({
    exceptionFactory: () => new AppError(400, 'validation', `${what} harus UUID.`),
  });
