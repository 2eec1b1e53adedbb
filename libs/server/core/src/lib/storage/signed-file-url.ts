import { createHmac } from 'node:crypto';

/**
 * A short-lived URL of a stored file, served by GET /files/:id/content, for
 * domains that hand out files without depending on the catalog library (the
 * ledger's evidence). Same key derivation and signature as the catalog's
 * FilesService.signedUrl, which verifies it. Call it only after deciding that
 * the user may see the file.
 */
export function signedFileUrl(
  config: { JWT_SECRET: string; FILE_URL_TTL_SECONDS: number },
  fileId: string,
  opts: { download?: boolean } = {},
): string {
  const key = createHmac('sha256', config.JWT_SECRET).update('siantar-belajar:file-url').digest();
  const exp = Math.floor(Date.now() / 1000) + config.FILE_URL_TTL_SECONDS;
  const download = opts.download === true;
  const sig = createHmac('sha256', key)
    .update(`${fileId}:${exp}:${download ? 1 : 0}`)
    .digest()
    .subarray(0, 32)
    .toString('base64url');
  return `/api/v1/files/${fileId}/content?exp=${exp}&sig=${sig}${download ? '&download=1' : ''}`;
}
