"""Walk the production stack started by .ci/stack-check the way people use it, over HTTP.

    python .ci/stack_check.py walk URL            health, course page, login, quiz, certificate
    python .ci/stack_check.py snapshot URL FILE    the pages a backup must restore, saved to FILE
    python .ci/stack_check.py compare A B          two snapshots are the same (after a restore)

Lookups that need no HTTP (which quiz, which enrolment) read the database through Django with the
same production settings as the stack (the environment .ci/stack-check exports). Everything the
check asserts goes through gunicorn and the Celery workers: a certificate is issued by an officer
on the web page, rendered by the `pdf` worker, downloaded by its holder and emailed through the
`email` worker to the SMTP sink. Exits non-zero with a message at the first thing that fails.
"""

import difflib
import hashlib
import html
import http.cookiejar
import json
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.production")
DEMO_PASSWORD = "sinau-demo-2026"


def fail(message: str):
    print(f"STACK CHECK FAILED: {message}", flush=True)
    sys.exit(1)


def ok(message: str):
    print(f"ok  {message}", flush=True)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A cookie-keeping HTTP client that does not follow redirects (we check where they point)."""

    def __init__(self, base: str):
        self.base = base.rstrip("/")
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def request(self, method: str, path: str, data: dict | None = None, headers: dict | None = None):
        url = path if path.startswith("http") else self.base + path
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, method=method, headers=headers or {})  # noqa: S310
        if method == "POST":
            request.add_header("Referer", url)
            request.add_header("Origin", self.base)
        try:
            response = self.opener.open(request, timeout=30)  # noqa: S310 - http://127.0.0.1 only
        except urllib.error.HTTPError as error:  # 3xx (not followed), 4xx, 5xx
            response = error
        return response.status, dict(response.headers), response.read()

    def get(self, path: str):
        return self.request("GET", path)

    def csrf(self) -> str:
        for cookie in self.jar:
            if cookie.name == "csrftoken":
                return cookie.value
        fail("no csrftoken cookie was set")

    def post(self, path: str, data: dict):
        return self.request("POST", path, {"csrfmiddlewaretoken": self.csrf(), **data})

    def login(self, email: str, password: str = DEMO_PASSWORD) -> None:
        status, _, _ = self.get("/akun/login/")
        if status != 200:
            fail(f"login page answered {status}")
        status, headers, body = self.post("/akun/login/", {"login": email, "password": password})
        if status != 302:
            fail(f"login as {email} answered {status}, not a redirect: {body[:300]!r}")
        status, _, body = self.get(headers["Location"])
        if status != 200:
            fail(f"the page after login answered {status}")


def setup_django():
    import django

    django.setup()


def wait_for(predicate, what: str, seconds: float = 120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(1)
    fail(f"timed out after {seconds:.0f} s waiting for {what}")


# --- walk --------------------------------------------------------------------------------------


def check_health(browser: Browser) -> None:
    # A monitor sends the token to see each service; without it /healthz says only ok or not.
    status, _, body = browser.request("GET", "/healthz", headers={"X-Health-Token": os.environ["HEALTHZ_TOKEN"]})
    report = json.loads(body)
    if status != 200 or report.get("status") != "ok":
        fail(f"/healthz answered {status}: {body[:300]!r}")
    services = ", ".join(f"{name} {check['status']}" for name, check in report["checks"].items())
    ok(f"/healthz: {services}")


def course_page(browser: Browser):
    from courses.models import CoursePage

    course = CoursePage.objects.live().order_by("pk").first() or fail("the demo has no live course")
    status, headers, body = browser.get(course.url)
    if status != 200 or course.title.encode() not in body:
        fail(f"course page {course.url} answered {status} without its title")
    # A static file from the manifest (hashed name), served by WhiteNoise from the same gunicorn.
    stylesheet = re.search(rb'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', body)
    if not stylesheet:
        fail("the course page links no hashed stylesheet (CompressedManifestStaticFilesStorage)")
    status, static_headers, _ = browser.request(
        "GET", stylesheet.group(1).decode(), headers={"Accept-Encoding": "gzip"}
    )
    if status != 200 or "max-age=315360000" not in static_headers.get("Cache-Control", ""):
        fail(f"static file {stylesheet.group(1)!r}: {status} {static_headers.get('Cache-Control')}")
    ok(f"course page {course.url} ({len(body)} bytes), static {stylesheet.group(1).decode()} cached for ever")
    return course


def submit_quiz(browser: Browser, email: str) -> None:
    from django.contrib.auth import get_user_model

    from quizzes.models import QuizAttempt, QuizPage

    user = get_user_model().objects.get(email=email)
    for quiz in QuizPage.objects.live().order_by("pk"):
        before = QuizAttempt.objects.filter(user=user, quiz=quiz).count()
        status, headers, _ = browser.post(f"/kuis/{quiz.pk}/mulai/", {})
        location = headers.get("Location", "")
        if status == 302 and "/kuis/percobaan/" in location:
            break
    else:
        fail(f"no quiz could be started by {email}")
    status, _, body = browser.get(location)
    if status != 200:
        fail(f"attempt page {location} answered {status}")
    answers: dict[str, list[str]] = {}
    page = body.decode()
    for tag in re.findall(r"<(?:input|textarea|select)\b[^>]*>", page):
        name = re.search(r'name="([^"]+)"', tag)
        if not name or name.group(1) in {"csrfmiddlewaretoken", "action"}:
            continue
        kind = (re.search(r'type="([^"]+)"', tag) or re.search("()", "")).group(1)
        value = re.search(r'value="([^"]*)"', tag)
        if kind in {"radio", "checkbox"}:
            answers.setdefault(name.group(1), [html.unescape(value.group(1))] if value else ["1"])
        elif kind not in {"hidden", "submit"}:
            answers.setdefault(name.group(1), ["1"])
    status, headers, body = browser.post(location, {**answers, "action": "submit"})
    if status != 302 or "/hasil/" not in headers.get("Location", ""):
        fail(f"submitting the quiz answered {status} {headers.get('Location')}: {body[:300]!r}")
    status, _, _ = browser.get(headers["Location"])
    attempt = QuizAttempt.objects.filter(user=user, quiz=quiz).order_by("-pk").first()
    if (
        status != 200
        or attempt is None
        or not attempt.is_finished
        or before + 1 != QuizAttempt.objects.filter(user=user, quiz=quiz).count()
    ):
        fail("the submitted attempt is not recorded as finished")
    ok(f"quiz '{quiz.title}' submitted by {email}: attempt {attempt.pk} finished, {len(answers)} answers sent")


def issue_certificate(base: str, officer_email: str):
    """An officer issues one certificate on the cohort page; the pdf worker renders it; the holder
    downloads it; the email worker sends it to the SMTP sink."""
    from certificates.models import Certificate, CourseCertificateSettings
    from courses.models import Enrollment

    with_template = CourseCertificateSettings.objects.exclude(completion_template=None).values_list(
        "course_id", flat=True
    )
    enrollment = (
        Enrollment.objects.filter(cohort__course_id__in=list(with_template), user__email__startswith="peserta")
        .exclude(pk__in=Certificate.objects.values_list("enrollment_id", flat=True))
        .select_related("user", "cohort")
        .order_by("pk")
        .first()
    ) or fail("no enrolment without a certificate in a course with a certificate template")
    officer = Browser(base)
    officer.login(officer_email)
    mail_dir = Path(os.environ["SERVE_MAIL_DIR"])
    mails_before = len(list(mail_dir.glob("*.eml"))) if mail_dir.exists() else 0
    started = time.monotonic()
    status, headers, body = officer.post(
        f"/sertifikat/angkatan/{enrollment.cohort_id}/",
        {"kind": "completion", "enrollment": enrollment.pk, "override_reason": "Uji tumpukan produksi (CI)"},
    )
    if status != 302:
        fail(f"issuing on the cohort page answered {status}: {body[:300]!r}")
    certificate = wait_for(
        lambda: Certificate.objects.filter(enrollment=enrollment).exclude(sha256="").first(),
        "the pdf worker to render the certificate",
    )
    rendered = time.monotonic() - started
    holder = Browser(base)
    holder.login(enrollment.user.email)
    status, headers, pdf = holder.get(f"/sertifikat/{certificate.code}/unduh/")
    if status != 200 or not pdf.startswith(b"%PDF") or hashlib.sha256(pdf).hexdigest() != certificate.sha256:
        fail(f"the holder's download answered {status} ({len(pdf)} bytes) or differs from the stored hash")
    status, _, _ = Browser(base).get(f"/media/{certificate.pdf.name}")
    if status != 404:
        fail(f"the PDF is reachable at /media/{certificate.pdf.name} without signing in ({status})")
    status, _, page = Browser(base).get(f"/certificates/verify/{certificate.code}/")
    if status != 200 or certificate.serial.encode() not in page:
        fail(f"the public verification page answered {status} without the serial")
    wait_for(
        lambda: mail_dir.exists() and len(list(mail_dir.glob("*.eml"))) > mails_before,
        "the email worker to send the certificate by SMTP",
        seconds=90,
    )
    newest = max(mail_dir.glob("*.eml"), key=lambda p: p.stat().st_mtime).read_bytes()
    if enrollment.user.email.encode() not in newest or b"application/pdf" not in newest:
        fail("the certificate email did not reach its holder with the PDF attached")
    ok(
        f"certificate {certificate.serial} issued by {officer_email} on the web, rendered by the pdf queue "
        f"in {rendered:.1f} s, downloaded by {enrollment.user.email} (sha256 matches), emailed through the email queue"
    )
    return certificate


def check_queues() -> None:
    """Each worker consumes only its queue; beat's schedule is in the database."""
    from django_celery_beat.models import PeriodicTask

    from lms.celery import app

    active = app.control.inspect(timeout=5).active_queues() or {}
    seen = {worker.split("@")[0]: sorted(queue["name"] for queue in queues) for worker, queues in active.items()}
    expected = {"default": ["celery"], "pdf": ["pdf"], "email": ["email"]}
    if {name: seen.get(name) for name in expected} != expected:
        fail(f"workers and their queues: {seen}, expected {expected}")
    names = set(PeriodicTask.objects.values_list("name", flat=True))
    if "publish-scheduled-pages" not in names:
        fail(f"beat's schedule is not in the database: {sorted(names)}")
    ok(f"workers per queue {seen}; beat schedule in the database ({len(names)} entries)")


def walk(base: str) -> None:
    setup_django()
    browser = Browser(base)
    check_health(browser)
    check_queues()
    course_page(browser)
    trainee = Browser(base)
    trainee.login("peserta05@sinau.test")
    status, _, body = trainee.get("/beranda/")
    if status != 200:
        fail(f"the trainee's dashboard answered {status}")
    ok("login as peserta05@sinau.test: dashboard 200")
    submit_quiz(trainee, "peserta05@sinau.test")
    certificate = issue_certificate(base, "petugas1@sinau.test")
    Path(os.environ["STACK_STATE"]).write_text(
        json.dumps({"certificate_code": certificate.code, "holder": certificate.holder.email})
    )


# --- backup and restore --------------------------------------------------------------------------

VOLATILE = [
    re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"'),
    re.compile(rb'nonce="[^"]*"'),
    re.compile(rb'"csrfToken": ?"[^"]*"'),
]


def normalise(body: bytes, base: str) -> bytes:
    """Drop per-response tokens; the site's own address (absolute links) becomes SITE."""
    body = body.replace(base.rstrip("/").encode(), b"SITE")
    for pattern in VOLATILE:
        body = pattern.sub(b"", body)
    return body


def snapshot(base: str, target: str) -> None:
    """The pages a restore must bring back: public pages, a verification page, a trainee's own
    pages and their certificate's PDF (from the media storage)."""
    setup_django()
    from courses.models import CoursePage

    state = json.loads(Path(os.environ["STACK_STATE"]).read_text())
    anonymous = Browser(base)
    pages = {}
    bodies = Path(target + ".pages")
    bodies.mkdir(exist_ok=True)
    paths = [
        "/",
        *[course.url for course in CoursePage.objects.live().order_by("pk")[:3]],
        f"/certificates/verify/{state['certificate_code']}/",
    ]
    for path in paths:
        status, _, body = anonymous.get(path)
        pages[path] = [status, hashlib.sha256(normalise(body, base)).hexdigest(), len(body)]
        (bodies / hashlib.md5(path.encode()).hexdigest()).write_bytes(normalise(body, base))  # noqa: S324
    holder = Browser(base)
    holder.login(state["holder"])
    for path in ["/beranda/", "/sertifikat/", f"/sertifikat/{state['certificate_code']}/unduh/"]:
        status, _, body = holder.get(path)
        pages["holder " + path] = [status, hashlib.sha256(normalise(body, base)).hexdigest(), len(body)]
        (bodies / hashlib.md5(("holder " + path).encode()).hexdigest()).write_bytes(normalise(body, base))  # noqa: S324
    if any(status != 200 for status, _, _ in pages.values()):
        fail(f"a snapshot page did not answer 200: {pages}")
    Path(target).write_text(json.dumps(pages, indent=1))
    ok(f"snapshot of {len(pages)} pages from {base} -> {target}")


def compare(first: str, second: str) -> None:
    a, b = json.loads(Path(first).read_text()), json.loads(Path(second).read_text())
    differing = [path for path in a if a[path] != b.get(path)]
    for path in differing[:2]:
        name = hashlib.md5(path.encode()).hexdigest()  # noqa: S324
        before = (Path(first + ".pages") / name).read_text(errors="replace").splitlines()
        after = (Path(second + ".pages") / name).read_text(errors="replace").splitlines()
        print(f"--- {path}: first lines that differ")
        print("\n".join(list(difflib.unified_diff(before, after, lineterm="", n=1))[:30]))
    if differing or set(a) != set(b):
        fail(f"restored pages differ: {differing or sorted(set(a) ^ set(b))}")
    ok(f"all {len(a)} pages are the same after backup and restore")


if __name__ == "__main__":
    command, *arguments = sys.argv[1:]
    {"walk": walk, "snapshot": snapshot, "compare": compare}[command](*arguments)
