package com.mileotech.cyber.commissioning;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures GUID-PREM-003 sets, recorded on the points they concern, and the check that a
 * point declared Conforme does not contradict them. The catalogue names a point's measure.
 */
enum Measure {
  /** §01: critical security patches applied within 72 hours of publication. */
  PATCH("patch") {
    @Override
    void check(PointEntry p, List<String> problems) {
      if (p.criticalPatchDelayHours == null) {
        problems.add("délai d'application des correctifs critiques non relevé");
      } else if (p.criticalPatchDelayHours < 0) {
        problems.add("délai d'application des correctifs critiques négatif");
      } else if (p.criticalPatchDelayHours > 72) {
        problems.add("correctifs critiques appliqués en " + p.criticalPatchDelayHours + " h, au-delà des 72 h du guide");
      }
    }

    @Override
    String describe(PointEntry p) {
      return p.criticalPatchDelayHours == null ? null : "Délai des correctifs critiques : " + p.criticalPatchDelayHours + " h";
    }
  },
  /** §01: VMS updates never deferred more than 30 days. */
  VMS_UPDATE("vmsUpdate") {
    @Override
    void check(PointEntry p, List<String> problems) {
      if (p.vmsUpdateDeferralDays == null) {
        problems.add("report de la mise à jour du VMS non relevé");
      } else if (p.vmsUpdateDeferralDays < 0) {
        problems.add("report de la mise à jour du VMS négatif");
      } else if (p.vmsUpdateDeferralDays > 30) {
        problems.add("mise à jour du VMS différée de " + p.vmsUpdateDeferralDays + " jours, au-delà des 30 jours du guide");
      }
    }

    @Override
    String describe(PointEntry p) {
      return p.vmsUpdateDeferralDays == null ? null : "Mise à jour du VMS en attente depuis : " + p.vmsUpdateDeferralDays + " jour(s)";
    }
  },
  /** §02: TLS 1.2 minimum between VMS clients and server. */
  TLS("tls") {
    @Override
    void check(PointEntry p, List<String> problems) {
      if (p.tlsMinVersion == null || p.tlsMinVersion.isBlank()) {
        problems.add("version TLS minimale non relevée");
      } else if (!TLS_VERSIONS.contains(p.tlsMinVersion)) {
        problems.add("version TLS « " + p.tlsMinVersion + " » inconnue (1.0, 1.1, 1.2 ou 1.3)");
      } else if (TLS_VERSIONS.indexOf(p.tlsMinVersion) < TLS_VERSIONS.indexOf("1.2")) {
        problems.add("TLS " + p.tlsMinVersion + " accepté, le guide exige TLS 1.2 minimum");
      }
    }

    @Override
    String describe(PointEntry p) {
      return p.tlsMinVersion == null ? null : "Version TLS minimale acceptée : TLS " + p.tlsMinVersion;
    }
  },
  /** §02: certificates valid for 2 years at most. */
  CERTIFICATE("certificate") {
    @Override
    void check(PointEntry p, List<String> problems) {
      if (p.certificateValidityMonths == null) {
        problems.add("durée de validité du certificat non relevée");
      } else if (p.certificateValidityMonths <= 0) {
        problems.add("durée de validité du certificat invalide");
      } else if (p.certificateValidityMonths > 24) {
        problems.add("certificat valable " + p.certificateValidityMonths + " mois, au-delà des 2 ans du guide");
      }
    }

    @Override
    String describe(PointEntry p) {
      return p.certificateValidityMonths == null ? null : "Validité du certificat : " + p.certificateValidityMonths + " mois";
    }
  },
  /** §03: default administrator password changed. */
  DEFAULT_PASSWORD("defaultPassword") {
    @Override
    void check(PointEntry p, List<String> problems) {
      if (!Boolean.TRUE.equals(p.defaultPasswordChanged)) {
        problems.add("mot de passe administrateur par défaut non changé");
      }
    }

    @Override
    String describe(PointEntry p) {
      return p.defaultPasswordChanged == null ? null
          : "Mot de passe par défaut changé : " + yesNo(p.defaultPasswordChanged);
    }
  },
  /** §03: administrator passwords of at least 12 characters with complexity. */
  PASSWORD("password") {
    @Override
    void check(PointEntry p, List<String> problems) {
      if (p.adminPasswordLength == null) {
        problems.add("longueur du mot de passe administrateur non relevée");
      } else if (p.adminPasswordLength < 12) {
        problems.add("mot de passe administrateur de " + p.adminPasswordLength + " caractères, le guide en exige 12 au moins");
      }
      if (!Boolean.TRUE.equals(p.adminPasswordComplex)) {
        problems.add("complexité du mot de passe administrateur non imposée");
      }
    }

    @Override
    String describe(PointEntry p) {
      if (p.adminPasswordLength == null && p.adminPasswordComplex == null) {
        return null;
      }
      return "Mot de passe administrateur : " + (p.adminPasswordLength == null ? "?" : p.adminPasswordLength)
          + " caractères, complexité " + (Boolean.TRUE.equals(p.adminPasswordComplex) ? "imposée" : "non imposée");
    }
  },
  /** §03: Telnet and FTP administration interfaces disabled. */
  LEGACY_INTERFACES("legacyInterfaces") {
    @Override
    void check(PointEntry p, List<String> problems) {
      if (!Boolean.TRUE.equals(p.telnetDisabled)) {
        problems.add("Telnet non désactivé");
      }
      if (!Boolean.TRUE.equals(p.ftpDisabled)) {
        problems.add("FTP non désactivé");
      }
    }

    @Override
    String describe(PointEntry p) {
      if (p.telnetDisabled == null && p.ftpDisabled == null) {
        return null;
      }
      return "Telnet désactivé : " + yesNo(p.telnetDisabled) + " ; FTP désactivé : " + yesNo(p.ftpDisabled);
    }
  },
  /** §03: HTTP disabled when HTTPS is available. */
  HTTPS("https") {
    @Override
    void check(PointEntry p, List<String> problems) {
      if (p.httpsAvailable == null) {
        problems.add("disponibilité de HTTPS non relevée");
      } else if (p.httpsAvailable && !Boolean.TRUE.equals(p.httpDisabled)) {
        problems.add("HTTP actif alors que HTTPS est disponible");
      }
    }

    @Override
    String describe(PointEntry p) {
      if (p.httpsAvailable == null) {
        return null;
      }
      return "HTTPS disponible : " + yesNo(p.httpsAvailable) + " ; HTTP désactivé : " + yesNo(p.httpDisabled);
    }
  },
  /** §03: UPnP, Bonjour and (unless required) ONVIF discovery disabled. */
  DISCOVERY("discovery") {
    @Override
    void check(PointEntry p, List<String> problems) {
      if (!Boolean.TRUE.equals(p.upnpDisabled)) {
        problems.add("UPnP non désactivé");
      }
      if (!Boolean.TRUE.equals(p.bonjourDisabled)) {
        problems.add("Bonjour non désactivé");
      }
      if (!Boolean.TRUE.equals(p.onvifDiscoveryRequired) && !Boolean.TRUE.equals(p.onvifDiscoveryDisabled)) {
        problems.add("ONVIF Discovery actif sans être requis");
      }
    }

    @Override
    String describe(PointEntry p) {
      if (p.upnpDisabled == null && p.bonjourDisabled == null && p.onvifDiscoveryDisabled == null) {
        return null;
      }
      return "UPnP désactivé : " + yesNo(p.upnpDisabled) + " ; Bonjour désactivé : " + yesNo(p.bonjourDisabled)
          + " ; ONVIF Discovery requis : " + yesNo(p.onvifDiscoveryRequired)
          + ", désactivé : " + yesNo(p.onvifDiscoveryDisabled);
    }
  },
  /**
   * §03: the maker still publishes security updates. The figure is the inventory's: checked
   * against the equipment of the point's category by {@link ChecklistCheck}.
   */
  VENDOR_SUPPORT("vendorSupport") {
    @Override
    void check(PointEntry p, List<String> problems) {}

    @Override
    String describe(PointEntry p) {
      return null;
    }
  };

  static final List<String> TLS_VERSIONS = List.of("1.0", "1.1", "1.2", "1.3");

  private final String key;

  Measure(String key) {
    this.key = key;
  }

  @JsonValue
  String key() {
    return key;
  }

  @JsonCreator
  static Measure of(String key) {
    for (Measure m : values()) {
      if (m.key.equals(key)) {
        return m;
      }
    }
    throw new IllegalArgumentException("Unknown measure " + key);
  }

  /** Adds to {@code problems} each way the recorded figures contradict a Conforme status. */
  abstract void check(PointEntry point, List<String> problems);

  /** The recorded figures in one French line, or null when none was recorded. */
  abstract String describe(PointEntry point);

  List<String> problems(PointEntry point) {
    List<String> problems = new ArrayList<>();
    check(point, problems);
    return problems;
  }

  private static String yesNo(Boolean b) {
    return b == null ? "non renseigné" : b ? "oui" : "non";
  }
}
