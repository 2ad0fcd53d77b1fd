package fr.saisine.notification.message.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

/**
 * Which refusals are the mail server's condition (retried at the first-retry pace, not counted
 * against the letter) and which are the letter's (counted, backing off), as JavaMailSender reports them.
 */
class MailServerRepliesTest {

    static MailSendException failed(Exception cause) {
        return new MailSendException(Map.of(new MimeMessage((jakarta.mail.Session) null), cause));
    }

    static SMTPSendFailedException atData(int code, String text) {
        return new SMTPSendFailedException("DATA", code, code + " " + text, null, new Address[0], new Address[0],
                new Address[0]);
    }

    static SendFailedException atRecipient(int code, String text) throws Exception {
        var recipient = new InternetAddress("jeanne@example.org");
        var refused = new SMTPAddressFailedException(recipient, "RCPT TO", code, code + " " + text);
        return new SendFailedException("Invalid Addresses", refused, new Address[0], new Address[0],
                new Address[] {recipient});
    }

    @Test
    void shouldTakeAServerThatSaysItTakesNoMailForNowForTheServersCondition() throws Exception {
        assertThat(MailSender.serverNotTakingMail(failed(atData(451, "4.3.2 not taking mail for now")))).isTrue();
        assertThat(MailSender.serverNotTakingMail(failed(atRecipient(451, "4.3.0 local error, try later")))).isTrue();
        assertThat(MailSender.serverNotTakingMail(failed(atData(421, "service not available, closing channel"))))
                .isTrue();
        assertThat(MailSender.serverNotTakingMail(failed(atData(451, "4.4.1 no answer from the next host")))).isTrue();
    }

    @Test
    void shouldTakeARefusalOfThisLetterOrMailboxForTheLetters() throws Exception {
        assertThat(MailSender.serverNotTakingMail(failed(atRecipient(452, "4.2.2 mailbox full")))).isFalse();
        assertThat(MailSender.serverNotTakingMail(failed(atRecipient(550, "5.1.1 no such mailbox here")))).isFalse();
        assertThat(MailSender.serverNotTakingMail(failed(atData(554, "5.3.4 message too big")))).isFalse();
        // a status-like number further in the text is not the reply's enhanced status
        assertThat(MailSender.serverNotTakingMail(failed(atRecipient(450, "mailbox busy, host 10.4.3.12")))).isFalse();
        assertThat(MailSender.serverNotTakingMail(failed(new ConnectException("refused")))).isFalse();
        assertThat(MailSender.serverUnreachable(failed(new ConnectException("refused")))).isTrue();
    }
}
