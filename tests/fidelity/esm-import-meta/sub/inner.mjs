export const url = import.meta.url;
export const dirname = import.meta.dirname;
