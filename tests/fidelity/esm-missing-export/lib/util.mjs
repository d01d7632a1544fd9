export function formatDate(d) { return d.toISOString(); }
export const version = 1;
