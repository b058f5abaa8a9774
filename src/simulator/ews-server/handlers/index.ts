import type { Handler } from '../context.js';
import { convertId } from './convert-id.js';
import { findItem } from './find-item.js';
import { getFolder } from './get-folder.js';
import { getItem } from './get-item.js';

/** Every operation the simulator answers, by EWS operation name. */
export const HANDLERS: Readonly<Record<string, Handler>> = {
  ConvertId: convertId,
  FindItem: findItem,
  GetFolder: getFolder,
  GetItem: getItem,
};
