"""Response hardening shared by every page (issue 9, items 14 and 16-17).

- Content-Security-Policy, enforced everywhere: no inline scripts on our pages; in Wagtail's and
  Django's admins only the inline initialisers Wagtail itself writes, each allowed by its hash.

- Pages for a signed-in person and file downloads are never stored by browsers or proxies
  (`Cache-Control: private, no-store`): a shared office computer's back button or a caching proxy
  must not show one trainee's book to the next.
- `Permissions-Policy` switches off browser features Sinau never uses.
- An id too large for the database (`/kursus/pelajaran/99999999999999999999/selesai/`) is a page
  that does not exist (404), not a server error (SQLite raises OverflowError for it).
"""

import base64
import hashlib
import json
import re

from django.conf import settings
from django.http import Http404
from django.utils.cache import patch_cache_control

# Nothing of these is used (the check-in QR is read by the phone's own camera app, which opens a link).
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), usb=(), interest-cohort=()"
)


# Content-Security-Policy (issue 9, item 17): scripts and styles only from our own origin (no
# inline scripts anywhere in our templates: tests/lms/test_security_headers.py checks), inline
# style attributes allowed, images also as data:/blob: (QR codes, previews), frames from our
# origin and https (lesson videos through Wagtail embeds), never framed by another site.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self' https:",
        "media-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
ADMIN_PREFIXES = ("/admin/", "/django-admin/")

# Wagtail 8's admin still writes a few inline scripts (walked under the enforced policy, issue 9):
# the date/time pickers (`initDateChooser("id_x", {...});`), choosers outside StreamField
# (`new PageChooser("id_x", {...});`, `createTaskChooser("id_x");`) and InlinePanel
# (`new InlinePanel(JSON.parse("..."))`). The admin's policy allows exactly these, by the SHA-256
# of each one on the page, and only when the whole script is one such call whose arguments are
# plain JSON data: an injected script (or one with anything more in it) matches no hash and is
# blocked as everywhere else. No 'unsafe-inline' for scripts.
_BARE_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
_INITIALISER_CALL = re.compile(
    r"\s*(?:initDateChooser|initDateTimeChooser|initTimeChooser|createTaskChooser|new [A-Z][A-Za-z]*Chooser)"
    r"\((.*)\);\s*",
    re.S,
)
_PANEL_CALL = re.compile(
    r"\s*\(function\(\) \{\s*var panel = new (?:InlinePanel|MultipleChooserPanel)"
    r"\(JSON\.parse\((\"(?:[^\"\\]|\\.)*\")\)\);\s*\}\)\(\);\s*",
    re.S,
)


# The focal-point cropper (Jcrop, on an image's edit page) tests for touch events with
# `div.setAttribute("ontouchstart", "return;")`: that one do-nothing handler is allowed by its hash
# ('unsafe-hashes' admits no other handler text), so the probe raises no violation.
ADMIN_SCRIPT_ATTRIBUTES = "script-src-attr 'unsafe-hashes' 'sha256-i+qr4lq34KgNHiW62lWi9aInEBwiEOrfCzaNPCvkqD8='"


def _is_wagtail_initialiser(script: str) -> bool:
    """True when `script` is one known initialiser call whose arguments are JSON literals only."""
    try:
        if match := _INITIALISER_CALL.fullmatch(script):
            json.loads(f"[{match.group(1)}]")
            return True
        if match := _PANEL_CALL.fullmatch(script):
            json.loads(json.loads(match.group(1)))  # a JS string literal holding JSON
            return True
    except ValueError:
        return False
    return False


def admin_script_hashes(html: str) -> list[str]:
    """The CSP sources ('sha256-…') of the page's allowed inline initialisers, in page order."""
    sources = []
    for script in _BARE_INLINE_SCRIPT.findall(html):
        if _is_wagtail_initialiser(script):
            digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
            source = f"'sha256-{digest}'"
            if source not in sources:
                sources.append(source)
    return sources


def admin_policy(response) -> str:
    """The admin's policy: ours, plus the hashes of Wagtail's initialisers on this page, and the
    admin may frame its own pages (the live preview panel shows the page in an iframe)."""
    hashes = []
    if not response.streaming and "text/html" in response.get("Content-Type", ""):
        hashes = admin_script_hashes(response.content.decode(response.charset or "utf-8", "replace"))
    policy = CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors 'self'")
    policy += "; " + ADMIN_SCRIPT_ATTRIBUTES
    if hashes:
        policy = policy.replace("script-src 'self'", "script-src 'self' " + " ".join(hashes), 1)
    return policy


def _signed_in(request) -> bool:
    # Only look at the session when there is a session cookie: touching it would add
    # `Vary: Cookie` to anonymous pages that a frontend cache may keep.
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        is_download = "attachment" in response.get("Content-Disposition", "")
        if is_download or _signed_in(request):
            patch_cache_control(response, private=True, no_store=True)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if request.path.startswith(ADMIN_PREFIXES):
            response.setdefault("Content-Security-Policy", admin_policy(response))
        elif getattr(request, "is_preview", False):
            # Wagtail renders a preview by passing a made-up request for the page's own URL through
            # the middleware; the admin's preview panel shows it in an iframe of the admin.
            response.setdefault(
                "Content-Security-Policy",
                CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors 'self'"),
            )
        else:
            response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        # The admin and previews may be framed by the admin itself (the live preview panel),
        # never by another site: X-Frame-Options DENY would blank the panel.
        if response.get("X-Frame-Options") == "DENY" and (
            request.path.startswith(ADMIN_PREFIXES) or getattr(request, "is_preview", False)
        ):
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, OverflowError):
            raise Http404 from exception
        return None


def patch_draftail_input() -> None:
    """Wagtail's rich-text editor posts JSON (Draft.js content state); anything else made
    `json.loads` raise inside the form and the edit view answer 500 (issue 9, item 14). Text that
    is not the editor's JSON now counts as no value: a required field says so, nothing is stored
    unconverted. Called from LmsConfig.ready; idempotent."""
    from wagtail.admin.rich_text.editors.draftail import DraftailRichTextArea

    original = DraftailRichTextArea.value_from_datadict
    if getattr(original, "sinau_checked", False):
        return

    def value_from_datadict(self, data, files, name):
        try:
            return original(self, data, files, name)
        except (ValueError, TypeError, KeyError, AttributeError):
            return None

    value_from_datadict.sinau_checked = True
    DraftailRichTextArea.value_from_datadict = value_from_datadict
