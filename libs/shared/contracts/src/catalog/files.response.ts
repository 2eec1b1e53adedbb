import type { FilePurpose } from './enums';

export interface StoredFileResponse {
  id: string;
  purpose: FilePurpose;
  filename: string;
  contentType: string;
  size: number;
  createdAt: string;
}

export type ScormPackageStatus = 'queued' | 'processing' | 'ready' | 'failed';

export interface ScormPackageResponse {
  id: string;
  filename: string;
  status: ScormPackageStatus;
  /** 0–100 while processing. */
  progress: number;
  /** Why the package was refused, in Indonesian, when failed. */
  error: string | null;
  title: string | null;
  scormVersion: string | null;
  launchHref: string | null;
  fileCount: number | null;
  totalBytes: number | null;
  /** The organisation tree: items with their launch resource. */
  items: {
    identifier: string;
    title: string;
    href: string | null;
    children: ScormPackageResponse['items'];
  }[];
}
