"""Response hardening shared by every page (issue 9, items 14 and 16-17).

- Content-Security-Policy on our pages (Report-Only in the admins), no inline scripts.

- Pages for a signed-in person and file downloads are never stored by browsers or proxies
  (`Cache-Control: private, no-store`): a shared office computer's back button or a caching proxy
  must not show one trainee's book to the next.
- `Permissions-Policy` switches off browser features Sinau never uses.
- An id too large for the database (`/kursus/pelajaran/99999999999999999999/selesai/`) is a page
  that does not exist (404), not a server error (SQLite raises OverflowError for it).
"""

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
# Wagtail's and Django's admins are their projects' templates, not ours: the same policy is sent
# there as Report-Only (browsers log what it would block) until they are walked under it.
REPORT_ONLY_PREFIXES = ("/admin/", "/django-admin/")


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
        header = (
            "Content-Security-Policy-Report-Only"
            if request.path.startswith(REPORT_ONLY_PREFIXES)
            else "Content-Security-Policy"
        )
        response.setdefault(header, CONTENT_SECURITY_POLICY)
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
