"""StreamField blocks of lesson bodies; the block names are a contract with courses/content."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

RICH_FEATURES = ["bold", "italic", "ol", "ul", "h3", "link", "document-link"]


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("gambar"))
    caption = blocks.CharBlock(label=_("keterangan"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Gambar")
        template = "courses/blocks/image.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("dokumen"))
    title = blocks.CharBlock(label=_("judul tautan"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Dokumen unduhan")
        template = "courses/blocks/document.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("jenis"), choices=[("tip", _("Tips")), ("warning", _("Peringatan"))], default="tip"
    )
    text = blocks.RichTextBlock(label=_("isi"), features=RICH_FEATURES)

    class Meta:
        icon = "help"
        label = _("Kotak tips/peringatan")
        template = "courses/blocks/callout.html"


class JournalLineBlock(blocks.StructBlock):
    account_code = blocks.CharBlock(label=_("kode akun"), max_length=20)
    account_name = blocks.CharBlock(label=_("nama akun"), max_length=120)
    debit = blocks.DecimalBlock(label=_("debit"), required=False, max_digits=18, decimal_places=2, min_value=0)
    credit = blocks.DecimalBlock(label=_("kredit"), required=False, max_digits=18, decimal_places=2, min_value=0)
    memo = blocks.CharBlock(label=_("keterangan"), required=False, max_length=200)


def _amount(value) -> Decimal:
    return Decimal(str(value)) if value not in (None, "") else Decimal("0")


class JournalExampleValue(blocks.StructValue):
    """Adds the column totals so the template shows whether the example balances."""

    def total_debit(self):
        return sum((_amount(line.get("debit")) for line in self.get("lines") or []), Decimal("0"))

    def total_credit(self):
        return sum((_amount(line.get("credit")) for line in self.get("lines") or []), Decimal("0"))


class JournalExampleBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label=_("judul contoh"), max_length=200)
    lines = blocks.ListBlock(JournalLineBlock(), label=_("baris jurnal"), min_num=2)

    class Meta:
        icon = "table"
        label = _("Contoh jurnal")
        template = "courses/blocks/journal_example.html"
        value_class = JournalExampleValue


class GlossaryBlock(blocks.StructBlock):
    term = blocks.CharBlock(label=_("istilah"), max_length=120)
    definition = blocks.RichTextBlock(label=_("arti"), features=RICH_FEATURES)

    class Meta:
        icon = "openquote"
        label = _("Istilah")
        template = "courses/blocks/glossary.html"


class LedgerExerciseBlock(blocks.StructBlock):
    """A link from a lesson to a practice-ledger exercise (graded on the book the trainee keeps)."""

    exercise = SnippetChooserBlock("ledger.LedgerExercise", label=_("latihan buku"))
    intro = blocks.RichTextBlock(label=_("pengantar"), required=False, features=RICH_FEATURES)

    class Meta:
        icon = "table"
        label = _("Latihan buku (sandbox)")
        template = "courses/blocks/ledger_exercise.html"


class LessonBodyBlock(blocks.StreamBlock):
    """Everything a lesson can hold."""

    heading = blocks.CharBlock(label=_("Subjudul"), max_length=200, template="courses/blocks/heading.html")
    paragraph = blocks.RichTextBlock(
        label=_("Paragraf"), features=RICH_FEATURES, template="courses/blocks/paragraph.html"
    )
    image = ImageBlock()
    document = DocumentBlock()
    video = EmbedBlock(label=_("Video"), template="courses/blocks/video.html")
    callout = CalloutBlock()
    journal_example = JournalExampleBlock()
    glossary = GlossaryBlock()
    ledger_exercise = LedgerExerciseBlock()
