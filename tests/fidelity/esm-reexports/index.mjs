export * from './shapes.mjs';
export * as colors from './colors.mjs';
export { red as primary } from './colors.mjs';
export { default as shapesDefault } from './shapes.mjs';
