export const helper = () => 'helper from helper.js';
