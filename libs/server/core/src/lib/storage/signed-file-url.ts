import { createHmac } from 'node:crypto';

interface FileUrlConfig {
  JWT_SECRET: string;
  FILE_URL_TTL_SECONDS: number;
}

/**
 * The signature of a file URL (GET /files/:id/content): one definition for every
 * domain that hands out files (the catalog's media, the ledger's evidence, report
 * exports) and for the route that verifies it.
 */
export function fileUrlSignature(
  config: Pick<FileUrlConfig, 'JWT_SECRET'>,
  fileId: string,
  exp: number,
  download: boolean,
): Buffer {
  // A key of its own, so a file-URL signature can never be replayed as another token.
  const key = createHmac('sha256', config.JWT_SECRET).update('siantar-belajar:file-url').digest();
  return createHmac('sha256', key)
    .update(`${fileId}:${exp}:${download ? 1 : 0}`)
    .digest()
    .subarray(0, 32);
}

/**
 * A URL that serves the file to whoever holds it for FILE_URL_TTL_SECONDS.
 * Call it only after deciding that the user may see the file.
 */
export function signedFileUrl(
  config: FileUrlConfig,
  fileId: string,
  opts: { download?: boolean } = {},
): string {
  const exp = Math.floor(Date.now() / 1000) + config.FILE_URL_TTL_SECONDS;
  const download = opts.download === true;
  const sig = fileUrlSignature(config, fileId, exp, download).toString('base64url');
  return `/api/v1/files/${fileId}/content?exp=${exp}&sig=${sig}${download ? '&download=1' : ''}`;
}
