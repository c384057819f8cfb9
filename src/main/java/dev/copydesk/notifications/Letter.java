package dev.copydesk.notifications;

/** One mail to one recipient, in plain text and HTML; {@code unsubscribeUrl} only for commenters. */
record Letter(String to, String subject, String text, String html, String unsubscribeUrl) {

    Letter {
        // A title with a line break must not become a second header.
        subject = subject.replaceAll("[\\r\\n]+", " ");
    }
}
