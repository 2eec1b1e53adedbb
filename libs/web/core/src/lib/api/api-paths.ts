/** All API calls go through the same origin: the API serves the web app and the dev server proxies `/api`. */
export const API_BASE = '/api/v1';

export const apiUrl = (path: string): string =>
  `${API_BASE}${path.startsWith('/') ? path : `/${path}`}`;
