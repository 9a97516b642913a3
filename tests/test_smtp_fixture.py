"""The `smtp_server` fixture: Django's SMTP backend delivers to a real server the test reads."""

from django.core.mail import EmailMessage


def test_a_message_sent_through_django_arrives_at_the_test_smtp_server(smtp_server):
    EmailMessage("Hello", "Body text", "portal@example.org", ["to@example.org"], reply_to=["me@example.org"]).send()

    [received] = smtp_server.messages
    assert received["Subject"] == "Hello" and received["Reply-To"] == "me@example.org"
    assert received.get_content().strip() == "Body text"
    assert received.envelope_recipients == ["to@example.org"]
