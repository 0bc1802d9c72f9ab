"""Text messages (SMS/WhatsApp) for phone verification codes.

The gateway is chosen by settings.SMS_BACKEND: "console" writes the message to the log (dev and
until a gateway contract exists), "locmem" keeps it in `outbox` (tests). A real gateway is a new
function here, selected by the same setting.
"""

import logging

from django.conf import settings

logger = logging.getLogger("sinau.sms")
outbox: list[dict] = []


def send_sms(phone: str, text: str) -> None:
    backend = getattr(settings, "SMS_BACKEND", "console")
    if backend == "locmem":
        outbox.append({"to": phone, "text": text})
    elif backend == "console":
        logger.warning("SMS to %s: %s", phone, text)
    else:
        raise ValueError(f"Unknown SMS_BACKEND {backend!r}")
