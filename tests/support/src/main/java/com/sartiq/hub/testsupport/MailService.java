package com.sartiq.hub.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.util.Arrays;
import java.util.List;

/**
 * A local SMTP sink (GreenMail) the backend sends its mails to: password recovery and invitations
 * in the tests, and in the local stack, where nothing should leave the machine.
 */
public final class MailService implements AutoCloseable {

    private final GreenMail greenMail;
    private final int port;

    private MailService(GreenMail greenMail, int port) {
        this.greenMail = greenMail;
        this.port = port;
    }

    public static MailService start() {
        int port = Ports.free();
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return new MailService(greenMail, port);
    }

    public int port() {
        return port;
    }

    /** Every message received so far for the address (recipient match, case-insensitive). */
    public List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().toLowerCase().contains(address.toLowerCase()));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** The text of a message, whatever its MIME structure. */
    public static String text(MimeMessage message) {
        return com.icegreen.greenmail.util.GreenMailUtil.getBody(message);
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
