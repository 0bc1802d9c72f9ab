"""The outline rows built in Python (courses_tags.outline_items): same marks as the template had,
titles escaped, locked lessons unlinked for trainees and linked for those who teach."""

from courses.selectors import OutlineItem
from courses.structure import ItemRef
from courses.templatetags.courses_tags import outline_items


def item(title, *, done=False, locked=False, kind="lesson", is_new=False, url="/k/hari-1/p/"):
    page = ItemRef(pk=1, kind=kind, title=title, url=url, path="0001", is_required=True, first_published_at=None)
    return OutlineItem(page=page, kind=kind, done=done, locked=locked, is_new=is_new)


def test_rows_mark_done_new_quiz_and_escape_titles():
    html = outline_items(
        [item("<b>Modal</b> & SHU", done=True), item("Kuis harian", kind="quiz", is_new=True)], teaches=False
    )
    assert html.count("<li") == 2
    assert '<li class="done"><span class="tick" aria-label="selesai">✔</span>' in html
    assert "&lt;b&gt;Modal&lt;/b&gt; &amp; SHU" in html and "<b>Modal" not in html
    assert '<a href="/k/hari-1/p/">Kuis harian</a><span class="badge">kuis</span>' in html
    assert '<span class="badge badge-new">baru</span>' in html
    assert '<span class="tick" aria-hidden="true">○</span>' in html


def test_locked_rows_are_unlinked_for_trainees_and_linked_for_teachers():
    locked = [item("Hari dua", locked=True)]
    assert "<a href" not in outline_items(locked, teaches=False)
    assert 'Hari dua <span class="badge">terkunci</span>' in outline_items(locked, teaches=False)
    assert '<a href="/k/hari-1/p/">Hari dua</a>' in outline_items(locked, teaches=True)


def test_no_items_no_rows():
    assert outline_items([]) == ""


def test_link_escapes_quotes_in_the_address_and_title():
    html = outline_items([item('Kas "kecil"', url='/k/"x"/')])
    assert '<a href="/k/&quot;x&quot;/">Kas &quot;kecil&quot;</a>' in html
