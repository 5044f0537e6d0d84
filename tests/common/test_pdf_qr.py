"""The one QR drawer: a matrix becomes one PDF path that a scanner reads back exactly."""

import io

import pypdfium2 as pdfium
import qrcode
import zxingcpp
from reportlab.pdfgen.canvas import Canvas

from common.pdf_qr import draw_qr_modules


def _decode(pdf: bytes) -> list[str]:
    page = pdfium.PdfDocument(pdf)[0]
    return [r.text for r in zxingcpp.read_barcodes(page.render(scale=4).to_pil())]


def test_a_drawn_matrix_scans_back_to_its_text_and_is_a_single_path():
    text = "https://press.example.org/events/hop-bao-tet/"
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    qr.add_data(text)
    qr.make(fit=True)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(200, 200), pageCompression=0)

    draw_qr_modules(canvas, qr.get_matrix(), x=40, y=40, size=120)
    canvas.showPage()
    canvas.save()

    pdf = buffer.getvalue()
    assert _decode(pdf) == [text]
    assert pdf.count(b"\nf\n") == 1  # every dark run filled by one fill operator
