export * from './certificates';
export * from './templates';
export * from './exports';
export * from './routes';
export {
  CertificateExportJob,
  CertificateIssueJob,
  CertificateIssueWebinarJob,
  CertificateRenderJob,
} from '../jobs/certificate-jobs';
