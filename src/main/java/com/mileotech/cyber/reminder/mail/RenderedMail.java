package com.mileotech.cyber.reminder.mail;

/** A mail as its template wrote it: the subject (the HTML template's title), plain text and HTML. */
record RenderedMail(String template, String subject, String text, String html) {}
