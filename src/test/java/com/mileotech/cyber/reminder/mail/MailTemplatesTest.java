package com.mileotech.cyber.reminder.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The templates render as plain text and HTML, the HTML title being the subject. */
class MailTemplatesTest {

  private final MailTemplates templates = new MailTemplates();

  @Test
  void aMissingTemplateFallsBackToTheGenericNotice() {
    Map<String, Object> model = new HashMap<>();
    model.put("title", "Titre <important>");
    model.put("body", "Ligne 1\nLigne 2");
    model.put("bodyLines", List.of("Ligne 1", "Ligne 2"));
    model.put("reference", "INC-2026-0007");
    model.put("clientName", "Hexa Énergie");
    model.put("tasklistUrl", "http://localhost:8080/camunda/app/tasklist/default/");
    RenderedMail mail = templates.render("no-such-template", model);
    assertThat(mail.template()).isEqualTo("notice");
    assertThat(mail.subject()).isEqualTo("Titre <important> — INC-2026-0007");
    assertThat(mail.text()).contains("Titre <important>\n\nLigne 1\nLigne 2\n", "Référence : INC-2026-0007\n",
        "Client : Hexa Énergie\n", "Tasklist : http://localhost:8080/camunda/app/tasklist/default/\n");
    assertThat(mail.text()).doesNotContain("Site :", "[#", "[(");
    assertThat(mail.html()).contains("Titre &lt;important&gt;", "<td style=\"border: 1px solid #d9dee5;\">Hexa Énergie</td>");
    assertThat(templates.exists("incident-reported")).isTrue();
    assertThat(templates.exists("_parts")).isFalse();
    assertThat(templates.exists("../application")).isFalse();
  }
}
