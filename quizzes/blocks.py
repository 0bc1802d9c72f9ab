"""StreamField blocks of the quiz engine: a question's answer (one block per question type) and a
quiz's content (fixed questions and random draws from a category).

The block names of `AnswerBlock` are the question kinds (`QuestionKind`); `quizzes.bank` turns a
saved answer into the pinned, gradable spec of a question version.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from lms.formatting import NUMBER_DECIMALS, parse_rupiah, rupiah_format_message


def _amount_or_error(text, *, allow_negative=False, max_decimals=2):
    """(Decimal, None) or (None, message): the one Rupiah/number grammar, `lms.formatting.parse_rupiah`."""
    try:
        value = parse_rupiah(str(text or ""), max_decimals=max_decimals)
    except ValueError:
        return None, rupiah_format_message(max_decimals=max_decimals)
    if value < 0 and not allow_negative:
        return None, _("Angka tidak boleh negatif.")
    return value, None


def _raise(errors: dict):
    if errors:
        raise StructBlockValidationError(block_errors={k: ValidationError(v) for k, v in errors.items()})


class ChoiceItemBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("pilihan"), max_length=500)
    correct = blocks.BooleanBlock(label=_("benar"), required=False)
    feedback = blocks.CharBlock(label=_("umpan balik bila dipilih"), required=False, max_length=500)


class _ChoicesBlock(blocks.StructBlock):
    choices = blocks.ListBlock(ChoiceItemBlock(), label=_("pilihan"), min_num=2)

    def _correct_count(self, value) -> int:
        return sum(1 for item in value["choices"] if item["correct"])


class SingleChoiceBlock(_ChoicesBlock):
    def clean(self, value):
        value = super().clean(value)
        if self._correct_count(value) != 1:
            _raise({"choices": _("Tandai tepat satu pilihan yang benar.")})
        return value

    class Meta:
        icon = "radio-full"
        label = _("Pilihan ganda (satu jawaban)")


class MultipleChoiceBlock(_ChoicesBlock):
    def clean(self, value):
        value = super().clean(value)
        if self._correct_count(value) < 1:
            _raise({"choices": _("Tandai paling sedikit satu pilihan yang benar.")})
        return value

    class Meta:
        icon = "tasks"
        label = _("Pilihan ganda (beberapa jawaban)")
        help_text = _(
            "Nilai sebagian: tiap pilihan benar yang dicentang menambah 1/k, tiap pilihan salah yang "
            "dicentang mengurangi 1/k (k = jumlah pilihan benar); nilai soal tidak kurang dari 0."
        )


class TrueFalseBlock(blocks.StructBlock):
    answer = blocks.ChoiceBlock(
        label=_("jawaban yang benar"), choices=[("true", _("Benar")), ("false", _("Salah"))], default="true"
    )

    class Meta:
        icon = "tick"
        label = _("Benar/salah")


class NumericBlock(blocks.StructBlock):
    answer = blocks.CharBlock(label=_("jawaban"), max_length=40, help_text=_("Mis. 1.250.000 atau 12,5."))
    tolerance = blocks.CharBlock(label=_("toleransi"), max_length=40, default="0")
    tolerance_kind = blocks.ChoiceBlock(
        label=_("jenis toleransi"),
        choices=[("absolute", _("mutlak (selisih angka)")), ("relative", _("relatif (% dari jawaban)"))],
        default="absolute",
    )
    unit = blocks.ChoiceBlock(
        label=_("satuan"), choices=[("none", _("tanpa satuan")), ("rupiah", _("Rupiah"))], default="none"
    )

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        decimals = 2 if value.get("unit") == "rupiah" else NUMBER_DECIMALS
        _answer, error = _amount_or_error(value["answer"], allow_negative=True, max_decimals=decimals)
        if error:
            errors["answer"] = error
        _tolerance, error = _amount_or_error(value["tolerance"], max_decimals=decimals)
        if error:
            errors["tolerance"] = error
        _raise(errors)
        return value

    class Meta:
        icon = "order"
        label = _("Angka")
        help_text = _(
            "Benar bila |jawaban peserta − jawaban| ≤ toleransi (mutlak), atau ≤ toleransi % × |jawaban| (relatif); "
            "batasnya sendiri masih benar."
        )


class ShortTextBlock(blocks.StructBlock):
    answers = blocks.ListBlock(blocks.CharBlock(max_length=200), label=_("jawaban yang diterima"), min_num=1)

    class Meta:
        icon = "edit"
        label = _("Isian singkat")
        help_text = _("Huruf besar/kecil dan spasi diabaikan saat membandingkan.")


class MatchPairBlock(blocks.StructBlock):
    prompt = blocks.CharBlock(label=_("pernyataan"), max_length=300)
    answer = blocks.CharBlock(label=_("pasangannya"), max_length=200)


class MatchingBlock(blocks.StructBlock):
    pairs = blocks.ListBlock(MatchPairBlock(), label=_("pasangan"), min_num=2)
    distractors = blocks.ListBlock(
        blocks.CharBlock(max_length=200), label=_("pasangan pengecoh (tanpa pernyataan)"), default=[]
    )

    class Meta:
        icon = "list-ul"
        label = _("Menjodohkan")
        help_text = _("Nilai = jumlah pasangan yang benar ÷ jumlah pernyataan.")


class JournalLineBlock(blocks.StructBlock):
    account_code = blocks.CharBlock(label=_("kode akun"), max_length=10)
    side = blocks.ChoiceBlock(label=_("sisi"), choices=[("D", _("Debit")), ("C", _("Kredit"))])
    amount = blocks.CharBlock(label=_("jumlah (Rp)"), max_length=40)


GRADING_CHOICES = [
    ("per_line", _("Per baris (nilai sebagian)")),
    ("net", _("Saldo bersih per akun (nilai sebagian)")),
    ("all_or_nothing", _("Semua baris harus benar")),
]


class JournalTaskBlock(blocks.StructBlock):
    exercise = SnippetChooserBlock(
        "ledger.LedgerExercise",
        label=_("latihan pembukuan"),
        required=False,
        help_text=_("Ambil transaksi dan jawabannya dari latihan ini, atau isi bagan akun dan baris jawaban di bawah."),
    )
    transaction_number = blocks.IntegerBlock(label=_("nomor transaksi di latihan"), required=False, min_value=1)
    chart = SnippetChooserBlock("ledger.ChartTemplate", label=_("bagan akun"), required=False)
    lines = blocks.ListBlock(JournalLineBlock(), label=_("baris jurnal yang benar"), default=[])
    grading = blocks.ChoiceBlock(label=_("cara penilaian"), choices=GRADING_CHOICES, default="per_line")
    tolerance = blocks.CharBlock(label=_("toleransi selisih (Rp)"), max_length=40, default="0")
    rows = blocks.IntegerBlock(label=_("jumlah baris isian"), default=4, min_value=2, max_value=10)

    def clean(self, value):
        value = super().clean(value)
        from .bank import journal_problems

        errors = journal_problems(value)
        _raise(errors)
        return value

    class Meta:
        icon = "form"
        label = _("Tugas jurnal")
        help_text = _("Peserta mencatat satu transaksi dengan bagan akun latihan; dinilai oleh penilai buku latihan.")


class ShuComponentBlock(blocks.StructBlock):
    key = blocks.ChoiceBlock(
        label=_("komponen"),
        choices=[
            ("cadangan", _("Cadangan")),
            ("jasa_usaha", _("Jasa usaha anggota (JUA)")),
            ("jasa_modal", _("Jasa modal anggota (JMA)")),
            ("pengurus", _("Dana pengurus")),
            ("karyawan", _("Dana karyawan")),
            ("pendidikan", _("Dana pendidikan")),
            ("sosial", _("Dana sosial")),
            ("pembangunan_daerah", _("Dana pembangunan daerah kerja")),
        ],
    )
    percent = blocks.CharBlock(label=_("persen"), max_length=10)


class ShuMemberBlock(blocks.StructBlock):
    number = blocks.CharBlock(label=_("nomor anggota"), max_length=20)
    name = blocks.CharBlock(label=_("nama"), max_length=150)
    simpanan = blocks.CharBlock(label=_("simpanan pokok + wajib (Rp)"), max_length=40)
    transactions = blocks.CharBlock(label=_("transaksi dengan koperasi (Rp)"), max_length=40)


class ShuTaskBlock(blocks.StructBlock):
    exercise = SnippetChooserBlock(
        "ledger.LedgerExercise",
        label=_("latihan pembukuan"),
        required=False,
        help_text=_("Ambil SHU, komponen dan angka anggota dari latihan ini, atau isi sendiri di bawah."),
    )
    shu_amount = blocks.CharBlock(label=_("SHU yang dibagi (Rp)"), max_length=40, required=False)
    components = blocks.ListBlock(ShuComponentBlock(), label=_("komponen pembagian"), default=[])
    members = blocks.ListBlock(ShuMemberBlock(), label=_("anggota"), default=[])
    ask = blocks.ChoiceBlock(
        label=_("yang ditanyakan"),
        choices=[("total", _("SHU tiap anggota")), ("parts", _("jasa modal dan jasa usaha tiap anggota"))],
        default="total",
    )
    tolerance = blocks.CharBlock(label=_("toleransi (Rp)"), max_length=40, default="0")

    def clean(self, value):
        value = super().clean(value)
        from .bank import shu_problems

        _raise(shu_problems(value))
        return value

    class Meta:
        icon = "table"
        label = _("Tugas SHU")
        help_text = _("Peserta menghitung SHU per anggota; dinilai dengan pemeriksa SHU buku latihan, tepat ke rupiah.")


class AnswerBlock(blocks.StreamBlock):
    single = SingleChoiceBlock()
    multiple = MultipleChoiceBlock()
    truefalse = TrueFalseBlock()
    numeric = NumericBlock()
    shorttext = ShortTextBlock()
    matching = MatchingBlock()
    journal = JournalTaskBlock()
    shu = ShuTaskBlock()


class RandomDrawBlock(blocks.StructBlock):
    category = SnippetChooserBlock("quizzes.QuestionCategory", label=_("kategori"))
    count = blocks.IntegerBlock(label=_("jumlah soal"), min_value=1, max_value=100, default=5)

    class Meta:
        icon = "pick"
        label = _("Soal acak dari kategori")


class QuizContentBlock(blocks.StreamBlock):
    question = SnippetChooserBlock("quizzes.Question", label=_("Soal"), icon="help")
    random = RandomDrawBlock()
