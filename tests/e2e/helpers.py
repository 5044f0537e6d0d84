"""What the browser tests share: reading the mailbox, the badge's QR, axe-core, log-in cookies."""

import io
import re
from pathlib import Path

import pypdfium2 as pdfium
import zxingcpp
from django.conf import settings
from django.core import mail
from django.test import Client

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
SERIOUS = ("serious", "critical")


def link_in_last_mail_to(address: str, pattern: str) -> str:
    """The path of the first link matching `pattern` in the newest e-mail sent to `address`."""
    messages = [message for message in mail.outbox if address in message.to]
    assert messages, f"no e-mail to {address}; outbox: {[m.subject for m in mail.outbox]}"
    match = re.search(r"https?://[^/\s]+(" + pattern + r")", messages[-1].body)
    assert match, messages[-1].body
    return match.group(1)


def qr_codes_in_pdf(data: bytes) -> list[str]:
    """Render the first page of a PDF and read every QR code on it, as a scanner would."""
    page = pdfium.PdfDocument(io.BytesIO(data))[0]
    image = page.render(scale=4).to_pil()
    return [result.text for result in zxingcpp.read_barcodes(image)]


def log_in_as(context, user, live_server) -> None:
    """Give a browser context the session of `user` without going through the log-in form."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )


def accessibility_problems(page) -> list[str]:
    """Run axe-core on the page; return its serious and critical findings, one line each."""
    if not page.evaluate("() => Boolean(window.axe)"):
        page.add_script_tag(path=str(AXE))
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    problems = []
    for violation in results["violations"]:
        if violation["impact"] not in SERIOUS:
            continue
        for node in violation["nodes"]:
            problems.append(
                f"{page.url} {violation['id']} ({violation['impact']}): {violation['help']} "
                f"at {' '.join(node['target'])}: {node.get('failureSummary', '')}"
            )
    return problems
