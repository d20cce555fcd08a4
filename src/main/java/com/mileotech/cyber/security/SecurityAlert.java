package com.mileotech.cyber.security;

import com.mileotech.cyber.system.Published;
import java.time.Duration;
import java.time.Instant;

/**
 * Something the administrators must hear of at once (published as an application event; the mail
 * outbox mails it to the members of the administrators group).
 *
 * @param key the same key is told once (e.g. one alert per account and hour)
 * @param title the mail's title, in French
 * @param body what happened and what to do, in French
 */
@Published
public record SecurityAlert(String key, String title, String body) {

  static SecurityAlert failedLogins(String user, int failures, long sources, Duration window, Instant at) {
    long minutes = window.toMinutes();
    return new SecurityAlert("login:" + user + ":" + at.getEpochSecond() / Math.max(1, window.getSeconds()),
        "Tentatives de connexion répétées sur le compte " + user,
        failures + " échecs de connexion sur le compte « " + user + " » en moins de " + minutes + " minutes, depuis "
            + sources + (sources > 1 ? " adresses" : " adresse") + ".\n"
            + "Chaque adresse qui se trompe est ralentie (attente croissante, levée d'elle-même) ; le titulaire du "
            + "compte peut toujours se connecter depuis son propre poste.\n"
            + "Si ce n'est pas lui : vérifiez le journal d'audit (événements login.failure et login.throttled) et, au "
            + "besoin, changez le mot de passe du compte dans Admin.");
  }
}
