import type { LiveErrorCode } from '@siantar/contracts';

/** A refused room event: answered on its acknowledgement and as `live:error`. */
export class LiveError extends Error {
  constructor(
    readonly code: LiveErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const hostOnly = () =>
  new LiveError('forbidden', 'Hanya pemandu sesi (pelatih) yang boleh melakukan ini.');
