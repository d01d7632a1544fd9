'use strict';

// console.table: turns tabular data into header + columns of inspected cells
// and draws them with box-drawing characters, cells left-aligned.

const { inspect, getStringWidth } = require('internal/util/inspect');
const types = require('internal/util/types');
const { previewEntries } = require('internal/bindings/util');

const indexKey = '(index)';
const iterKey = '(iteration index)';
const keyKey = 'Key';
const valuesKey = 'Values';

function renderRow(row, widths) {
  const cells = row.map((cell, i) => cell + ' '.repeat(widths[i] - getStringWidth(cell)));
  return `│ ${cells.join(' │ ')} │`;
}

// head: column titles; columns: arrays of cell texts (possibly sparse).
function drawTable(head, columns) {
  const widths = head.map((title) => getStringWidth(title));
  const rowCount = Math.max(...columns.map((column) => column.length));
  const rows = [];
  for (let i = 0; i < head.length; i++) {
    for (let j = 0; j < rowCount; j++) {
      rows[j] ??= [];
      const cell = Object.prototype.hasOwnProperty.call(columns[i], j) ? columns[i][j] : '';
      rows[j][i] = cell;
      widths[i] = Math.max(widths[i] || 0, getStringWidth(cell));
    }
  }
  const divider = widths.map((w) => '─'.repeat(w + 2));
  const lines = [
    `┌${divider.join('┬')}┐`,
    renderRow(head, widths),
    `├${divider.join('┼')}┤`,
    ...rows.map((row) => renderRow(row, widths)),
    `└${divider.join('┴')}┘`,
  ];
  return lines.join('\n');
}

// Returns the table text, or undefined when the data is not tabular (the
// caller then logs it as is).
function tableText(data, properties, inspectOptions) {
  if (data === null || typeof data !== 'object') return undefined;
  // Objects with many keys shrink to their constructor name inside a cell.
  const cell = (v) => {
    const depth = v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 2 ? -1 : 0;
    return inspect(v, { depth, maxArrayLength: 3, breakLength: Infinity, ...inspectOptions });
  };
  const indices = (length) => Array.from({ length }, (_, i) => cell(i));

  const mapIterator = types.isMapIterator(data);
  let isKeyValue = false;
  if (mapIterator) [data, isKeyValue] = previewEntries(data, true);
  if (isKeyValue || types.isMap(data)) {
    const keys = [];
    const values = [];
    if (mapIterator) {
      for (let i = 0; i < data.length / 2; i++) {
        keys.push(cell(data[i * 2]));
        values.push(cell(data[i * 2 + 1]));
      }
    } else {
      for (const [k, v] of data) {
        keys.push(cell(k));
        values.push(cell(v));
      }
    }
    return drawTable([iterKey, keyKey, valuesKey], [indices(keys.length), keys, values]);
  }
  const setIterator = types.isSetIterator(data);
  if (setIterator) data = previewEntries(data);
  if (setIterator || mapIterator || types.isSet(data)) {
    const values = [];
    for (const v of data) values.push(cell(v));
    return drawTable([iterKey, valuesKey], [indices(values.length), values]);
  }

  const byColumn = { __proto__: null };
  let hasPrimitives = false;
  const primitiveValues = [];
  const rowKeys = Object.keys(data);
  for (let i = 0; i < rowKeys.length; i++) {
    const item = data[rowKeys[i]];
    const primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
    if (properties === undefined && primitive) {
      hasPrimitives = true;
      primitiveValues[i] = cell(item);
    } else {
      for (const key of properties || Object.keys(item)) {
        byColumn[key] ??= [];
        byColumn[key][i] = (primitive && properties) || !Object.prototype.hasOwnProperty.call(item, key) ?
          '' : cell(item[key]);
      }
    }
  }
  const head = Object.keys(byColumn);
  const columns = Object.values(byColumn);
  if (hasPrimitives) {
    head.push(valuesKey);
    columns.push(primitiveValues);
  }
  head.unshift(indexKey);
  columns.unshift(rowKeys);
  return drawTable(head, columns);
}

module.exports = { tableText, drawTable };
