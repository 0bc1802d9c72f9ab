"""Settings shared by every environment; values come from the environment (django-environ)."""

from pathlib import Path

import environ
from kombu import Exchange, Queue

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
# A local .env file is optional; real deployments set variables in the process environment.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-change-me")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Our apps first so their templates and translations win over the packages'.
    "lms",
    "courses",
    "quizzes",
    "ledger",
    "incubator",
    "certificates",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_celery_beat",  # beat's schedule in the database (not last: see lms.roles.sync_roles_after_migrate)
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "lms.middleware.IndonesianFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Cache-Control for signed-in pages and downloads, Permissions-Policy, huge ids → 404.
    "lms.security.SecurityHeadersMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lms.context_processors.navigation",
            ],
            "builtins": ["lms.templatetags.sinau"],
        },
    },
]

# --- Database: SQLite by default, anything DATABASE_URL names otherwise -------------------
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default must hold a class of 31 posting at once (issue 9): readers never wait
    # for writers (WAL), a writer waits for the lock instead of failing at once (busy timeout, in
    # seconds, below gunicorn's 30 s), and every transaction takes the write lock when it begins
    # (BEGIN IMMEDIATE), so two transactions never deadlock upgrading a read to a write (SQLite
    # would refuse one of them at once, without waiting). lms.db.retry_on_db_lock retries what
    # still collides. synchronous=NORMAL is durable in WAL mode except on power loss mid-commit.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": env.int("SQLITE_BUSY_TIMEOUT", default=20),
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        }
    )
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache: local memory by default, Redis when REDIS_URL / CACHE_URL says so ------------
REDIS_URL = env("REDIS_URL", default="")
if env("CACHE_URL", default=""):
    CACHES = {"default": env.cache("CACHE_URL")}
elif REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "sinau",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Accounts ------------------------------------------------------------------------------
AUTH_USER_MODEL = "lms.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    # Compared with the full name too: "ujicoba123" is refused for "Uji Coba" (issue 9, item 9).
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("email", "full_name", "phone")},
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "/"

ACCOUNT_ADAPTER = "lms.adapters.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email", "phone"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "phone", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = env("ACCOUNT_EMAIL_VERIFICATION", default="mandatory")
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_PHONE_VERIFICATION_ENABLED = True
ACCOUNT_PHONE_VERIFICATION_SUPPORTS_RESEND = True
# Six digits: typed from an SMS on a phone keypad. allauth allows 3 attempts per code (15 minutes).
ACCOUNT_PHONE_VERIFICATION_CODE_FORMAT = {"numeric": True, "length": 6, "dashed": False}
# Off on purpose: issue 2 wants sign-up with a taken email or phone answered by a message on the
# form (with enumeration prevention allauth would silently send an email instead). The rate limits
# below keep probing for accounts slow.
ACCOUNT_PREVENT_ENUMERATION = False
# A signed-in user sent to the login page (e.g. a trainee opening /admin/) sees the form and the
# reason instead of being bounced back to `next`, which would loop between /admin/ and the login.
ACCOUNT_AUTHENTICATED_LOGIN_REDIRECTS = False
ACCOUNT_FORMS = {
    "login": "lms.forms.LoginForm",
    "signup": "lms.forms.SignupForm",
    "verify_phone": "lms.forms.VerifyPhoneForm",
    "reset_password": "lms.forms.ResetPasswordForm",  # nosec B105  # a form's path, not a password
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Sinau] "
# allauth's rate limits are on by default; these set them for Sinau. Per account ("key") they are
# strict: 5 wrong passwords per 5 minutes lock that account's login. Per IP address they are
# looser than allauth's defaults on purpose: a training room of 31 participants shares one office
# Wi-Fi address, and Indonesian mobile carriers put many phones behind one address (CGNAT), so a
# tight per-IP limit would lock a whole class out at the start of a session.
# The per-account ("key") count is per account AND client address (lms.adapters: issue 9, item 5):
# the owner elsewhere can still sign in, and a successful password reset clears the count. The
# per-address count is for password spraying over many accounts: a room of 31 with a few typos
# each stays far below it.
ACCOUNT_RATE_LIMITS = {
    "login": "120/m/ip",
    "login_failed": "100/5m/ip,5/5m/key",
    "signup": "60/h/ip",
    "reset_password": "20/m/ip,5/m/key",  # nosec B105  # a rate limit, not a password
    "confirm_email": "1/3m/key",
    # Each SMS costs money: one code per number per 30 s, and a ceiling per address.
    "verify_phone": "1/30s/key,20/m/ip",
}
# The client address for the rate limits: behind N reverse proxies (nginx, a load balancer) the
# address is the N-th from the right of X-Forwarded-For; 0 (no proxy) reads REMOTE_ADDR. Set
# TRUSTED_PROXY_COUNT=1 behind one nginx, or every visitor shares the proxy's address (one lockout
# for the whole site).
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
# Where SMS/WhatsApp codes go: "console" logs them (dev), "locmem" keeps them for tests.
SMS_BACKEND = env("SMS_BACKEND", default="console")

# --- Email ---------------------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Sinau <sinau@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Internationalisation: Bahasa Indonesia first, English second --------------------------
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
# locale/: our catalogues (en) and overrides of third-party strings (id). locale_vendor/id: Wagtail's
# Indonesian catalogues, which Wagtail ships as "id_ID" — a name Django never looks up for "id"
# (regenerate with `make vendor-translations` after upgrading Wagtail).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_vendor"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LANGUAGE_COOKIE_NAME = "sinau_language"
LANGUAGE_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=False)
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Static and media ----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Wagtail -------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Sinau"
WAGTAILADMIN_BASE_URL = env("SITE_URL", default="http://127.0.0.1:8000")
# The admin signs in through allauth (rate limits, phone login, verification), and Wagtail's
# logout lands on the same page.
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from Gravatar: the request fails offline and sends a hash of each user's email out.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The time zones an admin user may pick in "Akun": Indonesia's three. Wagtail's default list is the
# system's zoneinfo, which on Debian includes "localtime" and makes the account page throw a
# console error (RangeError) in the browser.
WAGTAIL_USER_TIME_ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "UTC"]
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = True
# Passwords are reset through allauth (/akun/password/reset/: rate limits, one answer for known
# and unknown emails); Wagtail's own reset form under /admin/password_reset/ has neither.
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = True

# --- Celery --------------------------------------------------------------------------------
# Eager by default so a fresh machine needs no broker; CELERY_BROKER_URL switches to workers.
# "memory://localhost/" rather than "memory://": kombu warns "No hostname was supplied" for the latter.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="memory://localhost/")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=REDIS_URL or "cache+memory://")
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=CELERY_BROKER_URL.startswith("memory://"))
CELERY_TASK_EAGER_PROPAGATES = True
# A task is acknowledged only after it finished, so a worker crash re-delivers it; tasks
# must therefore be idempotent (they are: each one checks what is already done).
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Soft limit raises SoftTimeLimitExceeded inside the task (it can clean up); hard limit kills.
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=120)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=180)
CELERY_TASK_DEFAULT_RETRY_DELAY = 10
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Keep web requests fast when the broker is down: fail quickly instead of hanging.
CELERY_BROKER_TRANSPORT_OPTIONS = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2}
CELERY_BROKER_CONNECTION_TIMEOUT = 2
# Queues: PDF work and email each get their own queue, so a bulk issue of 1,000 certificates
# cannot hold up a password-reset email, and each kind can get its own workers (docs/deploy.md):
#   celery -A lms worker -Q pdf ...   celery -A lms worker -Q email ...   celery -A lms worker -Q celery ...
# A worker started without -Q consumes all three (the embedded/CI setup).
CELERY_TASK_DEFAULT_QUEUE = "celery"
# Each queue has its own exchange and routing key: Queue("pdf") alone would be bound with the
# default key "celery", and a direct exchange would then copy every task into all three queues.
CELERY_TASK_QUEUES = [Queue(name, Exchange(name), routing_key=name) for name in ("celery", "pdf", "email")]
CELERY_TASK_ROUTES = {
    "certificates.render": {"queue": "pdf"},
    "lms.run_background_job": {"queue": "pdf"},  # lms.jobs: ledger PDFs, bulk certificate issue
    "certificates.send_email": {"queue": "email"},
    "courses.send_invitation": {"queue": "email"},
}
# Results: only where something reads them. lms.jobs keeps its own progress and outcome on the
# BackgroundJob row the progress page reads; the runner's Celery result (its final state) is kept a
# day for the admin/monitoring, the ping's for the worker check. Every other result is dropped.
CELERY_TASK_IGNORE_RESULT = True
CELERY_RESULT_EXPIRES = 60 * 60 * 24
CELERY_TASK_ANNOTATIONS = {
    "lms.ping": {"ignore_result": False},
    "lms.run_background_job": {"ignore_result": False},  # time limits per job kind (lms.jobs)
    "certificates.render": {"soft_time_limit": 120, "time_limit": 180},
    # An SMTP server that stops answering must not hold an email worker for long.
    "certificates.send_email": {"soft_time_limit": 60, "time_limit": 90},
    "courses.send_invitation": {"soft_time_limit": 60, "time_limit": 90},
}
# Beat (one process: `celery -A lms beat`) reads its schedule from the database
# (django-celery-beat), where officers and the admin see and change it ("Jadwal tugas" in the
# admin). The entries below are what a new site starts with: lms.beat.Scheduler adds those missing
# from the database and never overwrites one that is there. With eager Celery nothing schedules
# them, so `manage.py publish_scheduled` from cron does the publishing in a setup without beat.
CELERY_BEAT_SCHEDULER = "lms.beat:Scheduler"
CELERY_BEAT_SCHEDULE = {
    "publish-scheduled-pages": {"task": "lms.publish_scheduled_pages", "schedule": 300.0},
    # lms.jobs: delete expired results, resend jobs lost on the way to a worker.
    "sweep-background-jobs": {"task": "lms.sweep_background_jobs", "schedule": 600.0},
    # certificates: render PDFs whose task was lost or failed for good.
    "render-pending-certificates": {"task": "certificates.render_pending", "schedule": 600.0},
    # Quizzes: submit attempts past their time limit with what was saved (pages do it too).
    "finish-overdue-quiz-attempts": {"task": "quizzes.finish_overdue_attempts", "schedule": 60.0},
}
# Incubator (docs/incubator.md): all its beat entries in one place. Plain intervals: each task
# works out from the date what is due and records what it sent, so running it often sends nothing
# twice (the weekly digest goes out on its first run of each ISO week).
INCUBATOR_BEAT_SCHEDULE = {
    # Email venture contacts from 3 days before the monthly report is due (the 10th) until it is.
    "incubator-remind-due-reports": {"task": "incubator.remind_due_reports", "schedule": 6 * 3600.0},
    # Tell contacts once when last month's report is late.
    "incubator-flag-late-reports": {"task": "incubator.flag_late_reports", "schedule": 6 * 3600.0},
    # Officers get the ventures at risk once a week.
    "incubator-weekly-risk-digest": {"task": "incubator.weekly_risk_digest", "schedule": 6 * 3600.0},
    # The monthly PDF report for the head of office: the first run on or after the 1st stores the
    # month just ended (once; a missed 1st is caught up by the next run) and emails its link.
    "incubator-monthly-report": {"task": "incubator.monthly_report", "schedule": 6 * 3600.0},
}
CELERY_BEAT_SCHEDULE.update(INCUBATOR_BEAT_SCHEDULE)
# A month's KPI report is due on this day of the following month.
INCUBATOR_KPI_DUE_DAY = 10
# Who gets the link to the monthly report (e.g. the head of office); empty: every officer. The
# link opens the permission-checked download, so the address needs an officer's account.
INCUBATOR_MONTHLY_REPORT_EMAILS = env.list("INCUBATOR_MONTHLY_REPORT_EMAILS", default=[])

# --- Certificates (docs/certificates.md) ------------------------------------------------------
# Serial numbers: a Python format string with {number} (per year, from 1) and {year}.
CERTIFICATES_SERIAL_PATTERN = env("CERTIFICATES_SERIAL_PATTERN", default="518/{number:04d}/SINAU/{year}")
# PAdES signature of the PDFs and JWS of the Open Badges credentials: PEM key and certificate files.
# Empty: certificates are issued unsigned.
CERTIFICATES_SIGNING_KEY = env("CERTIFICATES_SIGNING_KEY", default="")
CERTIFICATES_SIGNING_CERT = env("CERTIFICATES_SIGNING_CERT", default="")
CERTIFICATES_SIGNING_KEY_PASSPHRASE = env("CERTIFICATES_SIGNING_KEY_PASSPHRASE", default="")
CERTIFICATES_SIGNING_CHAIN = env.list("CERTIFICATES_SIGNING_CHAIN", default=[])
# Public verification (page, JSON, PDF check, credential) per address: allauth's rate syntax.
CERTIFICATES_VERIFY_RATE_LIMIT = env("CERTIFICATES_VERIFY_RATE_LIMIT", default="60/m/ip")

# --- Security defaults (production tightens them) ------------------------------------------
# /healthz shows which service failed only to staff or to a monitor sending this token.
HEALTHZ_TOKEN = env("HEALTHZ_TOKEN", default="")
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # Wagtail's background tasks (django-tasks) log every state change at INFO.
        "django_tasks": {"level": "WARNING"},
        # Eager tasks (the embedded default) run in the web process: one INFO line per task there
        # is noise; real workers keep Celery's own logging.
        "celery.app.trace": {"level": "WARNING" if CELERY_TASK_ALWAYS_EAGER else "INFO"},
    },
}
