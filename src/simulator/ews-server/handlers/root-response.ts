import { el, els, Raw, type Attrs } from '../../../ews/xml/index.js';
import type { ResponseClass } from '../soap-response.js';

/**
 * The children of a response element that is itself a ResponseMessage (messages.xsd: GetRoomListsResponse
 * and GetRoomsResponse are of a ResponseMessageType extension, so ResponseClass sits on the root, as in
 * msdocs-getroomlists-ref.response.xml), together with the attributes that root must carry. The
 * dispatcher writes `rootAttributes` on `<m:{Op}Response>`.
 */
export class RootResponse extends Raw {
  constructor(
    xml: string,
    readonly rootAttributes: Attrs,
  ) {
    super(xml);
  }
}

/** MessageText, ResponseCode, DescriptiveLinkKey, then the payload, in ResponseMessageType order. */
export function rootResponse(cls: ResponseClass, code: string, payload?: Raw, messageText?: string): RootResponse {
  const inner = els(
    messageText !== undefined && el('m:MessageText', messageText),
    el('m:ResponseCode', code),
    cls !== 'Success' && el('m:DescriptiveLinkKey', '0'),
    payload,
  );
  return new RootResponse(inner.xml, { ResponseClass: cls });
}
