package com.mileotech.cyber.incident;

import com.mileotech.cyber.system.Published;

/**
 * A reported security incident was converted into an exercise by the referent (published within
 * the conversion's transaction): the features it opened work in (notifications) mark what they
 * keep as an exercise too, or refuse the conversion by throwing (it is then undone).
 */
@Published
public record SecurityIncidentExerciseDeclared(String reference, String processInstanceId) {}
