import { child, children, type Raw, type XmlElement } from '../../../ews/xml/index.js';
import type { EwsContext } from '../context.js';
import { responseMessage, responseMessages } from '../soap-response.js';

/**
 * ConvertId. This server's ids have one format, so every request is answered as Exchange answers an id
 * it cannot read: ErrorInvalidIdMalformed per id. exchangelib's version probe (a DUMMY id) only needs
 * the answer's ServerVersionInfo header.
 */
export function convertId(_ctx: EwsContext, body: XmlElement): Raw {
  const ids = children(child(body, 'SourceIds'), 'AlternateId');
  return responseMessages((ids.length > 0 ? ids : [{}]).map(() => responseMessage('ConvertId', 'Error', 'ErrorInvalidIdMalformed', undefined, 'Id is malformed.')));
}

