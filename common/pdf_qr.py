"""Drawing a QR matrix into a reportlab canvas: one path of filled runs, for badges and kits."""

from reportlab.pdfgen.canvas import Canvas


def draw_qr_modules(
    canvas: Canvas, modules: list[list[bool]], *, x: float, y: float, size: float
) -> None:
    """Draw `modules` (rows top to bottom, dark = True) as a `size`-point square at (x, y).

    One path of filled horizontal runs, written in module units with a transform scaling it
    to the square: every number is a small integer, so the ~160 rectangles of a badge QR cost
    microseconds instead of the milliseconds reportlab's float formatting of each point would.
    """
    count = len(modules)
    unit = size / count
    runs = []
    for row_index, row in enumerate(modules):
        row_y = count - 1 - row_index  # PDF y grows upwards, matrix rows go down
        start = None
        for col, dark in enumerate(row):
            if dark and start is None:
                start = col
            elif not dark and start is not None:
                runs.append(f"{start} {row_y} {col - start} 1 re")
                start = None
        if start is not None:
            runs.append(f"{start} {row_y} {count - start} 1 re")
    canvas.saveState()
    canvas.transform(unit, 0, 0, unit, x, y)
    canvas.setFillGray(0)
    canvas.addLiteral("\n".join(runs) + "\nf")
    canvas.restoreState()
