import type { Routes } from '@angular/router';
import { roleGuard } from '@siantar/web-core';
import { provideCertificateIcons } from './ui/certificate-icons';

/** `/belajar/sertifikat`: the signed-in user's certificates. */
export const myCertificatesRoutes: Routes = [
  {
    path: '',
    providers: [provideCertificateIcons()],
    title: 'certificates.mine.title',
    loadComponent: () =>
      import('./mine/my-certificates.component').then((m) => m.MyCertificatesComponent),
  },
];

/**
 * `/verify/:code`: the public verification page that a certificate's QR code leads to. Mount it
 * in the signed-out frame, without any guard: it is for everyone, signed in or not.
 */
export const certificateVerifyRoutes: Routes = [
  {
    path: ':code',
    providers: [provideCertificateIcons()],
    title: 'certificates.verify.title',
    loadComponent: () =>
      import('./verify/verify-certificate.component').then((m) => m.VerifyCertificateComponent),
  },
];

/** `/admin/sertifikat` (certificates per course, zip export) and `/admin/sertifikat/templat`. */
export const certificatesAdminRoutes: Routes = [
  {
    path: '',
    canMatch: [roleGuard('admin')],
    providers: [provideCertificateIcons()],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'certificates.admin.title',
        loadComponent: () =>
          import('./admin/certificates-admin.component').then((m) => m.CertificatesAdminComponent),
      },
      {
        path: 'templat',
        title: 'certificates.template.title',
        loadComponent: () =>
          import('./admin/certificate-template.component').then(
            (m) => m.CertificateTemplateComponent,
          ),
      },
    ],
  },
];
