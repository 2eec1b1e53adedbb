/** BullMQ rejects custom job ids containing ':'; business keys use '-' and '_' only. */
const JOB_ID = /^[A-Za-z0-9._-]{1,200}$/;

export function assertJobId(jobId: string): void {
  if (!JOB_ID.test(jobId)) {
    throw new Error(`Invalid jobId "${jobId}": use 1–200 of A-Z a-z 0-9 . _ - (no ':').`);
  }
}

/** Builds a jobId from the parts of a business key, e.g. jobKey('welcome-email', userId). */
export function jobKey(...parts: (string | number)[]): string {
  const id = parts.map((p) => String(p).replace(/[^A-Za-z0-9._-]/g, '_')).join('-');
  assertJobId(id);
  return id;
}
