"""The user account (email login, phone as second method) and the site's home page."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class SinauUserManager(UserManager):
    """Users are identified by email; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("Email is required")
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person using Sinau. `full_name` is printed on certificates exactly as written."""

    username = None
    email = models.EmailField(_("email"), unique=True)
    full_name = models.CharField(
        _("nama lengkap"),
        max_length=150,
        help_text=_("Ditulis persis seperti yang akan dicetak pada sertifikat, dengan gelar bila ada."),
    )
    phone = models.CharField(
        _("nomor HP/WhatsApp"),
        max_length=20,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Format internasional, mis. +6281234567890."),
    )
    phone_verified = models.BooleanField(_("nomor HP terverifikasi"), default=False)
    organisation = models.CharField(
        _("koperasi atau usaha"),
        max_length=200,
        blank=True,
        help_text=_("Nama koperasi atau usaha tempat Anda bekerja atau menjadi anggota."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    objects = SinauUserManager()

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")
        ordering = ["full_name", "email"]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name or self.email

    def get_short_name(self):
        return (self.full_name or self.email).split()[0]

    def save(self, *args, **kwargs):
        if self.email:
            self.email = self.email.strip().lower()
        if not self.phone:
            self.phone = None
        super().save(*args, **kwargs)


class HomePage(Page):
    """The site root: a welcome text; the course catalogue and other pages live below it."""

    intro = RichTextField(_("pengantar"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("beranda")
