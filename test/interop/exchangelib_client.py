"""Drives exchangelib (Debian's python3-exchangelib 4.9, run by /usr/bin/python3) against an EWS endpoint.

Usage: /usr/bin/python3 exchangelib_client.py '<json>'

The JSON argument:
  {"url": "http://127.0.0.1:PORT/EWS/Exchange.asmx", "user": "svc@contoso.com", "password": "...",
   "mailbox": "alice@contoso.com", "access": "impersonation" | "delegate",
   "auth": "basic" (default) | "auto",      # "auto" leaves the auth type to exchangelib's detection
   "timezone": "America/Los_Angeles",        # IANA zone for EWSDateTime values (default UTC)
   "steps": [{"op": "version"}, {"op": "view", "start": ISO, "end": ISO}, ...]}

Every step is run in order; each one catches its own exception. Prints ONE JSON object:
  {"exchangelib": "4.9.0", "steps": [{"op": ..., "ok": true, ...} | {"op": ..., "ok": false,
   "error": "<exception class name>", "message": "..."}]}

Steps (all times are ISO 8601 with an offset):
  version      builds the Account (exchangelib guesses the server version with ConvertId) and reports
               account.version.build and api_version
  auth_probe   asks exchangelib which auth type the server offers (transport.get_service_authtype)
  view         account.calendar.view(start, end): FindItem with CalendarView, then GetItem
  create       CalendarItem(subject, start, end, required_attendees, resources, location).save(
               send_meeting_invitations=SEND_TO_ALL_AND_SAVE_COPY); remembers the item's id
  get          account.calendar.get(id=<the created item's id>)
  update       item.subject = subject; item.save(update_fields=['subject'], send_meeting_invitations=...)
  delete       item.delete(send_meeting_cancellations=SEND_TO_ALL_AND_SAVE_COPY)
  resolve      account.protocol.resolve_names(names, return_full_contact_data=True)
  freebusy     account.protocol.get_free_busy_info(accounts=[(account, 'Organizer', False)], start, end,
               merged_free_busy_interval=30, requested_view='DetailedMerged')

Standard library and exchangelib only.
"""

import datetime
import json
import sys
import traceback

try:
    import exchangelib
    from exchangelib import (
        BASIC,
        DELEGATE,
        IMPERSONATION,
        Account,
        Attendee,
        CalendarItem,
        Configuration,
        Credentials,
        EWSDateTime,
        EWSTimeZone,
        Mailbox,
    )
    from exchangelib.items import SEND_TO_ALL_AND_SAVE_COPY
    from exchangelib.transport import get_service_authtype
except ImportError as e:  # reported as JSON so the caller can fail with a clear message
    print(json.dumps({"importError": f"{type(e).__name__}: {e}", "python": sys.executable}))
    sys.exit(3)


def iso(value):
    if value is None:
        return None
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    return str(value)


def attendees(values):
    return [
        {
            "email": a.mailbox.email_address if a.mailbox else None,
            "name": a.mailbox.name if a.mailbox else None,
            "response_type": a.response_type,
        }
        for a in (values or [])
    ]


def describe(item):
    return {
        "id": item.id,
        "changekey": item.changekey,
        "subject": item.subject,
        "start": iso(item.start),
        "end": iso(item.end),
        "is_recurring": item.is_recurring,
        "type": item.type,
        "uid": item.uid,
        "location": item.location,
        "is_meeting": item.is_meeting,
        "is_cancelled": item.is_cancelled,
        "organizer": item.organizer.email_address if item.organizer else None,
        "required_attendees": attendees(item.required_attendees),
        "optional_attendees": attendees(item.optional_attendees),
        "resources": attendees(item.resources),
        "legacy_free_busy_status": item.legacy_free_busy_status,
    }


class Session:
    def __init__(self, args):
        self.args = args
        self.tz = EWSTimeZone(args.get("timezone") or "UTC")
        self._account = None
        self.item = None

    def when(self, text):
        """An ISO 8601 string with offset as an EWSDateTime in the session's zone."""
        d = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
        return EWSDateTime.from_datetime(d.astimezone(datetime.timezone.utc)).astimezone(self.tz)

    def config(self):
        a = self.args
        return Configuration(
            service_endpoint=a["url"],
            credentials=Credentials(a["user"], a["password"]),
            auth_type=None if a.get("auth") == "auto" else BASIC,
            version=None,
        )

    @property
    def account(self):
        if self._account is None:
            a = self.args
            self._account = Account(
                primary_smtp_address=a["mailbox"],
                config=self.config(),
                autodiscover=False,
                access_type=IMPERSONATION if a["access"] == "impersonation" else DELEGATE,
                default_timezone=self.tz,
            )
        return self._account

    # --- steps ---------------------------------------------------------------------------------

    def step_version(self, step):
        account = self.account
        build = account.version.build
        return {
            "build": str(build),
            "major": build.major_version,
            "minor": build.minor_version,
            "api_version": account.version.api_version,
            "protocol_api_version": account.protocol.version.api_version,
        }

    def step_auth_probe(self, step):
        from exchangelib.protocol import Protocol

        return {"auth_type": get_service_authtype(Protocol(config=self.config()))}

    def step_view(self, step):
        items = list(self.account.calendar.view(start=self.when(step["start"]), end=self.when(step["end"])))
        return {"items": [describe(i) if not isinstance(i, Exception) else {"error": type(i).__name__, "message": str(i)} for i in items]}

    def step_create(self, step):
        def people(emails):
            # Attendee objects with the library's default response type, so that what the server reports
            # afterwards (e.g. a room's Accept) is the server's answer, not an echo of the request.
            return [Attendee(mailbox=Mailbox(email_address=e)) for e in emails]

        item = CalendarItem(
            folder=self.account.calendar,
            subject=step["subject"],
            start=self.when(step["start"]),
            end=self.when(step["end"]),
            required_attendees=people(step.get("attendees", [])),
            resources=people(step.get("resources", [])),
            **({"location": step["location"]} if step.get("location") else {}),
        )
        item.save(send_meeting_invitations=SEND_TO_ALL_AND_SAVE_COPY)
        self.item = item
        return {"id": item.id, "changekey": item.changekey}

    def step_get(self, step):
        if self.item is None:
            raise RuntimeError("no item was created")
        got = self.account.calendar.get(id=self.item.id)
        if isinstance(got, Exception):
            raise got
        self.item = got
        return describe(got)

    def step_update(self, step):
        if self.item is None:
            raise RuntimeError("no item was created")
        self.item.subject = step["subject"]
        self.item.save(update_fields=["subject"], send_meeting_invitations=SEND_TO_ALL_AND_SAVE_COPY)
        return {"id": self.item.id, "changekey": self.item.changekey}

    def step_delete(self, step):
        if self.item is None:
            raise RuntimeError("no item was created")
        item_id = self.item.id
        self.item.delete(send_meeting_cancellations=SEND_TO_ALL_AND_SAVE_COPY)
        self.deleted_id = item_id
        return {"id": item_id}

    def step_get_deleted(self, step):
        got = self.account.calendar.get(id=self.deleted_id)
        if isinstance(got, Exception):
            raise got
        return describe(got)

    def step_resolve(self, step):
        results = self.account.protocol.resolve_names(step["names"], return_full_contact_data=True)
        out = []
        for r in results:
            if isinstance(r, Exception):
                out.append({"error": type(r).__name__, "message": str(r)})
                continue
            mailbox, contact = r if isinstance(r, tuple) else (r, None)
            out.append(
                {
                    "name": mailbox.name,
                    "email": mailbox.email_address,
                    "routing_type": mailbox.routing_type,
                    "mailbox_type": mailbox.mailbox_type,
                    "display_name": getattr(contact, "display_name", None),
                    "given_name": getattr(contact, "given_name", None),
                    "surname": getattr(contact, "surname", None),
                }
            )
        return {"results": out}

    def step_freebusy(self, step):
        views = self.account.protocol.get_free_busy_info(
            accounts=[(self.account, "Organizer", False)],
            start=self.when(step["start"]),
            end=self.when(step["end"]),
            merged_free_busy_interval=30,
            requested_view="DetailedMerged",
        )
        out = []
        for v in views:
            if isinstance(v, Exception):
                out.append({"error": type(v).__name__, "message": str(v)})
                continue
            out.append(
                {
                    "view_type": v.view_type,
                    "merged": v.merged,
                    "calendar_events": [
                        {
                            "start": iso(e.start),
                            "end": iso(e.end),
                            "busy_type": e.busy_type,
                            "subject": e.details.subject if e.details else None,
                        }
                        for e in (v.calendar_events or [])
                    ],
                }
            )
        return {"views": out}


def main():
    args = json.loads(sys.argv[1])
    session = Session(args)
    results = []
    for step in args.get("steps", []):
        op = step["op"]
        try:
            result = getattr(session, f"step_{op}")(step)
            results.append({"op": op, "ok": True, **result})
        except Exception as e:  # every step reports its own failure
            results.append(
                {
                    "op": op,
                    "ok": False,
                    "error": type(e).__name__,
                    "message": str(e)[:2000],
                    "trace": traceback.format_exc(limit=6)[-3000:],
                }
            )
    print(json.dumps({"exchangelib": exchangelib.__version__, "steps": results}, default=str))


if __name__ == "__main__":
    main()
