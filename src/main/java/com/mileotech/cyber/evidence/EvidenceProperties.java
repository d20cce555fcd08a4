package com.mileotech.cyber.evidence;

import java.nio.file.Path;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where the evidence files are kept and how large an upload may be.
 *
 * @param store the directory of the content-addressed store (each file at its SHA-256), outside the database
 * @param maxUploadSize the largest file the server takes; a larger one is declared by its hash and location
 * @param retention how long an item is kept from the incident (PROC-CYB-005: 5 years) unless a hold says otherwise
 * @param videoPurge the purge of video recordings (CSI L252-5: one month); a hold beyond it needs a procedure reference
 */
@ConfigurationProperties("mileo.evidence")
record EvidenceProperties(
    @DefaultValue("./data/evidence") Path store,
    @DefaultValue("50MB") DataSize maxUploadSize,
    @DefaultValue("P5Y") Period retention,
    @DefaultValue("P1M") Period videoPurge) {}
