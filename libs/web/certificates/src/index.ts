// The certificates screens (issue 9). Kept light: the app imports this eagerly (routes, nav
// icons); the screens load lazily.
export * from './lib/certificates.routes';
export * from './lib/ui/certificate-icons';
