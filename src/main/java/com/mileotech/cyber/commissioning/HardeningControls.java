package com.mileotech.cyber.commissioning;

import com.mileotech.cyber.system.Published;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The control points of the hardening guide in force, for other features: the lessons learned of a
 * security incident name them as root causes, and their re-verification shows what to check
 * (security updates feature, issue 10).
 */
@Published
@Component
public class HardeningControls {

  private final Catalogues catalogues;

  HardeningControls(Catalogues catalogues) {
    this.catalogues = catalogues;
  }

  /** A control point: id (e.g. VMS-04), French label, what to verify and how, guide section. */
  public record Control(String id, String label, String verify, String section) {}

  /** e.g. "GUID-PREM-003 v1.3". */
  public String guide() {
    return catalogues.current().name();
  }

  public Optional<Control> control(String id) {
    return catalogues.current().point(id).map(p -> new Control(p.id(), p.label(), p.verify(), p.section()));
  }

  public List<String> ids() {
    return catalogues.current().points().stream().map(Catalogue.Point::id).toList();
  }
}
