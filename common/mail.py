"""Sending e-mail in the background."""

from django_tasks import task


@task()
def send_prepared_email(subject: str, body: str, to: list[str], html: str = "") -> None:
    """Background task: send an e-mail already rendered by the request (sign-up, password)."""
    from django.core.mail import EmailMultiAlternatives

    message = EmailMultiAlternatives(subject=subject, body=body, to=to)
    if html:
        message.attach_alternative(html, "text/html")
    message.send()
