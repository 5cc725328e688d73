#!/usr/bin/python3
"""Writes the tabular test fixtures: XLSX workbooks through openpyxl (a real spreadsheet writer,
Debian's python3-openpyxl), CSV in the encodings and dialects exports come in, JSON arrays, and
the hostile files (not a zip, a zip bomb, a DOCTYPE). The files are committed; run this again
only to change them:  /usr/bin/python3 tests/data/tabular/make_fixtures.py
"""
import datetime
import io
import os
import zipfile

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HERE = os.path.dirname(os.path.abspath(__file__))


def path(name):
    return os.path.join(HERE, name)


def save(wb, name):
    wb.save(path(name))
    # openpyxl stamps the current time into docProps/core.xml; rewrite it so the bytes (and the
    # SHA-256 the connectors identify files by) stay the same from run to run.
    fixed = datetime.datetime(2024, 5, 2, 8, 0, 0).timetuple()[:6]
    with zipfile.ZipFile(path(name)) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path(name), "w", zipfile.ZIP_DEFLATED) as z:
        for filename, data in parts:
            if filename == "docProps/core.xml":
                data = b'<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"/>'
            z.writestr(zipfile.ZipInfo(filename, fixed), data, zipfile.ZIP_DEFLATED)


KKPHAM_HEADER = ["No", "Kabupaten/Kota", "Tahun", "Kriteria", "Kode Indikator", "Indikator", "Jenis Indikator",
                 "Nilai", "Data Dukung", "Status", "Tanggal Kirim"]
KKPHAM_ROWS = [
    [1, "Kota Palembang", 2024, "Hak atas Bantuan Hukum", "K1.1", "Perda bantuan hukum", "Struktur", 10,
     "https://kkpham.example.go.id/dd/1671/k11.pdf", "Terverifikasi", datetime.date(2024, 3, 15)],
    [2, "Pagaralam", 2024, "Hak atas Bantuan Hukum", "K1.1", "Perda bantuan hukum", "struktur", 7.5,
     "https://a.example/1.pdf https://a.example/2.pdf", "Terverifikasi", datetime.date(2024, 3, 28)],
    [3, "Kota Pagar Alam", 2024, "Hak atas Bantuan Hukum", "K1.2", "Anggaran bantuan hukum", "Proses", 25,
     None, "Dikirim", datetime.date(2024, 3, 28)],
    [4, "Kota Lubuklinggau", 2024, "Hak atas Informasi", "K2.1", "PPID aktif", "Hasil", 60,
     "SK PPID.pdf", None, None],
]


def kkpham_long():
    wb = openpyxl.Workbook()
    guide = wb.active
    guide.title = "Petunjuk"
    guide["A1"] = "Isi lembar Data; satu baris per indikator."
    data = wb.create_sheet("Data")
    data.append(KKPHAM_HEADER)
    for row in KKPHAM_ROWS:
        data.append(row)
    for cell in data["K"][1:]:
        cell.number_format = "dd/mm/yyyy"
    # A gap: row 7 is empty, row 8 has only some cells (cell refs skip columns).
    data["B8"] = "Kabupaten Lahat"
    data["C8"] = 2024
    data["E8"] = "K1.1"
    data["H8"] = 5
    save(wb, "kkpham-2024.xlsx")


def kkpham_changed():
    # The same export a week later: one value changed, one row added.
    wb = openpyxl.Workbook()
    data = wb.active
    data.title = "Data"
    data.append(KKPHAM_HEADER)
    rows = [list(r) for r in KKPHAM_ROWS]
    rows[0][7] = 12
    rows.append([5, "Kabupaten Lahat", 2024, "Hak atas Bantuan Hukum", "K1.1", "Perda bantuan hukum", "Struktur", 5,
                 None, "Dikirim", datetime.date(2024, 4, 1)])
    for row in rows:
        data.append(row)
    for cell in data["K"][1:]:
        cell.number_format = "dd/mm/yyyy"
    save(wb, "kkpham-2024-v2.xlsx")


def kkpham_bad():
    wb = openpyxl.Workbook()
    data = wb.active
    data.title = "Data"
    data.append(KKPHAM_HEADER)
    data.append(KKPHAM_ROWS[0])
    data.append([2, "Kota Antah Berantah", 2024, "Hak atas Informasi", "K2.1", "PPID aktif", "Hasil", 60, None, None, None])
    data.append([3, "Kabupaten Lahat", 2024, "Hak atas Informasi", "K2.1", "PPID aktif", "Hasil", 60, None, None, 45.2])
    data.append([4, "Palembang", 2024, "Hak atas Bantuan Hukum", "K1.1", "Perda bantuan hukum", "Struktur", 9, None, None, None])
    data.append([5, "Kabupaten Lahat", 2024, "Hak atas Informasi", "K2.2", "Website", "Keluaran", 1, None, None, None])
    data.append([6, "Kabupaten Musi Rawas", 2024, "Hak atas Informasi", "K2.1", "PPID aktif", "Hasil", 40, None, None, None])
    data["K2"].number_format = "dd/mm/yyyy"
    save(wb, "kkpham-bad.xlsx")


def kkpham_wide():
    wb = openpyxl.Workbook()
    data = wb.active
    data.title = "Rekap"
    data.append(["Kode Wilayah", "Kabupaten/Kota", "Tahun", "K1.1", "K1.2", "K2.1", "Keterangan"])
    data.append(["16.71", "Kota Palembang", 2024, 10, 25, 60, "lengkap"])
    data.append(["16.04", "Kabupaten Lahat", 2024, 7, None, 30, None])
    save(wb, "kkpham-wide-2024.xlsx")


def types_1904():
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    s = wb.active
    s.title = "Jenis"
    s.append(["Teks", "Angka", "Benar", "Tanggal", "Waktu", "Kosong", "Rumus"])
    s.append(["satu", 45.2, True, datetime.date(2024, 3, 15), datetime.datetime(2024, 3, 15, 10, 30), None, "=B2*2"])
    s["D2"].number_format = "yyyy-mm-dd"
    s["E2"].number_format = "yyyy-mm-dd hh:mm"
    save(wb, "types-1904.xlsx")


def types_1900():
    wb = openpyxl.Workbook()
    s = wb.active
    s.title = "Jenis"
    s.append(["Teks", "Angka", "Benar", "Tanggal", "Waktu", "Besar"])
    s.append(["dua", -0.125, False, datetime.date(2024, 2, 29), datetime.datetime(1900, 3, 1, 6, 0), 1234567890123])
    s["D2"].number_format = "d mmmm yyyy"
    s["E2"].number_format = "yyyy-mm-dd hh:mm"
    save(wb, "types-1900.xlsx")


RANHAM_HEADER = ["Pemerintah Daerah", "Tahun", "Periode", "Kelompok Sasaran", "No Aksi", "Aksi",
                 "Kriteria Keberhasilan", "Ukuran Keberhasilan", "Capaian", "Data Dukung", "Status", "Tanggal Kirim"]


def ranham_xlsx():
    wb = openpyxl.Workbook()
    s = wb.active
    s.title = "Laporan"
    s.append(RANHAM_HEADER)
    s.append(["Kota Palembang", 2024, "B04", "Penyandang Disabilitas", "1", "Penyediaan juru bahasa isyarat",
              "Tersedia layanan JBI", "Jumlah layanan", "2 layanan", "https://sapa.example/1.pdf\nhttps://sapa.example/2.pdf",
              "Terverifikasi", datetime.date(2024, 5, 6)])
    s.append(["Kota Palembang", 2024, "b08", "Penyandang Disabilitas", "1.", "Penyediaan juru bahasa isyarat",
              "Tersedia layanan JBI", "Jumlah layanan", "4 layanan", "https://sapa.example/3.pdf; lampiran fisik",
              "Dikirim", datetime.date(2024, 9, 2)])
    s.append(["Pagar Alam", 2024, "2024-B12", "Anak", "Aksi 2", "Sosialisasi hak anak", "Sosialisasi terlaksana",
              "Jumlah peserta", 120, None, None, None])
    for cell in s["L"][1:]:
        cell.number_format = "dd/mm/yyyy"
    save(wb, "ranham-2024.xlsx")


def csvs():
    header = ["Kabupaten/Kota", "Tahun", "Kode Indikator", "Indikator", "Nilai", "Status"]
    rows = [["Kota Prabumulih", "2024", "K1.1", "Perda \u2018HAM\u2019 \u2013 bantuan hukum", "10", "Terverifikasi"],
            ["Kabupaten Muara Enim", "2024", "K1.2", "Anggaran; \"khusus\"", "7,5", "Dikirim"]]

    def text(delimiter):
        out = io.StringIO()
        for row in [header] + rows:
            cells = []
            for c in row:
                if delimiter in c or '"' in c or "\n" in c:
                    c = '"' + c.replace('"', '""') + '"'
                cells.append(c)
            out.write(delimiter.join(cells) + "\r\n")
        return out.getvalue()

    with open(path("kkpham-utf8.csv"), "wb") as f:
        f.write(text(",").encode("utf-8"))
    with open(path("kkpham-utf8-bom.csv"), "wb") as f:
        f.write(b"\xef\xbb\xbf" + text(";").encode("utf-8"))
    with open(path("kkpham-cp1252.csv"), "wb") as f:
        f.write(text(";").encode("cp1252"))
    # Tab-delimited RANHAM export with a line break inside a quoted cell and CRLF line ends.
    lines = ["\t".join(RANHAM_HEADER),
             "\t".join(["Kabupaten Banyuasin", "2024", "B-04", "Perempuan", "3", "Rumah aman",
                        "Tersedia rumah aman", "Jumlah rumah aman", "1", '"https://sapa.example/a.pdf\r\nhttps://sapa.example/b.pdf"',
                        "Dikirim", "06/05/2024"]),
             "\t".join(["Kabupaten Banyuasin", "2024", "B06", "Perempuan", "3", "Rumah aman",
                        "", "", "1", "", "", ""]),
             "\t".join(["Kabupaten Banyuasin", "2024", "Triwulan II", "Perempuan", "4", "Pelatihan",
                        "", "", "1", "", "", ""])]
    with open(path("ranham-banyuasin.tsv"), "wb") as f:
        f.write(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    # Wide: one column of achievements per period.
    with open(path("ranham-wide.csv"), "wb") as f:
        f.write("Pemerintah Daerah;Tahun;No Aksi;Aksi;Capaian B04;Capaian B08;Capaian B12\r\n"
                "Kota Lubuk Linggau;2024;1;Layanan JBI;1;2;\r\n"
                "Kabupaten OKU;2024;1;Layanan JBI;0;1;3\r\n".encode("utf-8"))


def jsons():
    with open(path("ranham-2023.json"), "w", encoding="utf-8") as f:
        f.write('[{"Pemerintah Daerah": "Kabupaten Ogan Ilir", "Tahun": 2023, "Periode": "B08", '
                '"Kelompok Sasaran": "Masyarakat Adat", "No Aksi": 1, "Aksi": "Pendataan masyarakat adat", '
                '"Capaian": "100%", "Data Dukung": "https://sapa.example/x.pdf", "Status": null, "Tanggal Kirim": "2023-09-04"},\n'
                ' {"Pemerintah Daerah": "Kabupaten Ogan Ilir", "Tahun": 2023, "Periode": "B12", '
                '"Kelompok Sasaran": "Masyarakat Adat", "No Aksi": 1, "Aksi": "Pendataan masyarakat adat", '
                '"Capaian": 100, "Status": "Terverifikasi", "Tanggal Kirim": "2024-01-05 09:15"}]\n')
    with open(path("nested.json"), "w", encoding="utf-8") as f:
        f.write('[{"Pemerintah Daerah": "Kabupaten Lahat", "Capaian": {"B04": 1}}]')


def hostile():
    with open(path("not-a-zip.xlsx"), "wb") as f:
        f.write(b"Kabupaten/Kota,Nilai\r\nLahat,1\r\n")
    # A zip bomb: 64 MiB of empty elements in the part read first; about 64 KiB on disk.
    with zipfile.ZipFile(path("bomb.xlsx"), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        info = zipfile.ZipInfo("xl/workbook.xml", (2024, 5, 2, 8, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w") as part:
            part.write(b"<workbook>")
            block = b"<x/>" * (256 * 1024)
            for _ in range(64):
                part.write(block)
            part.write(b"</workbook>")
    # A hand-written minimal workbook: inline strings, a formula string and an entity attack.
    def minimal(name, sheet_xml):
        with zipfile.ZipFile(path(name), "w", zipfile.ZIP_DEFLATED) as z:
            def put(part, text):
                z.writestr(zipfile.ZipInfo(part, (2024, 5, 2, 8, 0, 0)), text, zipfile.ZIP_DEFLATED)
            put("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
            put("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
                '<sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>')
            put("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
                'Target="/xl/worksheets/sheet1.xml"/></Relationships>')
            put("xl/worksheets/sheet1.xml", sheet_xml)
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    minimal("inline-strings.xlsx", '<?xml version="1.0"?><worksheet ' + ns + '><sheetData>'
            '<row r="1"><c r="A1" t="inlineStr"><is><t>Nama</t></is></c><c r="C1" t="inlineStr"><is><r><t>Ni</t></r><r><t>lai</t></r></is></c></row>'
            '<row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve"> Kota  Palembang </t></is></c>'
            '<c r="B3" t="str"><f>A3</f><v>rumus</v></c><c r="C3"><v>45.200000000000003</v></c><c r="D3" t="e"><v>#N/A</v></c></row>'
            '</sheetData></worksheet>')
    minimal("doctype.xlsx", '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">'
            '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY ext SYSTEM "file:///etc/passwd">]>'
            '<worksheet ' + ns + '><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;&ext;</t></is></c></row>'
            '</sheetData></worksheet>')


if __name__ == "__main__":
    kkpham_long()
    kkpham_changed()
    kkpham_bad()
    kkpham_wide()
    types_1904()
    types_1900()
    ranham_xlsx()
    csvs()
    jsons()
    hostile()
