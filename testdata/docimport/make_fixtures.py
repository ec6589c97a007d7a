#!/usr/bin/env python3
"""Regenerates the binary fixtures in this folder.

Needs python3 and LibreOffice Writer (for policy.docx -> policy.pdf). Run from this folder:
python3 make_fixtures.py, then go test ./internal/docimport -update to refresh the golden files.
The texts are written for these tests in the style of a 规范性文件; nothing is copied.
"""
import subprocess
import zipfile

TITLE = "某市规划和自然资源局政策解读工作办法（征求意见稿）"
PARAS = [
    "第一章 总则",
    "第一条 为规范本局政策解读工作，落实“谁起草、谁解读”原则，根据《中华人民共和国政府信息公开条例》等规定，结合工作实际，制定本办法。",
    "第二条 本办法适用于本局起草的规范性文件及其他政策文件的解读工作。",
    "第二章 解读要求",
    "第三条 政策解读应当做到同步起草、同步审签、同步发布，解读材料最迟在政策文件发布后3个工作日内公开。",
    "第四条 解读材料主要包括以下内容：",
    "（一）决策背景和依据；",
    "（二）制定意义和总体考虑；",
    "（三）主要任务和保障措施。",
    "第三章 附则",
    "第五条 本办法自2026年1月1日起施行。",
]
TABLE = [["科室", "职责"], ["政务公开办", "统筹协调、审核发布"], ["起草科室", "起草解读材料"]]

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def run(text):
    return '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % text


def para(text, br=None):
    if br:
        return "<w:p>%s<w:r><w:br/></w:r>%s</w:p>" % (run(text), run(br))
    return "<w:p>%s</w:p>" % run(text)


def table(rows):
    out = ["<w:tbl>"]
    for row in rows:
        out.append("<w:tr>")
        for cell in row:
            out.append("<w:tc>%s</w:tc>" % para(cell))
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def write_docx(path):
    body = [para(TITLE)] + [para(p) for p in PARAS[:6]]
    body += [table(TABLE)]
    body += [para(p) for p in PARAS[6:]]
    body += [para("联系人：政务公开办", br="电话：0000-00000000")]
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<w:document %s><w:body>%s<w:sectPr/></w:body></w:document>' % (W, "".join(body)))
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/'
          'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", doc)


def main():
    write_docx("policy.docx")
    subprocess.run(["libreoffice", "--headless", "--convert-to", "pdf", "policy.docx"], check=True)
    data = open("policy.pdf", "rb").read()
    open("truncated.pdf", "wb").write(data[: len(data) // 2])
    corrupt = bytearray(data)
    for i in range(len(corrupt) // 3, len(corrupt), 97):
        corrupt[i] ^= 0x5A
    open("corrupted.pdf", "wb").write(bytes(corrupt))
    open("image_only.pdf", "wb").write(image_only_pdf())
    text = "\n".join([TITLE] + PARAS) + "\n"
    open("policy-utf8.txt", "w", encoding="utf-8").write(text)
    open("policy-utf8-bom.txt", "w", encoding="utf-8-sig").write(text)
    open("policy-gbk.txt", "w", encoding="gbk").write(text)
    # 㐀 (U+3400) and 𠀀 (U+20000) only exist in GB18030's four-byte range.
    open("policy-gb18030.txt", "w", encoding="gb18030").write(text + "生僻字：㐀𠀀\n")
    open("policy-utf16le.txt", "w", encoding="utf-16").write(text)
    open("policy-utf16be.txt", "wb").write(b"\xfe\xff" + text.encode("utf-16-be"))
    open("empty.txt", "w").close()
    csv = ("提交人,提交时间,意见内容,类别\n"
           "张三,2026-03-05,\"建议延长征求意见期限，\n并增加线下座谈会。\",个人\n"
           "某行业协会,2026-03-06,第三条中“3个工作日”的表述建议明确起算日。,行业协会商会\n"
           "李四,2026-03-07,同意,个人\n")
    open("comments-gbk.csv", "w", encoding="gbk", newline="").write(csv)


def image_only_pdf():
    """A one-page PDF whose only content is a 16x16 grey image: a scan with no text layer."""
    pixels = bytes((x * 16) % 256 for x in range(256))
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] "
        b"/Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
        None,
        b"<< /Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length %d >>\nstream\n" % len(pixels) + pixels + b"\nendstream",
    ]
    content = b"q 200 0 0 200 0 0 cm /Im1 Do Q"
    objs[3] = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


if __name__ == "__main__":
    main()
