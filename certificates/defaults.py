"""Starting layouts for the two kinds of certificate (used by the demo; officers copy and adapt them)."""

COMPLETION_HTML = """<table class="kepala"><tr>
  <td class="logo-cell">{{ logo }}</td>
  <td class="instansi">PEMERINTAH KOTA MOJOKERTO<br><strong>{{ penerbit }}</strong></td>
  <td class="qr-cell">{{ qr }}</td>
</tr></table>
<h1>{{ jenis }}</h1>
<p class="nomor">Nomor: {{ nomor }}</p>
<p class="pembuka">diberikan kepada</p>
<p class="nama">{{ nama }}</p>
<p class="koperasi">{{ koperasi }}</p>
<p class="isi">yang telah mengikuti dan dinyatakan <strong>{{ predikat }}</strong> dalam pelatihan<br>
<strong>{{ kursus }}</strong><br>
{{ angkatan }}, {{ tanggal_pelatihan }} di {{ tempat }}, selama {{ jp }} jam pelajaran (JP).</p>
<p class="tempat-tanggal">{{ tempat_terbit }}, {{ tanggal_terbit }}</p>
{{ tanda_tangan }}
<p class="kaki">Keaslian sertifikat dapat diperiksa di {{ url_verifikasi }} (kode {{ kode }}).</p>
"""

ATTENDANCE_HTML = """<table class="kepala"><tr>
  <td class="logo-cell">{{ logo }}</td>
  <td class="instansi">PEMERINTAH KOTA MOJOKERTO<br><strong>{{ penerbit }}</strong></td>
  <td class="qr-cell">{{ qr }}</td>
</tr></table>
<h1>{{ jenis }}</h1>
<p class="nomor">Nomor: {{ nomor }}</p>
<p class="pembuka">Yang bertanda tangan di bawah ini menerangkan bahwa</p>
<p class="nama">{{ nama }}</p>
<p class="koperasi">{{ koperasi }}</p>
<p class="isi">telah hadir sebagai <strong>{{ predikat }}</strong> pelatihan<br>
<strong>{{ kursus }}</strong><br>
{{ angkatan }}, {{ tanggal_pelatihan }} di {{ tempat }}.</p>
<p class="tempat-tanggal">{{ tempat_terbit }}, {{ tanggal_terbit }}</p>
{{ tanda_tangan }}
<p class="kaki">Keaslian surat ini dapat diperiksa di {{ url_verifikasi }} (kode {{ kode }}).</p>
"""

CSS = """
.kepala { width: 100%; }
.logo-cell { width: 18%; }
.qr-cell { width: 18%; text-align: right; }
.instansi { text-align: center; font-size: 13pt; }
h1 { text-align: center; font-size: 26pt; color: #1b4f72; margin: 6pt 0 0 0; letter-spacing: 2pt; }
.nomor { text-align: center; font-size: 11pt; margin: 0 0 8pt 0; }
.pembuka { text-align: center; font-size: 12pt; margin: 0; }
.nama { text-align: center; font-size: 24pt; font-weight: bold; margin: 4pt 0 0 0; }
.koperasi { text-align: center; font-size: 12pt; margin: 0 0 6pt 0; }
.isi { text-align: center; font-size: 12pt; line-height: 1.4; }
.tempat-tanggal { text-align: right; margin: 8pt 0 0 0; }
.tanda-tangan td { font-size: 11pt; }
.kaki { text-align: center; font-size: 8pt; color: #555555; margin-top: 8pt; }
"""
