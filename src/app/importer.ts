/**
 * Everything an import of a JSON export needs, downloaded together on the first import
 * (`importPart`): reading the file, then planning and saving the conversations it holds.
 */
export { parseJsonImport } from '../core/share/export';
export { planImport, saveImport } from './import-conversations';
