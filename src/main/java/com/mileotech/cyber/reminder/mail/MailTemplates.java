package com.mileotech.cyber.reminder.mail;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The mail templates under templates/mail/, rendered with Thymeleaf: {@code <name>.txt} in TEXT
 * mode for the plain-text part, {@code <name>.html} in HTML mode for the HTML part, whose
 * {@code <title>} is the subject. A notice whose template does not exist falls back to
 * {@value #GENERIC_NOTICE}, which shows the notice's {@code title} and {@code body}.
 */
@Component
class MailTemplates {

  static final String FOLDER = "templates/mail/";
  static final String GENERIC_NOTICE = "notice";
  private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);

  // engines of their own (not beans): Spring Boot's web Thymeleaf engine stays as it is
  private final SpringTemplateEngine text = engine(TemplateMode.TEXT, ".txt");
  private final SpringTemplateEngine html = engine(TemplateMode.HTML, ".html");

  boolean exists(String template) {
    return template != null && template.matches("[a-z0-9-]+")
        && new ClassPathResource(FOLDER + template + ".html").exists()
        && new ClassPathResource(FOLDER + template + ".txt").exists();
  }

  /** Renders {@code template}, or the generic notice when it does not exist. */
  RenderedMail render(String template, Map<String, Object> model) {
    String name = exists(template) ? template : GENERIC_NOTICE;
    Context context = new Context(Locale.FRENCH, model);
    String htmlBody = html.process(name, context);
    // conditional lines leave blank ones behind: one blank line between paragraphs is enough
    String textBody = text.process(name, context).replaceAll("\n{3,}", "\n\n").strip() + "\n";
    Matcher title = TITLE.matcher(htmlBody);
    if (!title.find()) {
      throw new IllegalStateException("Mail template " + name + ".html has no <title> (the subject)");
    }
    String subject = HtmlUtils.htmlUnescape(title.group(1)).replaceAll("\\s+", " ").strip();
    return new RenderedMail(name, subject, textBody, htmlBody);
  }

  private static SpringTemplateEngine engine(TemplateMode mode, String suffix) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix(FOLDER);
    resolver.setSuffix(suffix);
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resolver.setCacheable(true);
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }
}
