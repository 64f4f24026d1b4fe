/**
 * Which requests belong to the JSON API rather than to the H5 pages (STATIC_DIR): everything under
 * /api/. One predicate, so the page fallback and the header set never disagree about a path.
 */
export const isApiUrl = (url: string): boolean => url.startsWith('/api/')
