import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { LiveError } from './live-error';

const flatten = (errors: ValidationError[], parent = ''): string[] =>
  errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    return [
      ...Object.values(e.constraints ?? {}).map((m) => `${path}: ${m}`),
      ...flatten(e.children ?? [], path),
    ];
  });

/**
 * Checks an event's payload against its contract class; unknown fields are refused
 * so a typo in a client shows up at once rather than being ignored.
 */
export async function parsePayload<T extends object>(
  cls: (new () => T) | null,
  raw: unknown,
): Promise<T> {
  raw ??= {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new LiveError('invalid', 'Data acara harus berupa objek JSON.');
  if (!cls) {
    if (Object.keys(raw).length > 0)
      throw new LiveError('invalid', 'Acara ini tidak menerima data; kirim {}.');
    return {} as T;
  }
  const instance = plainToInstance(cls, raw);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0)
    throw new LiveError('invalid', `Data acara tidak valid — ${flatten(errors).join('; ')}`);
  return instance;
}
