import { type EnqueueOptions, jobKey } from '@siantar/server-core';

/**
 * The render job of a certificate's issue `revision` (0 = first issue): one job id per issue,
 * so asking again (a retried issue job, a second admin request) is a no-op while it exists.
 */
export const renderJob = (
  certificateId: string,
  revision: number,
): ['certificates.render', { certificateId: string; revision: number }, EnqueueOptions] => [
  'certificates.render',
  { certificateId, revision },
  { jobId: jobKey('certificate-render', certificateId, `r${revision}`) },
];
