/** One import for the EWS operations; each file holds one operation (plus its argument and result types). */
export type { ItemResult, Operation, ParseContext } from './operation.js';
export type { BaseShape, FolderRef, ItemRef } from './common.js';
export * from './find-item.js';
export * from './get-item.js';
export * from './get-folder.js';
export * from './create-item.js';
export * from './send-item.js';
export * from './update-item.js';
export * from './delete-item.js';
export * from './resolve-names.js';
export * from './get-user-availability.js';
export * from './get-rooms.js';
export * from './respond-to-meeting.js';
