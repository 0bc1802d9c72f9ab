"""Response hardening shared by every page (issue 9, items 14 and 16-17).

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
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, OverflowError):
            raise Http404 from exception
        return None
