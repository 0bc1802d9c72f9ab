"""Turning a template and a snapshot of printed data into a PDF: placeholders, checks, QR, xhtml2pdf.

Templates are written by officers and instructors in the admin, so they are not Django templates
(which could reach objects and tags): a template is HTML/CSS with `{{ placeholder }}` markers from
the documented set `PLACEHOLDERS`, substituted with escaped text. The renderer may read no file and
no network address (xhtml2pdf's resource policy); images come in as `data:` URIs.
"""

import base64
import functools
import io
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from django.http import HttpResponse
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from xhtml2pdf import pisa
from xhtml2pdf.config.resources import ResourceAccessPolicy

from .qr import qr_png

# The placeholders a template may use, with what each prints (shown in the admin and the docs).
PLACEHOLDERS: dict[str, str] = {
    "nama": gettext_lazy("nama pemegang persis seperti dicetak, dengan gelar"),
    "koperasi": gettext_lazy("koperasi atau usaha pemegang"),
    "kursus": gettext_lazy("judul kursus"),
    "angkatan": gettext_lazy("nama angkatan"),
    "tanggal_mulai": gettext_lazy("tanggal mulai angkatan"),
    "tanggal_selesai": gettext_lazy("tanggal selesai angkatan"),
    "tanggal_pelatihan": gettext_lazy("rentang tanggal pelatihan, mis. 10–13 Maret 2026"),
    "tempat": gettext_lazy("tempat pelatihan"),
    "jp": gettext_lazy("lama pelatihan dalam jam pelajaran (JP)"),
    "predikat": gettext_lazy("LULUS untuk kelulusan, PESERTA untuk keikutsertaan"),
    "nilai": gettext_lazy("nilai rata-rata kuis (kosong bila tidak ada)"),
    "jenis": gettext_lazy("jenis dokumen: Sertifikat Kelulusan / Surat Keterangan Keikutsertaan"),
    "nomor": gettext_lazy("nomor sertifikat, mis. 518/0001/SINAU/2026"),
    "kode": gettext_lazy("kode verifikasi, mis. ABCD-EFGH-JKMN-PQRS"),
    "url_verifikasi": gettext_lazy("alamat halaman verifikasi"),
    "qr": gettext_lazy("gambar kode QR menuju halaman verifikasi"),
    "logo": gettext_lazy("gambar logo instansi"),
    "tanda_tangan": gettext_lazy("blok penanda tangan: jabatan, tanda tangan, nama, NIP"),
    "tanggal_terbit": gettext_lazy("tanggal terbit"),
    "tempat_terbit": gettext_lazy("tempat terbit (kota)"),
    "penerbit": gettext_lazy("nama instansi penerbit"),
    "berlaku_sampai": gettext_lazy("tanggal akhir masa berlaku (kosong bila selamanya)"),
}
# Placeholders that insert markup we build ourselves; the others are escaped text.
MARKUP_PLACEHOLDERS = {"qr", "logo", "tanda_tangan"}

PLACEHOLDER_RE = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements whose end tag HTML lets an author leave out; everything else must be closed.
OPTIONAL_END = {"p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option"}
FORBIDDEN_TAGS = {"script", "iframe", "object", "embed", "link", "meta", "base", "form", "input"}
EXTERNAL_REF_RE = re.compile(r"(url\s*\(|src\s*=|href\s*=|@import)", re.IGNORECASE)

# Nothing local, nothing remote: the only resources are the data: URIs we insert.
RESOURCE_POLICY = ResourceAccessPolicy.server(base_dir=None, allow_remote=False)


class TemplateProblem(Exception):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


class _StructureChecker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, int]] = []
        self.problem: str | None = None

    def handle_starttag(self, tag, attrs):
        if self.problem:
            return
        if tag in FORBIDDEN_TAGS:
            self.problem = _("Tag <%(tag)s> tidak diizinkan dalam templat (baris %(line)s).") % {
                "tag": tag,
                "line": self.getpos()[0],
            }
            return
        if tag not in VOID_TAGS:
            self.stack.append((tag, self.getpos()[0]))

    def handle_startendtag(self, tag, attrs):
        if tag in FORBIDDEN_TAGS and not self.problem:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if self.problem or tag in VOID_TAGS:
            return
        line = self.getpos()[0]
        while self.stack and self.stack[-1][0] != tag and self.stack[-1][0] in OPTIONAL_END:
            self.stack.pop()
        if not self.stack or self.stack[-1][0] != tag:
            expected = self.stack[-1][0] if self.stack else None
            if expected:
                self.problem = _(
                    "HTML rusak: </%(tag)s> di baris %(line)s, padahal <%(open)s> (baris %(open_line)s) belum ditutup."
                ) % {"tag": tag, "line": line, "open": expected, "open_line": self.stack[-1][1]}
            else:
                self.problem = _("HTML rusak: </%(tag)s> di baris %(line)s tidak punya tag pembuka.") % {
                    "tag": tag,
                    "line": line,
                }
            return
        self.stack.pop()

    def finish(self) -> str | None:
        self.close()
        if self.problem:
            return self.problem
        unclosed = [(tag, line) for tag, line in self.stack if tag not in OPTIONAL_END]
        if unclosed:
            tag, line = unclosed[-1]
            return _("HTML rusak: <%(tag)s> di baris %(line)s tidak ditutup.") % {"tag": tag, "line": line}
        return None


def used_placeholders(text: str) -> list[str]:
    return [match.group(1) for match in PLACEHOLDER_RE.finditer(text)]


def check_template(body_html: str, css: str = "") -> None:
    """Refuse what cannot print right, with the reason: unknown placeholders, template tags,
    external resources, forbidden or unbalanced HTML, or markup xhtml2pdf cannot lay out."""
    body_html = body_html or ""
    if not body_html.strip():
        raise TemplateProblem("body_html", _("Isi templat tidak boleh kosong."))
    for field, text in (("body_html", body_html), ("css", css or "")):
        unknown = sorted({name for name in used_placeholders(text) if name not in PLACEHOLDERS})
        if unknown:
            raise TemplateProblem(
                field,
                _("Penanda tidak dikenal: %(names)s. Penanda yang tersedia: %(known)s.")
                % {"names": ", ".join("{{ " + n + " }}" for n in unknown), "known": ", ".join(PLACEHOLDERS)},
            )
        if "{%" in text or "%}" in text:
            raise TemplateProblem(field, _("Tag templat Django tidak didukung; pakai penanda {{ … }} saja."))
        if EXTERNAL_REF_RE.search(PLACEHOLDER_RE.sub("", text)):
            raise TemplateProblem(
                field,
                _(
                    "Templat tidak boleh memuat gambar atau berkas dari luar (src, href, url(), @import); "
                    "pakai {{ logo }}, {{ qr }}, {{ tanda_tangan }} dan gambar latar templat."
                ),
            )
    if "<style" in body_html.lower():
        raise TemplateProblem("body_html", _("Tulis CSS di kolom gaya (CSS), bukan dengan <style> di isi."))
    checker = _StructureChecker()
    checker.feed(body_html)
    problem = checker.finish()
    if problem:
        raise TemplateProblem("body_html", problem)
    # Finally lay it out once with sample data: what xhtml2pdf cannot render is refused now,
    # not when a certificate is due.
    try:
        pdf = html_to_pdf(build_html(sample_layout(body_html, css), sample_fields()))
    except Exception as exc:  # noqa: BLE001 - any layout failure is the template's problem
        raise TemplateProblem("body_html", _("Templat tidak bisa dicetak: %(error)s") % {"error": exc}) from None
    if not pdf:
        raise TemplateProblem("body_html", _("Templat tidak bisa dicetak (PDF kosong)."))


# --- Building the HTML ------------------------------------------------------------------------


def data_uri(content: bytes, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(content).decode('ascii')}"


@functools.lru_cache(maxsize=64)
def _image_data_uri(image_id: int, file_name: str) -> str:
    """An image of Wagtail's library as a data: URI (cached per process: a bulk run prints the
    same logo and signatures a thousand times)."""
    from wagtail.images import get_image_model

    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return ""
    with image.open_file() as handle:
        content = handle.read()
    mime = {"png": "image/png", "gif": "image/gif", "webp": "image/webp"}.get(
        file_name.rsplit(".", 1)[-1].lower(), "image/jpeg"
    )
    return data_uri(content, mime)


def image_uri(ref: dict | None) -> str:
    if not ref:
        return ""
    return _image_data_uri(ref["id"], ref["file"])


def image_ref(image) -> dict | None:
    return {"id": image.pk, "file": image.file.name} if image is not None else None


@dataclass
class Layout:
    """The part of a template a certificate keeps: enough to print it again exactly."""

    body_html: str
    css: str
    orientation: str
    background: dict | None
    logo: dict | None
    signatories: list[dict]

    def as_dict(self) -> dict:
        return {
            "body_html": self.body_html,
            "css": self.css,
            "orientation": self.orientation,
            "background": self.background,
            "logo": self.logo,
            "signatories": self.signatories,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Layout":
        return cls(**{key: data.get(key) for key in cls.__dataclass_fields__})

    @classmethod
    def from_template(cls, template, signatories=None) -> "Layout":
        people = signatories if signatories is not None else list(template.signatories.all())
        return cls(
            body_html=template.body_html,
            css=template.css,
            orientation=template.orientation,
            background=image_ref(template.background) if template.background_id else None,
            logo=image_ref(template.logo) if template.logo_id else None,
            signatories=[
                {
                    "name": person.name,
                    "title": person.title,
                    "nip": person.nip,
                    "signature": image_ref(person.signature) if person.signature_id else None,
                }
                for person in people
            ],
        )


# The layout of a template per process, keyed by the template's id and last change: a bulk run
# prints the same layout a thousand times. Saving a template (Wagtail saves its signatories with
# it) changes `updated_at`; a signatory saved on its own clears this process's entry by signal.
_LAYOUTS: dict[int, tuple[object, Layout]] = {}


def layout_for_template(template) -> Layout:
    cached = _LAYOUTS.get(template.pk)
    if cached is not None and cached[0] == template.updated_at:
        return cached[1]
    layout = Layout.from_template(template)
    _LAYOUTS[template.pk] = (template.updated_at, layout)
    return layout


def forget_layout(template_id: int | None = None) -> None:
    if template_id is None:
        _LAYOUTS.clear()
    else:
        _LAYOUTS.pop(template_id, None)


def _signatories_html(signatories: list[dict]) -> str:
    if not signatories:
        return ""
    width = 100 // len(signatories)
    cells = []
    for person in signatories:
        signature = image_uri(person.get("signature"))
        picture = (
            f'<img src="{signature}" height="55" alt="">' if signature else '<div style="height:55px">&nbsp;</div>'
        )
        nip = f"<br>NIP. {escape(person['nip'])}" if person.get("nip") else ""
        cells.append(
            f'<td style="width:{width}%; text-align:center; vertical-align:top">'
            f"{escape(person['title'])}<br>{picture}<br>"
            f'<span style="font-weight:bold; text-decoration:underline">{escape(person["name"])}</span>{nip}</td>'
        )
    return f'<table class="tanda-tangan" style="width:100%"><tr>{"".join(cells)}</tr></table>'


def build_html(layout: Layout, fields: dict[str, str], *, qr: bytes | None = None) -> str:
    """The complete HTML document of one certificate (placeholders filled, images inlined)."""
    logo = image_uri(layout.logo)
    markup = {
        "qr": f'<img class="qr" src="{data_uri(qr or qr_png(fields.get("url_verifikasi", "")), "image/png")}" '
        'width="90" height="90" alt="QR">',
        "logo": f'<img class="logo" src="{logo}" height="70" alt="">' if logo else "",
        "tanda_tangan": _signatories_html(layout.signatories or []),
    }

    def fill(match, *, in_css=False):
        name = match.group(1)
        if name in MARKUP_PLACEHOLDERS:
            return "" if in_css else markup[name]
        return escape(fields.get(name, ""))

    body = PLACEHOLDER_RE.sub(fill, layout.body_html)
    css = PLACEHOLDER_RE.sub(functools.partial(fill, in_css=True), layout.css or "")
    background = image_uri(layout.background)
    page_background = f"background-image: url({background});" if background else ""
    orientation = "landscape" if layout.orientation != "portrait" else "portrait"
    return (
        '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><style>'
        f"@page {{ size: a4 {orientation}; margin: 1.2cm; {page_background} }}"
        "body { font-family: Helvetica; font-size: 12pt; }"
        f"{css}</style></head><body>{body}</body></html>"
    )


def html_to_pdf(html: str) -> bytes:
    """Render with xhtml2pdf under the closed resource policy; raise on any error it reports."""
    output = io.BytesIO()
    result = pisa.CreatePDF(html, dest=output, encoding="utf-8", resource_policy=RESOURCE_POLICY)
    if result.err:
        raise ValueError(_("xhtml2pdf melaporkan %(count)s kesalahan") % {"count": result.err})
    return output.getvalue()


# --- Sample data for the admin preview and the save-time check -----------------------------


def sample_fields() -> dict[str, str]:
    return {
        "nama": "Dra. Siti Aminah, S.E., M.M.",
        "koperasi": "Koperasi Produsen Tempe Maju Bersama",
        "kursus": "Manajemen Koperasi: Pelatihan Empat Hari",
        "angkatan": "Angkatan I 2026",
        "tanggal_mulai": "10 Maret 2026",
        "tanggal_selesai": "13 Maret 2026",
        "tanggal_pelatihan": "10–13 Maret 2026",
        "tempat": "Aula Dinas Koperasi",
        "jp": "32",
        "predikat": "LULUS",
        "nilai": "87,5",
        "jenis": "SERTIFIKAT KELULUSAN",
        "nomor": "518/0001/SINAU/2026",
        "kode": "7K3M-9QXR-2WDF-HT8B",
        "url_verifikasi": "https://sinau.example.go.id/certificates/verify/7K3M9QXR2WDFHT8B/",
        "tanggal_terbit": "13 Maret 2026",
        "tempat_terbit": "Mojokerto",
        "penerbit": "Dinas Koperasi, UKM, Perindustrian dan Perdagangan",
        "berlaku_sampai": "",
    }


def sample_layout(body_html: str, css: str, orientation: str = "landscape") -> Layout:
    return Layout(
        body_html=body_html,
        css=css,
        orientation=orientation,
        background=None,
        logo=None,
        signatories=[{"name": "Retno Palupi, S.Sos.", "title": "Kepala Dinas", "nip": "197001012000031001"}],
    )


def preview_response(template, mode_name: str) -> HttpResponse:
    """The admin's live preview: the template as it would print for a sample trainee. Wagtail
    hands in the unsaved form state, so a problem shows in the preview instead of a 500."""
    try:
        check_template(template.body_html, template.css)
        signatories = (
            list(template.signatories.all()) if template.pk or hasattr(template, "_prefetched_objects_cache") else []
        )
        layout = Layout.from_template(template, signatories=signatories)
        if not layout.signatories:
            layout.signatories = sample_layout("", "").signatories
        fields = sample_fields()
        fields["tempat_terbit"] = template.issue_place or fields["tempat_terbit"]
        fields["penerbit"] = template.issuer_name or fields["penerbit"]
        if template.kind == "attendance":
            fields["predikat"], fields["jenis"] = "PESERTA", "SURAT KETERANGAN KEIKUTSERTAAN"
        html = build_html(layout, fields)
        if mode_name == "html":
            return HttpResponse(html, content_type="text/html; charset=utf-8")
        return HttpResponse(html_to_pdf(html), content_type="application/pdf")
    except TemplateProblem as problem:
        return HttpResponse(
            f"<!DOCTYPE html><html><body><p>{escape(problem.message)}</p></body></html>",
            content_type="text/html; charset=utf-8",
        )
