"""aiosmtpd handlers for the CustomerCare.MailKit tests, started with -c customercare_test_handlers.<Class>."""
from aiosmtpd.handlers import Mailbox


class RefusingMailbox(Mailbox):
    """A Maildir that refuses recipients at @reject.test for good (550) and at @later.test for now (451)."""

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        domain = address.rpartition("@")[2].lower()
        if domain == "reject.test":
            return "550 5.1.1 <%s>: Recipient address rejected: mailbox unavailable" % address
        if domain == "later.test":
            return "451 4.3.0 <%s>: Temporarily unable to accept; try again later" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"
