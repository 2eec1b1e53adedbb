import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { AppError } from './app-error';

function flatten(errors: ValidationError[], parent = ''): { path: string; message: string }[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([rule, message]) => ({
      path,
      message:
        rule === 'whitelistValidation' ? `kolom "${path}" tidak dikenal; hapus kolom ini` : message,
    }));
    return own.concat(flatten(e.children ?? [], path));
  });
}

/** Whitelisting pipe: unknown fields are refused, not silently dropped, so a typo is visible. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fieldErrors = flatten(errors);
      const summary = fieldErrors.map((f) => `${f.path}: ${f.message}`).join('; ');
      return new AppError(400, 'validation', `Data tidak valid — ${summary}`, fieldErrors);
    },
  });
}
