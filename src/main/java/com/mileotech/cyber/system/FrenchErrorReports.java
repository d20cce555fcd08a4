package com.mileotech.cyber.system;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * What Tomcat answers itself, before the application sees the request: a request line or headers
 * beyond 8 KB, an encoded slash or NUL in a path, a URI it cannot decode. Its own page is HTML in
 * English ("HTTP Status 400 – Bad Request"); ours is the API's JSON in French, for every error no
 * one else wrote a body for.
 */
@Component
class FrenchErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(context -> {
      if (context.getParent() instanceof StandardHost host) {
        host.setErrorReportValveClass(JsonErrorReport.class.getName());
      } else if (context.getParent() instanceof Host host) {
        host.getPipeline().addValve(new JsonErrorReport());
      }
    });
  }

  /** Tomcat's error report as {@code {"status", "message"}}, in French, never the exception. */
  public static class JsonErrorReport extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      String message = switch (status) {
        case 400 -> "Requête refusée : adresse, paramètres ou en-têtes illisibles ou trop longs (8 Ko au plus)";
        case 401 -> "Authentification requise";
        case 403 -> "Accès refusé";
        case 404 -> "Ressource introuvable";
        case 405 -> "Méthode non permise";
        case 413 -> "Requête trop volumineuse";
        case 414 -> "Adresse trop longue";
        case 431 -> "En-têtes de requête trop longs";
        default -> status >= 500 ? "Erreur interne ; l'incident technique a été journalisé" : "Requête refusée";
      };
      try {
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write("{\"status\":" + status + ",\"message\":\"" + message + "\"}");
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // the client is gone or the answer was already on its way: nothing more to say
      }
    }
  }
}
